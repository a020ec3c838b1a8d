import { Injectable } from '@nestjs/common';
import { DomainException, ErrorCode, EventOutbox, RequestContext } from '@omnitill/common';
import { CouponRedemptionService, CouponReversalReason } from '@omnitill/coupon';
import { StockLedgerService } from '@omnitill/inventory';
import { OrderDetails, OrderLineEntity, paidAmountForUnits, RETURNABLE_STATES, ReturnedUnits } from '@omnitill/order';
import { RefundEntity } from '../entities/refund.entity';
import { ReturnLineEntity } from '../entities/return-line.entity';
import { ReturnRequestEntity } from '../entities/return-request.entity';
import { RefundMethod, RETURN_REFERENCE_TYPE } from '../entities/return.enums';
import { OverReturnError, OrderNotReturnableError } from '../errors/returns.errors';
import { refundIssuedEvent, returnReceivedEvent } from '../events/returns.events';
import { OrderDirectory } from '../ports/order-directory';
import { ReturnRequestRepository } from '../repositories/return-request.repository';
import { dispositionMovements } from '../rules/disposition';
import { linePaidAmount } from '../rules/refund-proration';
import { OrderLineReturn, PricedReturnLine, priceParts } from '../rules/return-lines';
import { RefundIssuer } from './refund-issuer.service';

/** The stock ledger takes at most this many movements per call. */
const MOVEMENT_BATCH = 100;

export interface CompletedReturn {
  readonly request: ReturnRequestEntity;
  readonly lines: ReturnLineEntity[];
  readonly refunds: RefundEntity[];
  /** True when this return brought the coupon use back (full return, campaign says so). */
  readonly couponRestored: boolean;
}

/**
 * The part every return shares once goods are in a store's hands, inside its transaction:
 * counting the units as returned on the order (at most once each, under the order lock), pricing
 * them at what was paid, the stock movements at the receiving store, the refund, the coupon of a
 * fully returned order, and the events.
 */
@Injectable()
export class ReturnSettlementService {
  constructor(
    private readonly orders: OrderDirectory,
    private readonly requests: ReturnRequestRepository,
    private readonly stock: StockLedgerService,
    private readonly refunds: RefundIssuer,
    private readonly coupons: CouponRedemptionService,
    private readonly outbox: EventOutbox,
  ) {}

  /**
   * Records the units on the order lines one order line at a time in id order (the ledger's
   * guarded UPDATE refuses a unit already returned, by this or a concurrent return), then prices
   * every part at what its units were paid, capped by what is left to refund on the line.
   */
  async takeBackUnits(tx: RequestContext, orderId: string, groups: readonly OrderLineReturn[]): Promise<PricedReturnLine[] | OverReturnError | OrderNotReturnableError> {
    const recorded: ReturnedUnits[] = [];
    for (const group of groups) {
      try {
        recorded.push(await this.orders.recordReturnedUnits(tx, orderId, group.orderLineId, group.units));
      } catch (error) {
        if (error instanceof DomainException && error.code === ErrorCode.CONFLICT) {
          return this.refusal(tx, orderId, group);
        }
        throw error;
      }
    }
    // Read after the order lock: every return committed before ours is counted.
    const refunded = await this.requests.refundedByOrderLine(tx, orderId);
    return groups.flatMap((group, index) => {
      const line = recorded[index].line;
      return priceParts(
        {
          paidAmount: paidAmountOf(line),
          quantity: line.quantity,
          settledUnits: line.refusedQuantity + line.returnedQuantity - group.units,
          // Units refused at the counter were refunded by the order lib, by its own rule.
          refundedAmount: paidAmountForUnits(line.totalAmount, line.quantity, 0, line.refusedQuantity) + (refunded.get(line.id) ?? 0),
        },
        group.parts,
      );
    });
  }

  /**
   * Stock, refund, coupon and events for a return written in its final state (REFUNDED). An
   * exchange passes the part of the value the replacement sale did not use as `refund`.
   */
  async complete(
    tx: RequestContext,
    request: ReturnRequestEntity,
    lines: readonly ReturnLineEntity[],
    details: OrderDetails,
    refund: { readonly amount: number; readonly method: RefundMethod } = { amount: request.refundAmount, method: request.refundMethod },
  ): Promise<CompletedReturn> {
    const storeId = request.receivingStoreId;
    if (!storeId) {
      throw new Error(`return ${request.number} has no receiving store`);
    }
    const movements = dispositionMovements(
      request.number,
      lines.map((line) => {
        if (!line.condition) {
          throw new Error(`return line ${line.id} has no condition`);
        }
        return { variantId: line.variantId, quantity: line.quantity, condition: line.condition };
      }),
    ).map((movement) => ({ ...movement, referenceType: RETURN_REFERENCE_TYPE, referenceId: request.id }));
    for (let start = 0; start < movements.length; start += MOVEMENT_BATCH) {
      await this.stock.applyMovements(tx, storeId, movements.slice(start, start + MOVEMENT_BATCH));
    }
    const refunds = await this.refunds.issue(tx, request, details, refund.amount, refund.method);
    const couponRestored = details.order.couponCode !== null && (await this.isFullyReturned(tx, request.orderId))
      ? (await this.coupons.reverseForOrder(tx, request.orderId, CouponReversalReason.FULL_RETURN)) > 0
      : false;
    await this.outbox.record(tx, [
      returnReceivedEvent(request, lines, details.order.number),
      ...(refunds.length > 0 ? [refundIssuedEvent(request, refunds)] : []),
    ]);
    return { request, lines: [...lines], refunds, couponRestored };
  }

  private async isFullyReturned(tx: RequestContext, orderId: string): Promise<boolean> {
    const { lines } = await this.orders.returnable(tx, orderId);
    return lines.length > 0 && lines.every((line) => line.returnableQuantity === 0) && lines.some((line) => line.returnedQuantity > 0);
  }

  /** Why the ledger refused: the order left a returnable state, or the units are gone. */
  private async refusal(tx: RequestContext, orderId: string, group: OrderLineReturn): Promise<OverReturnError | OrderNotReturnableError> {
    const fresh = await this.orders.returnable(tx, orderId);
    if (!RETURNABLE_STATES.includes(fresh.order.state)) {
      return new OrderNotReturnableError(orderId, fresh.order.state);
    }
    const line = fresh.lines.find((candidate) => candidate.lineId === group.orderLineId);
    return new OverReturnError(group.orderLineId, group.units, line?.returnableQuantity ?? 0);
  }
}

/** What the line paid; the order lib stores it, and it must match its parts. */
function paidAmountOf(line: OrderLineEntity): number {
  const paid = linePaidAmount({ unitPriceAmount: line.unitPriceAmount, quantity: line.quantity, discountAmount: line.discountAmount });
  if (paid !== line.totalAmount) {
    throw new Error(`order line ${line.id}: total ${line.totalAmount} is not unit price × quantity − discount (${paid})`);
  }
  return paid;
}
