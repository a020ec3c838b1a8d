import { Logger } from '@nestjs/common';
import { PublishedEvent } from './domain-event';
import { EventBus } from './event-bus';

function event(type: PublishedEvent['type'], id = 'e1'): PublishedEvent {
  return {
    id, sequence: '1', type, version: 1, occurredAt: new Date(), storeId: null, channel: null, customerId: null,
    aggregateType: 'order', aggregateId: 'o', payload: {}, consent: null, publishedAt: new Date(),
  };
}

describe('EventBus', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('calls handlers of the type, then wildcard handlers; unsubscribing stops them', async () => {
    const sut = new EventBus();
    const seen: string[] = [];
    sut.subscribe('*', (e) => void seen.push(`*:${e.type}`));
    const off = sut.subscribe(['order.placed', 'order.cancelled'], (e) => void seen.push(`order:${e.type}`));
    sut.subscribe('coupon.redeemed', () => void seen.push('coupon'));

    await sut.dispatch(event('order.placed'));
    await sut.dispatch(event('sale.completed'));
    off();
    await sut.dispatch(event('order.cancelled'));

    expect(seen).toEqual(['order:order.placed', '*:order.placed', '*:sale.completed', '*:order.cancelled']);
  });

  it('isolates a failing handler: the others still run and the failure is counted', async () => {
    const sut = new EventBus();
    const calls: string[] = [];
    sut.subscribe('order.placed', () => {
      throw new Error('boom');
    });
    sut.subscribe('order.placed', async () => void calls.push('second'));
    expect(await sut.dispatch(event('order.placed'))).toBe(1);
    expect(calls).toEqual(['second']);
  });
});
