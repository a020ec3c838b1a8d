import { PublishedEvent } from '@omnitill/common';
import { isLiveUpdateEvent, liveUpdatesFor, orderStatusTopic, pickupQueueTopic } from './live-updates';

const at = new Date('2025-02-02T10:00:00Z');

function event(overrides: Partial<PublishedEvent>): PublishedEvent {
  return {
    id: 'ev-1', sequence: '7', type: 'order.ready_for_pickup', version: 1, occurredAt: at, storeId: 'store-1', channel: 'POS',
    customerId: 'cust-1', aggregateType: 'order', aggregateId: 'order-1', payload: {}, consent: null, publishedAt: at, ...overrides,
  };
}

describe('live updates from order events', () => {
  it("feeds the store's pickup queue and the customer's order status", () => {
    expect(liveUpdatesFor(event({}))).toEqual([
      {
        topic: pickupQueueTopic('store-1'),
        payload: { pickupQueueChanged: { storeId: 'store-1', orderId: 'order-1', eventId: 'ev-1', eventType: 'order.ready_for_pickup', state: 'READY_FOR_PICKUP', occurredAt: at } },
      },
      { topic: orderStatusTopic('cust-1'), payload: { myOrderStatusChanged: { orderId: 'order-1', state: 'READY_FOR_PICKUP', occurredAt: at } } },
    ]);
  });

  it('takes the state from the payload when there is one', () => {
    const [update] = liveUpdatesFor(event({ type: 'order.placed', payload: { state: 'AWAITING_PICK' }, storeId: null }));
    expect(update).toEqual({ topic: orderStatusTopic('cust-1'), payload: { myOrderStatusChanged: { orderId: 'order-1', state: 'AWAITING_PICK', occurredAt: at } } });
  });

  it('keeps shipped orders out of the pickup queue and guest orders out of customer feeds', () => {
    expect(liveUpdatesFor(event({ payload: { fulfilment: 'SHIP' } })).map((u) => u.topic)).toEqual([orderStatusTopic('cust-1')]);
    expect(liveUpdatesFor(event({ customerId: null })).map((u) => u.topic)).toEqual([pickupQueueTopic('store-1')]);
  });

  it('ignores every other event type', () => {
    for (const type of ['sale.completed', 'coupon.redeemed', 'stock.low'] as const) {
      expect(liveUpdatesFor(event({ type }))).toEqual([]);
      expect(isLiveUpdateEvent(event({ type }))).toBe(false);
    }
    expect(isLiveUpdateEvent(event({}))).toBe(true);
    expect(isLiveUpdateEvent(event({ storeId: null, customerId: null }))).toBe(false);
  });
});
