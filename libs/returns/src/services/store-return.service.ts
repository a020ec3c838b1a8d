import { Injectable } from '@nestjs/common';
import { AuditRecord, AuditTrail, BadInputException, Clock, isErrorResult, RequestContext } from '@omnitill/common';
import { RefundMethod, ReturnState } from '../entities/return.enums';
import { OrderNotReturnableError, OverReturnError } from '../errors/returns.errors';
import { OrderDirectory } from '../ports/order-directory';
import { ReturnRequestRepository } from '../repositories/return-request.repository';
import { mayOverrideWindow, receivingStoreOf } from '../rules/receiving-store';
import { groupByOrderLine, RequestedReturnLine } from '../rules/return-lines';
import { RETURN_MACHINE } from '../state/return-machine';
import { PreflightRefusal, ReturnPreflightService } from './return-preflight.service';
import { newReturnLines, newReturnRow, windowOverrideAudit } from './return-records';
import { CompletedReturn, ReturnSettlementService } from './return-settlement.service';
import { ReturnView, ReturnViewLoader } from './return-view.loader';

export interface StoreReturnRequest {
  readonly orderId: string;
  readonly lines: readonly (RequestedReturnLine & { readonly condition: NonNullable<RequestedReturnLine['condition']> })[];
  readonly refundMethod: RefundMethod;
  readonly managerOverrideReason?: string | null;
  readonly note?: string | null;
  /** The till's idempotency key: sending the same return again answers the first one. */
  readonly clientReturnId?: string | null;
}

export type StoreReturnOutcome = CompletedReturn | ReturnView | PreflightRefusal | OverReturnError | OrderNotReturnableError;

export function requireTransaction(ctx: RequestContext, operation: string): void {
  if (!ctx.entityManager?.queryRunner?.isTransactionActive) {
    throw new Error(`${operation} must run inside a transaction (@Transaction() or TransactionRunner.run)`);
  }
}

/**
 * A return taken at a store's till, of any store's sale or any online order: received and
 * refunded in one transaction (RECEIVED -> REFUNDED), resellable units back on this store's shelf.
 */
@Injectable()
export class StoreReturnService {
  constructor(
    private readonly preflight: ReturnPreflightService,
    private readonly orders: OrderDirectory,
    private readonly requests: ReturnRequestRepository,
    private readonly settlement: ReturnSettlementService,
    private readonly views: ReturnViewLoader,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
  ) {}

  async returnItems(ctx: RequestContext, request: StoreReturnRequest): Promise<StoreReturnOutcome> {
    requireTransaction(ctx, 'returnItems');
    const storeId = receivingStoreOf(ctx);
    if (request.refundMethod === RefundMethod.EXCHANGE) {
      throw new BadInputException('Exchanges go through exchangeItems', [{ field: 'refundMethod', messages: ['ORIGINAL_TENDER or STORE_CREDIT'] }]);
    }
    const groups = groupByOrderLine(request.lines);
    const replayed = await this.views.replayOf(ctx, request.clientReturnId, request.orderId);
    if (replayed) {
      return replayed;
    }
    const checked = await this.preflight.check(ctx, {
      orderId: request.orderId,
      groups,
      refundMethod: request.refundMethod,
      overrideReason: request.managerOverrideReason,
      mayOverride: mayOverrideWindow(ctx),
    });
    if (isErrorResult(checked)) {
      return checked;
    }
    // First write, and the lock every return of this order queues on.
    const number = await this.requests.nextNumber(ctx, checked.order.id);
    // A concurrent copy of this return may have committed while we waited for the lock.
    const concurrent = await this.views.replayOf(ctx, request.clientReturnId, request.orderId);
    if (concurrent) {
      return concurrent;
    }
    const priced = await this.settlement.takeBackUnits(ctx, checked.order.id, groups);
    if (isErrorResult(priced)) {
      return priced;
    }
    assertTillReturnPath();
    const details = await this.orders.details(ctx, checked.order);
    const now = this.clock.now();
    const row = newReturnRow(ctx, {
      number,
      preflight: checked,
      details,
      state: ReturnState.REFUNDED,
      refundMethod: request.refundMethod,
      reason: request.note ?? null,
      receivingStoreId: storeId,
      authorisedExpiresAt: null,
      clientReturnId: request.clientReturnId,
      now,
    }, priced);
    const saved = await this.requests.insert(ctx, row, newReturnLines(row.id, checked, priced));
    await this.recordOverride(ctx, windowOverrideAudit(row, checked.order.storeId));
    return this.settlement.complete(ctx, saved.request, saved.lines, details);
  }

  private async recordOverride(ctx: RequestContext, entry: AuditRecord | null): Promise<void> {
    if (entry) {
      await this.audit.record(ctx, entry);
    }
  }
}

/** A till return starts RECEIVED and is refunded at once: the machine must allow exactly that. */
function assertTillReturnPath(): void {
  if (!RETURN_MACHINE.isInitial(ReturnState.RECEIVED) || !RETURN_MACHINE.hasTransition(ReturnState.RECEIVED, ReturnState.REFUNDED)) {
    throw new Error('the return machine no longer lets a till return be received and refunded');
  }
}
