import { Injectable } from '@nestjs/common';
import { Clock, NotFoundException, RequestContext } from '@omnitill/common';
import { OrderEntity, RETURNABLE_STATES, ReturnableLine } from '@omnitill/order';
import { RefundMethod } from '../entities/return.enums';
import {
  NotAuthorisedToOverrideError, OrderNotReturnableError, OverReturnError, ReturnWindowExpiredError, StoreCreditNeedsCustomerError,
} from '../errors/returns.errors';
import { OrderDirectory } from '../ports/order-directory';
import { OrderLineReturn } from '../rules/return-lines';
import { decideWindow, windowEndOf } from '../rules/return-window';
import { ReturnPolicyService } from './return-policy.service';

export interface PreflightRequest {
  readonly orderId: string;
  readonly groups: readonly OrderLineReturn[];
  readonly refundMethod: RefundMethod;
  readonly overrideReason: string | null | undefined;
  /** Whether this caller may accept a late return (decided by the use case's roles). */
  readonly mayOverride: boolean;
}

export interface Preflight {
  readonly order: OrderEntity;
  readonly lines: ReturnableLine[];
  readonly windowEndsAt: Date;
  /** Set when the return is accepted after the window. */
  readonly override: { readonly reason: string; readonly by: string } | null;
}

export type PreflightRefusal = OrderNotReturnableError | OverReturnError | ReturnWindowExpiredError | NotAuthorisedToOverrideError | StoreCreditNeedsCustomerError;

/**
 * The checks every return makes before anything is written, in the order a cashier would want the
 * answer: the order (NOT_FOUND, not returnable), the lines (unknown lines NOT_FOUND, too many
 * units), the window (with a manager's override), and where a store-credit refund would go.
 * Unit counts are re-checked under the order lock when the units are recorded.
 */
@Injectable()
export class ReturnPreflightService {
  constructor(
    private readonly orders: OrderDirectory,
    private readonly policies: ReturnPolicyService,
    private readonly clock: Clock,
  ) {}

  async check(ctx: RequestContext, request: PreflightRequest, reserved: ReadonlyMap<string, number> = new Map()): Promise<Preflight | PreflightRefusal> {
    const { order, lines } = await this.orders.returnable(ctx, request.orderId);
    if (!RETURNABLE_STATES.includes(order.state)) {
      return new OrderNotReturnableError(order.id, order.state);
    }
    for (const group of request.groups) {
      const line = lines.find((candidate) => candidate.lineId === group.orderLineId);
      if (!line) {
        throw new NotFoundException('Order line', group.orderLineId);
      }
      const returnable = Math.max(0, line.returnableQuantity - (reserved.get(line.lineId) ?? 0));
      if (group.units > returnable) {
        return new OverReturnError(group.orderLineId, group.units, returnable);
      }
    }
    const policy = await this.policies.policyOf(ctx, order.storeId);
    const windowEndsAt = windowEndOf(order, policy.windowDays);
    const decision = decideWindow({ now: this.clock.now(), windowEndsAt, overrideReason: request.overrideReason, mayOverride: request.mayOverride });
    let override: Preflight['override'] = null;
    switch (decision.kind) {
      case 'EXPIRED':
        return new ReturnWindowExpiredError(windowEndsAt);
      case 'OVERRIDE_NOT_ALLOWED':
        return new NotAuthorisedToOverrideError();
      case 'OVERRIDDEN':
        override = { reason: decision.reason, by: ctx.actorLabel };
        break;
      case 'WITHIN':
        break;
    }
    if (request.refundMethod === RefundMethod.STORE_CREDIT && order.customerId === null) {
      return new StoreCreditNeedsCustomerError();
    }
    return { order, lines, windowEndsAt, override };
  }
}

