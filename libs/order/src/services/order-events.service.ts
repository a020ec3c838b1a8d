import { Injectable } from '@nestjs/common';
import { DomainEventType, EventOutbox, JsonObject, NewDomainEvent, RequestContext } from '@omnitill/common';
import { OrderEntity } from '../entities/order.entity';
import { NewOrder, NewOrderLine } from '../repositories/order.repository';

export const ORDER_AGGREGATE = 'order';

/**
 * Order and sale events in the outbox, in the transaction of the change. Contract (see libs/events
 * live updates): aggregate = the order, storeId = the selling or pickup store, customerId = the
 * order's customer, payload.state / payload.fulfilment = the order's. Never carries pickup
 * codes or QR tokens: those are credentials.
 */
@Injectable()
export class OrderEventsService {
  constructor(private readonly outbox: EventOutbox) {}

  async record(ctx: RequestContext, type: DomainEventType, orders: OrderEntity | readonly OrderEntity[], extra: JsonObject = {}, occurredAt?: Date): Promise<void> {
    await this.outbox.record(ctx, orderEvents(type, Array.isArray(orders) ? orders : [orders as OrderEntity], extra, occurredAt));
  }
}

/** The events of `orders` (for OrderRepository.insertNumbered, which writes them with a new order). */
export function orderEvents(type: DomainEventType, orders: readonly NewOrderEventSubject[], extra: JsonObject = {}, occurredAt?: Date): NewDomainEvent[] {
  return orders.map((order): NewDomainEvent => ({
    type,
    occurredAt,
    storeId: order.storeId,
    customerId: order.customerId,
    aggregateType: ORDER_AGGREGATE,
    aggregateId: order.id,
    payload: { ...payloadOf(order), ...extra },
  }));
}

/** Lines as events carry them (SKU, quantity, what was paid). */
export function eventLines(lines: readonly Pick<NewOrderLine, 'variantId' | 'sku' | 'quantity' | 'totalAmount'>[], currency: string): JsonObject[] {
  return lines.map((line) => ({
    variantId: line.variantId,
    sku: line.sku,
    quantity: line.quantity,
    total: { amount: line.totalAmount, currency },
  }));
}

/** An order as its event payload sees it; a new order's number is added by the insert. */
export type NewOrderEventSubject = NewOrder & { readonly number?: string };

export function payloadOf(order: NewOrderEventSubject): JsonObject {
  return {
    orderId: order.id,
    ...(order.number === undefined ? {} : { number: order.number }),
    state: order.state,
    channel: order.channel,
    fulfilment: order.fulfilment,
    storeId: order.storeId,
    terminalId: order.terminalId,
    total: { amount: order.totalAmount, currency: order.currency },
    discount: { amount: order.discountAmount, currency: order.currency },
    refundDue: { amount: order.refundDueAmount, currency: order.currency },
    couponCode: order.couponCode,
    occurredAt: order.occurredAt.toISOString(),
    expiresAt: order.expiresAt?.toISOString() ?? null,
  };
}
