import { Injectable } from '@nestjs/common';
import { Clock, NotFoundException, RequestContext } from '@omnitill/common';
import { OrderDetails, paidAmountForUnits, RETURNABLE_STATES, ReturnableLine } from '@omnitill/order';
import { OrderDirectory } from '../ports/order-directory';
import { ReturnRequestRepository } from '../repositories/return-request.repository';
import { refundForUnits } from '../rules/refund-proration';
import { windowEndOf } from '../rules/return-window';
import { ReturnPolicyService } from './return-policy.service';
import { ReturnView, ReturnViewLoader } from './return-view.loader';

export interface ReturnableOrderLine extends ReturnableLine {
  /** Units promised back by open authorisations (a store receives those through the authorisation). */
  readonly authorisedQuantity: number;
  /** What the next unit would refund (its largest-remainder share of what the line paid). */
  readonly nextUnitRefundAmount: number;
}

/** What the till shows after scanning a receipt or typing an order number. */
export interface ReturnableOrder {
  readonly details: OrderDetails;
  readonly returnable: boolean;
  readonly windowDays: number;
  readonly windowEndsAt: Date;
  readonly withinWindow: boolean;
  readonly lines: ReturnableOrderLine[];
  readonly returns: ReturnView[];
}

/** Reads returns: by order (order history), by id, and the returnable view of an order. */
@Injectable()
export class ReturnQueryService {
  constructor(
    private readonly orders: OrderDirectory,
    private readonly requests: ReturnRequestRepository,
    private readonly views: ReturnViewLoader,
    private readonly policies: ReturnPolicyService,
    private readonly clock: Clock,
  ) {}

  /** Any store's sale or any online order, by number or receipt QR. NOT_FOUND for missing and malformed alike. */
  async returnableOrder(ctx: RequestContext, numberOrReceiptToken: string): Promise<ReturnableOrder> {
    const orderId = await this.orders.findId(ctx, numberOrReceiptToken);
    const { order, lines } = await this.orders.returnable(ctx, orderId);
    const now = this.clock.now();
    const policy = await this.policies.policyOf(ctx, order.storeId);
    const windowEndsAt = windowEndOf(order, policy.windowDays);
    const authorised = await this.requests.outstandingAuthorisedUnits(ctx, orderId, now);
    const refunded = await this.requests.refundedByOrderLine(ctx, orderId);
    return {
      details: await this.orders.details(ctx, order),
      returnable: RETURNABLE_STATES.includes(order.state),
      windowDays: policy.windowDays,
      windowEndsAt,
      withinWindow: now.getTime() <= windowEndsAt.getTime(),
      lines: lines.map((line) => {
        const state = {
          paidAmount: line.totalAmount,
          quantity: line.quantity,
          settledUnits: line.refusedQuantity + line.returnedQuantity,
          refundedAmount: paidAmountForUnits(line.totalAmount, line.quantity, 0, line.refusedQuantity) + (refunded.get(line.lineId) ?? 0),
        };
        return {
          ...line,
          authorisedQuantity: authorised.get(line.lineId) ?? 0,
          nextUnitRefundAmount: line.returnableQuantity > 0 ? refundForUnits(state, 1) : 0,
        };
      }),
      returns: await this.views.load(ctx, await this.requests.byOrder(ctx, orderId)),
    };
  }

  /** Every return of an order, oldest first. A customer sees only their own orders' returns. */
  async forOrder(ctx: RequestContext, orderId: string): Promise<ReturnView[]> {
    if (ctx.actor.kind === 'customer') {
      const { order } = await this.orders.returnable(ctx, orderId);
      if (order.customerId !== ctx.actor.customerId) {
        throw new NotFoundException('Order', orderId);
      }
    }
    return this.views.load(ctx, await this.requests.byOrder(ctx, orderId));
  }

  /** For a list of orders already visible to the caller (the Order.returns field). */
  async forOrders(ctx: RequestContext, orderIds: readonly string[]): Promise<Map<string, ReturnView[]>> {
    const views = await this.views.load(ctx, await this.requests.byOrders(ctx, orderIds));
    const byOrder = new Map<string, ReturnView[]>(orderIds.map((id) => [id, []]));
    views.forEach((view) => byOrder.get(view.request.orderId)?.push(view));
    return byOrder;
  }

  async byId(ctx: RequestContext, id: string): Promise<ReturnView> {
    const request = await this.requests.findById(ctx, id);
    if (!request) {
      throw new NotFoundException('Return', id);
    }
    return this.views.loadOne(ctx, request);
  }
}
