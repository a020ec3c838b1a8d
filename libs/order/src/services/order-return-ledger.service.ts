import { Injectable } from '@nestjs/common';
import { BadInputException, DomainException, ErrorCode, NotFoundException, RequestContext } from '@omnitill/common';
import { OrderLineEntity } from '../entities/order-line.entity';
import { OrderEntity } from '../entities/order.entity';
import { OrderState } from '../entities/order.enums';
import { OrderRepository } from '../repositories/order.repository';
import { includedTax } from '../rules/pricing';
import { paidAmountForUnits } from '../rules/refund';

/** States in which goods were handed over, so units can come back. */
export const RETURNABLE_STATES: readonly OrderState[] = [OrderState.COMPLETED, OrderState.PICKED_UP, OrderState.SHIPPED];

/** A line as the returns lib sees it: what was paid, and how many units can still come back. */
export interface ReturnableLine {
  readonly lineId: string;
  readonly variantId: string;
  readonly sku: string;
  readonly quantity: number;
  readonly refusedQuantity: number;
  readonly returnedQuantity: number;
  readonly returnableQuantity: number;
  /** What the line cost after discounts, in minor units of the order currency. */
  readonly totalAmount: number;
  readonly taxRateBp: number;
  /** What the next returnable unit refunds (units differ by at most one minor unit). */
  readonly nextUnitRefundAmount: number;
}

export interface ReturnedUnits {
  readonly line: OrderLineEntity;
  /** What the units were paid: exactly their share of the line total, discounts prorated. */
  readonly refundAmount: number;
  readonly refundTaxAmount: number;
}

/**
 * For the returns lib: what each unit of an order was paid, and recording returned units so that
 * a unit is returned at most once and refunds never exceed what was paid, under any concurrency.
 */
@Injectable()
export class OrderReturnLedgerService {
  constructor(private readonly orders: OrderRepository) {}

  async returnableLines(ctx: RequestContext, orderId: string): Promise<{ order: OrderEntity; lines: ReturnableLine[] }> {
    const order = await this.orders.findById(ctx, orderId);
    if (!order) {
      throw new NotFoundException('Order', orderId);
    }
    const lines = await this.orders.loadLines(ctx, orderId);
    const returnable = RETURNABLE_STATES.includes(order.state);
    return {
      order,
      lines: lines.map((line) => {
        const settled = line.refusedQuantity + line.returnedQuantity;
        const left = returnable ? line.quantity - settled : 0;
        return {
          lineId: line.id,
          variantId: line.variantId,
          sku: line.sku,
          quantity: line.quantity,
          refusedQuantity: line.refusedQuantity,
          returnedQuantity: line.returnedQuantity,
          returnableQuantity: left,
          totalAmount: line.totalAmount,
          taxRateBp: line.taxRateBp,
          nextUnitRefundAmount: left > 0 ? paidAmountForUnits(line.totalAmount, line.quantity, settled, 1) : 0,
        };
      }),
    };
  }

  /**
   * Counts `units` of a line as returned and answers what they were paid. Must run in the return's
   * transaction: locks the order (a void cannot slip in) and guards the line with one conditional
   * UPDATE. CONFLICT when fewer units are left or the order is not in a returnable state.
   */
  async recordReturnedUnits(ctx: RequestContext, orderId: string, lineId: string, units: number): Promise<ReturnedUnits> {
    if (!ctx.entityManager?.queryRunner?.isTransactionActive) {
      throw new Error('recordReturnedUnits must run inside the return transaction');
    }
    if (!Number.isInteger(units) || units < 1) {
      throw new BadInputException('units must be a positive integer');
    }
    const order = await this.orders.findByIdForUpdate(ctx, orderId);
    if (!order) {
      throw new NotFoundException('Order', orderId);
    }
    if (!RETURNABLE_STATES.includes(order.state)) {
      throw new DomainException(ErrorCode.CONFLICT, `Order ${order.number} is ${order.state}: nothing to return`);
    }
    const before = (await this.orders.loadLines(ctx, orderId)).find((line) => line.id === lineId.toLowerCase());
    if (!before) {
      throw new NotFoundException('Order line', lineId);
    }
    const line = await this.orders.addReturnedUnits(ctx, before.id, units);
    if (!line) {
      throw new DomainException(ErrorCode.CONFLICT, `Only ${before.quantity - before.refusedQuantity - before.returnedQuantity} unit(s) of line ${before.lineNo} can still be returned`);
    }
    const settledBefore = line.refusedQuantity + line.returnedQuantity - units;
    const refundAmount = paidAmountForUnits(line.totalAmount, line.quantity, settledBefore, units);
    return { line, refundAmount, refundTaxAmount: includedTax(refundAmount, line.taxRateBp) };
  }
}
