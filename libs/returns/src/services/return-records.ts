import { randomUUID } from 'node:crypto';
import { AuditAction, AuditRecord, RequestContext } from '@omnitill/common';
import { OrderDetails, PaymentMethod } from '@omnitill/order';
import { RefundMethod, ReturnState } from '../entities/return.enums';
import { NewReturnLine, NewReturnRequest } from '../repositories/return-request.repository';
import { PricedReturnLine } from '../rules/return-lines';
import { Preflight } from './return-preflight.service';

/** The reference a provider refunds against: the online payment, else the first electronic tender's. */
export function originalPaymentReference(details: OrderDetails): string | null {
  const electronic = details.payments.find((payment) => payment.method !== PaymentMethod.CASH && payment.externalReference);
  return details.order.paymentReference ?? electronic?.externalReference ?? null;
}

export interface ReturnRowFacts {
  readonly id?: string;
  readonly number: number;
  readonly preflight: Preflight;
  readonly details: OrderDetails;
  readonly state: ReturnState;
  readonly refundMethod: RefundMethod;
  readonly reason: string | null;
  readonly receivingStoreId: string | null;
  readonly authorisedExpiresAt: Date | null;
  readonly exchangeOrderId?: string | null;
  readonly clientReturnId?: string | null;
  readonly now: Date;
}

/** The return_request row for a new return, in its first (or, for till returns, final) state. */
export function newReturnRow(ctx: RequestContext, facts: ReturnRowFacts, lines: readonly PricedReturnLine[]): NewReturnRequest {
  const { order } = facts.preflight;
  const received = facts.state === ReturnState.REFUNDED || facts.state === ReturnState.RECEIVED;
  return {
    id: facts.id ?? randomUUID(),
    number: `${order.number}-R${facts.number}`,
    orderId: order.id,
    customerId: order.customerId,
    receivingStoreId: facts.receivingStoreId,
    state: facts.state,
    authorisedBy: ctx.actorLabel,
    authorisedExpiresAt: facts.authorisedExpiresAt,
    reason: facts.reason,
    windowEndsAt: facts.preflight.windowEndsAt,
    windowOverrideReason: facts.preflight.override?.reason ?? null,
    overriddenBy: facts.preflight.override?.by ?? null,
    refundMethod: facts.refundMethod,
    refundAmount: lines.reduce((sum, line) => sum + line.refundAmount, 0),
    currency: order.currency,
    originalPaymentReference: originalPaymentReference(facts.details),
    exchangeOrderId: facts.exchangeOrderId ?? null,
    clientReturnId: facts.clientReturnId?.toLowerCase() ?? null,
    receivedBy: received ? ctx.actorLabel : null,
    createdAt: facts.now,
    receivedAt: received ? facts.now : null,
    refundedAt: facts.state === ReturnState.REFUNDED ? facts.now : null,
    rejectedAt: null,
    rejectedReason: null,
    expiredAt: null,
    updatedAt: facts.now,
  };
}

/** The audit entry of a return taken back after its window closed (a manager's override), or null. */
export function windowOverrideAudit(row: NewReturnRequest, orderStoreId: string): AuditRecord | null {
  if (!row.windowOverrideReason) {
    return null;
  }
  return {
    action: AuditAction.RETURN_WINDOW_OVERRIDE,
    subjectType: 'return',
    subjectId: row.id,
    storeId: row.receivingStoreId ?? orderStoreId,
    reason: row.windowOverrideReason,
    before: { orderId: row.orderId, windowEndsAt: row.windowEndsAt },
    after: { returnNumber: row.number, state: row.state, refundMethod: row.refundMethod, refundAmount: row.refundAmount, currency: row.currency },
  };
}

/** One return_line row per priced part. */
export function newReturnLines(returnId: string, preflight: Preflight, lines: readonly PricedReturnLine[]): NewReturnLine[] {
  return lines.map((line) => {
    const orderLine = preflight.lines.find((candidate) => candidate.lineId === line.orderLineId);
    if (!orderLine) {
      throw new Error(`order line ${line.orderLineId} vanished`);
    }
    return {
      id: randomUUID(),
      returnId,
      orderLineId: line.orderLineId,
      variantId: orderLine.variantId,
      sku: orderLine.sku,
      quantity: line.quantity,
      reason: line.reason,
      condition: line.condition,
      refundAmount: line.refundAmount,
    };
  });
}
