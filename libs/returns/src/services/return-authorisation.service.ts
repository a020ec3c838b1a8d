import { Inject, Injectable } from '@nestjs/common';
import { AuditRecord, AuditTrail, BadInputException, Clock, isErrorResult, NotFoundException, RequestContext } from '@omnitill/common';
import { paidAmountForUnits } from '@omnitill/order';
import { RefundMethod, ReturnReasonCode, ReturnState } from '../entities/return.enums';
import { ReturnStateError } from '../errors/returns.errors';
import { OrderDirectory } from '../ports/order-directory';
import { ReturnRequestRepository } from '../repositories/return-request.repository';
import { mayAuthoriseLateReturn } from '../rules/receiving-store';
import { groupByOrderLine, priceParts } from '../rules/return-lines';
import { RETURNS_OPTIONS, ReturnsOptions } from '../returns.options';
import { RETURN_MACHINE } from '../state/return-machine';
import { PreflightRefusal, ReturnPreflightService } from './return-preflight.service';
import { newReturnLines, newReturnRow, windowOverrideAudit } from './return-records';
import { ReturnView, ReturnViewLoader } from './return-view.loader';
import { requireTransaction } from './store-return.service';

export const MAX_AUTHORISATION_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface AuthoriseReturnRequest {
  readonly orderId: string;
  readonly lines: readonly { readonly orderLineId: string; readonly quantity: number; readonly reason: ReturnReasonCode }[];
  readonly reason: string;
  readonly refundMethod: RefundMethod;
  readonly expiresInDays?: number | null;
  readonly windowOverrideReason?: string | null;
}

/**
 * Support's side of returns: authorising one online (no stock or money moves until a store
 * receives the goods), rejecting it, and expiring authorisations nobody brought in.
 */
@Injectable()
export class ReturnAuthorisationService {
  constructor(
    private readonly preflight: ReturnPreflightService,
    private readonly orders: OrderDirectory,
    private readonly requests: ReturnRequestRepository,
    private readonly views: ReturnViewLoader,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
    @Inject(RETURNS_OPTIONS) private readonly options: ReturnsOptions,
  ) {}

  async authorise(ctx: RequestContext, request: AuthoriseReturnRequest): Promise<ReturnView | PreflightRefusal> {
    requireTransaction(ctx, 'authoriseReturn');
    if (request.refundMethod === RefundMethod.EXCHANGE) {
      throw new BadInputException('Exchanges are made at a till', [{ field: 'refundMethod', messages: ['ORIGINAL_TENDER or STORE_CREDIT'] }]);
    }
    const days = request.expiresInDays ?? this.options.authorisationDays;
    const groups = groupByOrderLine(request.lines.map((line) => ({ ...line, condition: null })));
    const preflightRequest = {
      orderId: request.orderId, groups, refundMethod: request.refundMethod, overrideReason: request.windowOverrideReason, mayOverride: mayAuthoriseLateReturn(ctx),
    };
    const early = await this.preflight.check(ctx, preflightRequest);
    if (isErrorResult(early)) {
      return early;
    }
    // Under the order's return lock: units already promised to open authorisations are not offered twice.
    const number = await this.requests.nextNumber(ctx, request.orderId);
    const now = this.clock.now();
    const outstanding = await this.requests.outstandingAuthorisedUnits(ctx, request.orderId, now);
    const checked = await this.preflight.check(ctx, preflightRequest, outstanding);
    if (isErrorResult(checked)) {
      return checked;
    }
    const refunded = await this.requests.refundedByOrderLine(ctx, request.orderId);
    // An estimate: the exact refund is worked out when the goods come back.
    const priced = groups.flatMap((group) => {
      const line = checked.lines.find((candidate) => candidate.lineId === group.orderLineId);
      if (!line) {
        throw new NotFoundException('Order line', group.orderLineId);
      }
      return priceParts({
        paidAmount: line.totalAmount,
        quantity: line.quantity,
        settledUnits: line.refusedQuantity + line.returnedQuantity,
        refundedAmount: paidAmountForUnits(line.totalAmount, line.quantity, 0, line.refusedQuantity) + (refunded.get(line.lineId) ?? 0),
      }, group.parts);
    });
    const details = await this.orders.details(ctx, checked.order);
    const row = newReturnRow(ctx, {
      number,
      preflight: checked,
      details,
      state: ReturnState.AUTHORISED,
      refundMethod: request.refundMethod,
      reason: request.reason,
      receivingStoreId: null,
      authorisedExpiresAt: new Date(now.getTime() + days * DAY_MS),
      now,
    }, priced);
    const saved = await this.requests.insert(ctx, row, newReturnLines(row.id, checked, priced));
    await this.recordOverride(ctx, windowOverrideAudit(row, checked.order.storeId));
    return { ...saved, refunds: [] };
  }

  async reject(ctx: RequestContext, returnId: string, reason: string): Promise<ReturnView | ReturnStateError> {
    requireTransaction(ctx, 'rejectReturn');
    const request = await this.requests.findByIdForUpdate(ctx, returnId);
    if (!request) {
      throw new NotFoundException('Return', returnId);
    }
    const now = this.clock.now();
    const check = RETURN_MACHINE.check(request.state, ReturnState.REJECTED, { now, authorisedExpiresAt: request.authorisedExpiresAt });
    if (!check.allowed) {
      return new ReturnStateError(request.id, request.state, ReturnState.REJECTED, check.reason);
    }
    const patch = { state: ReturnState.REJECTED, rejectedAt: now, rejectedReason: reason.trim(), updatedAt: now };
    await this.requests.update(ctx, request.id, patch);
    return this.views.loadOne(ctx, Object.assign(request, patch));
  }

  /** Lapsed authorisations become EXPIRED (they could no longer be received anyway). */
  expireLapsed(ctx: RequestContext, limit = 500): Promise<number> {
    requireTransaction(ctx, 'expireLapsedReturnAuthorisations');
    return this.requests.expireLapsed(ctx, this.clock.now(), limit);
  }

  private async recordOverride(ctx: RequestContext, entry: AuditRecord | null): Promise<void> {
    if (entry) {
      await this.audit.record(ctx, entry);
    }
  }
}
