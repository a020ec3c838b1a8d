import { Injectable } from '@nestjs/common';
import { BadInputException, RequestContext, TransactionRunner } from '@omnitill/common';
import { StockMovementType } from '@omnitill/inventory';
import { OrderLineEntity } from '../entities/order-line.entity';
import { OrderState } from '../entities/order.enums';
import { InvalidPickupCodeError, OrderStateTransitionError, PickupLockedError } from '../errors/order.errors';
import { OrderCustomerDirectory } from '../ports/order-customer.directory';
import { OrderDetails, OrderRepository } from '../repositories/order.repository';
import { paidAmountForUnits } from '../rules/refund';
import { OrderStockService } from './order-stock.service';
import { OrderTransitionService } from './order-transition.service';
import { PickupProof, PickupVerificationService } from './pickup-verification.service';

/** Units of a line the customer does not take at the counter. */
export interface RefusedLine {
  readonly lineId: string;
  readonly quantity: number;
}

export type CollectOutcome = OrderDetails | InvalidPickupCodeError | PickupLockedError | OrderStateTransitionError;

/**
 * The counter: verify the QR or code (outside the transaction, so wrong codes count), then in one
 * transaction hand the order over, turn the reservation into PICKUP movements (refused units are
 * released and their paid amount becomes refund due) and link the customer.
 */
@Injectable()
export class PickupHandoverService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly verification: PickupVerificationService,
    private readonly orders: OrderRepository,
    private readonly transitions: OrderTransitionService,
    private readonly stock: OrderStockService,
    private readonly customers: OrderCustomerDirectory,
  ) {}

  async collect(ctx: RequestContext, proof: PickupProof, refused: readonly RefusedLine[] = []): Promise<CollectOutcome> {
    const verified = await this.verification.verify(ctx, proof);
    if (verified instanceof InvalidPickupCodeError || verified instanceof PickupLockedError || verified instanceof OrderStateTransitionError) {
      return verified;
    }
    return this.transactions.run(ctx, (tx) => this.handOver(tx, verified.id, refused));
  }

  private async handOver(tx: RequestContext, orderId: string, refused: readonly RefusedLine[]): Promise<CollectOutcome> {
    const order = await this.orders.findById(tx, orderId);
    if (!order) {
      throw new Error(`order ${orderId} vanished during handover`);
    }
    const lines = await this.orders.loadLines(tx, orderId);
    const refusedByLine = refusedQuantities(lines, refused);
    const refundAmount = lines.reduce((sum, line) => sum + paidAmountForUnits(line.totalAmount, line.quantity, 0, refusedByLine.get(line.id) ?? 0), 0);
    const customerId = order.customerId ?? (order.guestEmail ? await this.customers.verifiedCustomerWithEmail(tx, order.guestEmail) : null);
    const refusedUnits = [...refusedByLine.values()].reduce((sum, units) => sum + units, 0);
    const result = await this.transitions.transition(tx, order, OrderState.PICKED_UP, {
      reason: refusedUnits > 0 ? `collected; ${refusedUnits} unit(s) refused at the counter` : 'collected',
      patch: (now) => ({ pickedUpAt: now, expiresAt: null, customerId, refundDueAmount: order.refundDueAmount + refundAmount }),
    });
    if (result instanceof OrderStateTransitionError) {
      return result;
    }
    if (order.reservationId) {
      const quantities = lines.map((line) => ({ variantId: line.variantId, quantity: line.quantity - (refusedByLine.get(line.id) ?? 0) }));
      const problem = await this.stock.commit(tx, order.reservationId, StockMovementType.PICKUP, quantities);
      if (problem) {
        return new OrderStateTransitionError(OrderState.READY_FOR_PICKUP, OrderState.PICKED_UP, `the stock is no longer held (${problem.message})`);
      }
    }
    await this.orders.setRefusedQuantities(tx, orderId, refusedByLine);
    const [details] = await this.orders.loadDetails(tx, [orderId]);
    return details;
  }
}

/** Refused units per line id; refuses unknown lines, repeats, and refusing every unit (cancel the order instead). */
function refusedQuantities(lines: readonly OrderLineEntity[], refused: readonly RefusedLine[]): Map<string, number> {
  const byId = new Map(lines.map((line) => [line.id, line]));
  const result = new Map<string, number>();
  for (const [index, entry] of refused.entries()) {
    const lineId = entry.lineId.toLowerCase();
    const line = byId.get(lineId);
    if (!line || result.has(lineId)) {
      throw new BadInputException(`refusedLines.${index}: not a line of this order, or listed twice`, [{ field: `refusedLines.${index}.lineId`, messages: ['unknown or repeated line'] }]);
    }
    if (!Number.isInteger(entry.quantity) || entry.quantity < 1 || entry.quantity > line.quantity) {
      throw new BadInputException(`refusedLines.${index}: quantity must be from 1 to ${line.quantity}`, [{ field: `refusedLines.${index}.quantity`, messages: [`from 1 to ${line.quantity}`] }]);
    }
    result.set(lineId, entry.quantity);
  }
  const refusedUnits = [...result.values()].reduce((sum, units) => sum + units, 0);
  const orderedUnits = lines.reduce((sum, line) => sum + line.quantity, 0);
  if (refusedUnits > 0 && refusedUnits === orderedUnits) {
    throw new BadInputException('Every unit was refused: cancel the order instead', [{ field: 'refusedLines', messages: ['refuses the whole order'] }]);
  }
  return result;
}
