import type { DomainEventType, PublishedEvent } from '@omnitill/common';

/**
 * Live updates derived from order events. Contract for producers of order.* events:
 * aggregate = the order (`aggregateType: 'order'`, `aggregateId`: its id), `storeId` = the pickup
 * (or selling) store, `customerId` = the order's customer, `payload.state` = the order's new state,
 * `payload.fulfilment` = PICKUP | SHIP | CARRY_OUT (absent counts as PICKUP for the queue).
 */
export const ORDER_STATUS_EVENT_TYPES = [
  'order.placed',
  'order.ready_for_pickup',
  'order.picked_up',
  'order.shipped',
  'order.expired',
  'order.cancelled',
] as const satisfies readonly DomainEventType[];

type OrderStatusEventType = (typeof ORDER_STATUS_EVENT_TYPES)[number];

/** The state shown when an event's payload carries none. */
const STATE_BY_TYPE: Readonly<Record<OrderStatusEventType, string>> = {
  'order.placed': 'PLACED',
  'order.ready_for_pickup': 'READY_FOR_PICKUP',
  'order.picked_up': 'PICKED_UP',
  'order.shipped': 'SHIPPED',
  'order.expired': 'EXPIRED',
  'order.cancelled': 'CANCELLED',
};

export interface PickupQueueChange {
  readonly storeId: string;
  readonly orderId: string;
  readonly eventId: string;
  readonly eventType: string;
  readonly state: string;
  readonly occurredAt: Date;
}

export interface OrderStatusChange {
  readonly orderId: string;
  readonly state: string;
  readonly occurredAt: Date;
}

/** One message for the GraphQL pubsub: the payload is keyed by the subscription field it feeds. */
export type LiveUpdate =
  | { readonly topic: string; readonly payload: { readonly pickupQueueChanged: PickupQueueChange } }
  | { readonly topic: string; readonly payload: { readonly myOrderStatusChanged: OrderStatusChange } };

export function pickupQueueTopic(storeId: string): string {
  return `PICKUP_QUEUE:${storeId}`;
}

export function orderStatusTopic(customerId: string): string {
  return `ORDER_STATUS:${customerId}`;
}

function isOrderStatusEvent(type: DomainEventType): type is OrderStatusEventType {
  return (ORDER_STATUS_EVENT_TYPES as readonly string[]).includes(type);
}

/** Whether any live subscription cares about this event (decides what the relay announces). */
export function isLiveUpdateEvent(event: Pick<PublishedEvent, 'type' | 'storeId' | 'customerId'>): boolean {
  return isOrderStatusEvent(event.type) && (event.storeId !== null || event.customerId !== null);
}

export function liveUpdatesFor(event: PublishedEvent): LiveUpdate[] {
  if (!isOrderStatusEvent(event.type)) {
    return [];
  }
  const state = typeof event.payload.state === 'string' ? event.payload.state : STATE_BY_TYPE[event.type];
  const fulfilment = event.payload.fulfilment;
  const updates: LiveUpdate[] = [];
  if (event.storeId !== null && (fulfilment === undefined || fulfilment === 'PICKUP')) {
    updates.push({
      topic: pickupQueueTopic(event.storeId),
      payload: {
        pickupQueueChanged: {
          storeId: event.storeId,
          orderId: event.aggregateId,
          eventId: event.id,
          eventType: event.type,
          state,
          occurredAt: event.occurredAt,
        },
      },
    });
  }
  if (event.customerId !== null) {
    updates.push({
      topic: orderStatusTopic(event.customerId),
      payload: { myOrderStatusChanged: { orderId: event.aggregateId, state, occurredAt: event.occurredAt } },
    });
  }
  return updates;
}
