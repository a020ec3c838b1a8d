import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditRecord, AuditTrail, Clock, ForbiddenException, isErrorResult, Money, RequestContext } from '@omnitill/common';
import { ExchangeSaleRequest, ExchangeSaleService, OrderDetails, PaymentShortfallError, PriceOverrideNotAllowedError, UnknownSkuError } from '@omnitill/order';
import { ItemCondition, RefundMethod, ReturnReasonCode, ReturnState } from '../entities/return.enums';
import { OrderNotReturnableError, OverReturnError } from '../errors/returns.errors';
import { OrderDirectory } from '../ports/order-directory';
import { ReturnRequestRepository } from '../repositories/return-request.repository';
import { mayOverrideWindow, receivingStoreOf } from '../rules/receiving-store';
import { groupByOrderLine } from '../rules/return-lines';
import { PreflightRefusal, ReturnPreflightService } from './return-preflight.service';
import { newReturnLines, newReturnRow, windowOverrideAudit } from './return-records';
import { CompletedReturn, ReturnSettlementService } from './return-settlement.service';
import { ReturnView, ReturnViewLoader } from './return-view.loader';
import { requireTransaction } from './store-return.service';

export interface ExchangeRequest {
  readonly orderId: string;
  readonly returnLines: readonly { readonly orderLineId: string; readonly quantity: number; readonly reason: ReturnReasonCode; readonly condition: ItemCondition }[];
  readonly newLines: readonly { readonly sku: string; readonly quantity: number }[];
  readonly payments: ExchangeSaleRequest['payments'];
  readonly clientSaleId: string;
  readonly managerOverrideReason?: string | null;
}

export interface CompletedExchange {
  readonly completed: CompletedReturn | ReturnView;
  readonly replacement: OrderDetails;
  /** Paid on top of the returned goods' value. */
  readonly collected: Money;
  /** The value the replacement did not use, refunded to the original tender. */
  readonly refunded: Money;
}

/** Why the order lib refused the replacement sale (no coupon is used, so no coupon refusal). */
export type ReplacementSaleRefusal = PaymentShortfallError | UnknownSkuError | PriceOverrideNotAllowedError;

export type ExchangeOutcome = CompletedExchange | PreflightRefusal | OverReturnError | OrderNotReturnableError | ReplacementSaleRefusal;

/** Splits the returned value between the replacement sale and a refund of the rest. */
export function exchangeDifference(returnedValue: number, replacementTotal: number): { credit: number; collect: number; refund: number } {
  const credit = Math.min(returnedValue, replacementTotal);
  return { credit, collect: replacementTotal - credit, refund: returnedValue - credit };
}

/**
 * An exchange at a till: the return and the replacement sale in ONE transaction (the order lib's
 * ExchangeSaleService records the sale on this till inside it). The returned units' value is the
 * sale's first tender (STORE_CREDIT, reference "exchange <return number>"); more is collected by
 * the tenders given, and what is left over is refunded to the original tender.
 */
@Injectable()
export class ExchangeService {
  constructor(
    private readonly preflight: ReturnPreflightService,
    private readonly orders: OrderDirectory,
    private readonly requests: ReturnRequestRepository,
    private readonly settlement: ReturnSettlementService,
    private readonly replacements: ExchangeSaleService,
    private readonly views: ReturnViewLoader,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
  ) {}

  async exchange(ctx: RequestContext, request: ExchangeRequest): Promise<ExchangeOutcome> {
    requireTransaction(ctx, 'exchangeItems');
    const storeId = receivingStoreOf(ctx);
    if (!ctx.staff?.terminalId) {
      throw new ForbiddenException('Exchanges ring up a sale: use a POS terminal session (terminalLogin)');
    }
    const groups = groupByOrderLine(request.returnLines);
    // The sale's client id keys the exchange's return too: a till retrying gets the first exchange.
    const replayed = await this.views.replayOf(ctx, request.clientSaleId, request.orderId);
    if (replayed) {
      return this.replay(ctx, replayed);
    }
    const checked = await this.preflight.check(ctx, {
      orderId: request.orderId, groups, refundMethod: RefundMethod.EXCHANGE, overrideReason: request.managerOverrideReason, mayOverride: mayOverrideWindow(ctx),
    });
    if (isErrorResult(checked)) {
      return checked;
    }
    const number = await this.requests.nextNumber(ctx, checked.order.id);
    const concurrent = await this.views.replayOf(ctx, request.clientSaleId, request.orderId);
    if (concurrent) {
      return this.replay(ctx, concurrent);
    }
    const priced = await this.settlement.takeBackUnits(ctx, checked.order.id, groups);
    if (isErrorResult(priced)) {
      return priced;
    }
    const value = priced.reduce((sum, line) => sum + line.refundAmount, 0);
    const details = await this.orders.details(ctx, checked.order);
    const now = this.clock.now();
    const row = newReturnRow(ctx, {
      id: randomUUID(), number, preflight: checked, details, state: ReturnState.REFUNDED, refundMethod: RefundMethod.EXCHANGE,
      reason: 'exchange', receivingStoreId: storeId, authorisedExpiresAt: null, clientReturnId: request.clientSaleId, now,
    }, priced);
    // The order lib records the replacement on this till, in this transaction; the returned value is its first tender.
    const replacement = await this.replacements.recordInTransaction(ctx, {
      clientSaleId: request.clientSaleId,
      occurredAt: now,
      lines: request.newLines,
      exchangeCredit: { amount: value, returnNumber: row.number },
      payments: request.payments,
      customerId: checked.order.customerId,
    });
    if (isErrorResult(replacement)) {
      if (replacement instanceof PaymentShortfallError || replacement instanceof UnknownSkuError || replacement instanceof PriceOverrideNotAllowedError) {
        return replacement;
      }
      throw new Error(`unexpected refusal of a replacement sale: ${replacement.errorCode}`);
    }
    const split = exchangeDifference(value, replacement.order.totalAmount);
    const saved = await this.requests.insert(ctx, { ...row, exchangeOrderId: replacement.order.id }, newReturnLines(row.id, checked, priced));
    await this.recordOverride(ctx, windowOverrideAudit(row, checked.order.storeId));
    const completed = await this.settlement.complete(ctx, saved.request, saved.lines, details, { amount: split.refund, method: RefundMethod.ORIGINAL_TENDER });
    const currency = checked.order.currency;
    return { completed, replacement, collected: new Money(split.collect, currency), refunded: new Money(split.refund, currency) };
  }

  /** The exchange recorded before under the same client id, as it was answered then. */
  private async replay(ctx: RequestContext, view: ReturnView): Promise<CompletedExchange> {
    const saleId = view.request.exchangeOrderId;
    if (!saleId) {
      throw new Error(`return ${view.request.number} reused an exchange's client id but has no replacement sale`);
    }
    const { order } = await this.orders.returnable(ctx, saleId);
    const replacement = await this.orders.details(ctx, order);
    const split = exchangeDifference(view.request.refundAmount, replacement.order.totalAmount);
    const currency = view.request.currency.trim();
    return { completed: view, replacement, collected: new Money(split.collect, currency), refunded: new Money(split.refund, currency) };
  }

  private async recordOverride(ctx: RequestContext, entry: AuditRecord | null): Promise<void> {
    if (entry) {
      await this.audit.record(ctx, entry);
    }
  }
}
