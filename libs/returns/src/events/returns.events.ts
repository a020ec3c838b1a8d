import { JsonObject, NewDomainEvent } from '@omnitill/common';
import { RefundEntity } from '../entities/refund.entity';
import { ReturnLineEntity } from '../entities/return-line.entity';
import { ReturnRequestEntity } from '../entities/return-request.entity';

const money = (amount: number, currency: string): JsonObject => ({ amount, currency });

/** `return.received`: goods came back into a store (v1 payload). */
export function returnReceivedEvent(request: ReturnRequestEntity, lines: readonly ReturnLineEntity[], orderNumber: string): NewDomainEvent {
  return {
    type: 'return.received',
    storeId: request.receivingStoreId,
    customerId: request.customerId,
    aggregateType: 'return',
    aggregateId: request.id,
    payload: {
      returnId: request.id,
      number: request.number,
      orderId: request.orderId,
      orderNumber,
      receivingStoreId: request.receivingStoreId,
      refundMethod: request.refundMethod,
      refund: money(request.refundAmount, request.currency),
      windowOverridden: request.windowOverrideReason !== null,
      exchangeOrderId: request.exchangeOrderId,
      lines: lines.map((line) => ({
        orderLineId: line.orderLineId,
        variantId: line.variantId,
        sku: line.sku,
        quantity: line.quantity,
        reason: line.reason,
        condition: line.condition,
        refund: money(line.refundAmount, request.currency),
      })),
    },
  };
}

/** `refund.issued`: money is owed back, as store credit or to the original tenders (v1 payload). */
export function refundIssuedEvent(request: ReturnRequestEntity, refunds: readonly RefundEntity[]): NewDomainEvent {
  return {
    type: 'refund.issued',
    storeId: request.receivingStoreId,
    customerId: request.customerId,
    aggregateType: 'return',
    aggregateId: request.id,
    payload: {
      returnId: request.id,
      number: request.number,
      orderId: request.orderId,
      method: request.refundMethod,
      total: money(refunds.reduce((sum, refund) => sum + refund.amount, 0), request.currency),
      refunds: refunds.map((refund) => ({
        refundId: refund.id,
        method: refund.method,
        tender: refund.tender,
        amount: money(refund.amount, refund.currency),
        paymentReference: refund.paymentReference,
        state: refund.state,
      })),
    },
  };
}
