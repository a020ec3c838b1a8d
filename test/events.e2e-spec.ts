import { FakeClock } from '@omnitill/common';
import { createStaff, createStore, createStorefrontKey, RECORD_TEST_EVENT, recordTestEvent, TestApp, waitFor } from '@omnitill/testing';

const EVENTS = `query($type: String, $storeId: ID, $customerId: ID, $from: DateTime, $to: DateTime, $skip: Int, $take: Int) {
  events(type: $type, storeId: $storeId, customerId: $customerId, from: $from, to: $to, skip: $skip, take: $take) {
    totalCount hasNextPage
    items { id sequence type version occurredAt storeId channel customerId aggregateType aggregateId payload consent { emailMarketing smsMarketing } publishedAt }
  }
}`;

interface EventItem {
  id: string;
  type: string;
  occurredAt: string;
  storeId: string | null;
  customerId: string | null;
  aggregateId: string;
  payload: string;
  channel: string | null;
  consent: { emailMarketing: boolean; smsMarketing: boolean } | null;
  publishedAt: string | null;
}
type EventsData = { events: { totalCount: number; hasNextPage: boolean; items: EventItem[] } };

describe('Events: transactional outbox and the event log', () => {
  const start = new Date('2025-06-01T08:00:00Z');
  const clock = new FakeClock(start);
  let sut: TestApp;
  let adminToken: string;
  let storeA: { id: string };
  let storeB: { id: string };
  const customer = '6f1c2b52-6a0e-4c55-9d55-3a3f0c9b1e01';

  beforeAll(async () => {
    sut = await TestApp.start({ clock });
    adminToken = await sut.bootstrapAdmin();
    storeA = await createStore(sut, adminToken);
    storeB = await createStore(sut, adminToken);
  });

  afterAll(async () => {
    await sut.close();
  });

  it('records an event in the mutation transaction; the relay publishes it after commit', async () => {
    const event = await recordTestEvent(sut, adminToken, {
      type: 'coupon.redeemed', aggregateId: 'code-1', storeId: storeA.id, customerId: customer,
      payload: { code: 'WELCOME10' }, consent: { emailMarketing: true, smsMarketing: false },
    });
    const published = await waitFor(async () => {
      const [row] = await sut.query<{ published_at: Date | null; channel: string; type: string }>(
        'SELECT published_at, channel, type FROM domain_event WHERE event_id = $1', [event.id],
      );
      return row.published_at !== null ? row : undefined;
    }, 3000, 'the relay to publish');
    expect(published).toMatchObject({ type: 'coupon.redeemed', channel: 'BACK_OFFICE' });
  });

  it('never keeps an event whose mutation returned an ErrorResult or threw', async () => {
    const before = await sut.count('domain_event');
    const input = { type: 'order.cancelled', aggregateId: 'rolled-back-order', payload: '{}' };

    const errorResult = await sut.ok<{ recordTestEvent: { __typename: string; errorCode: string } }>(RECORD_TEST_EVENT, { input, fail: 'ERROR_RESULT' }, { token: adminToken });
    expect(errorResult.recordTestEvent).toMatchObject({ __typename: 'TestEventRolledBackError', errorCode: 'TEST_EVENT_ROLLED_BACK' });

    const thrown = await sut.graphql(RECORD_TEST_EVENT, { input, fail: 'EXCEPTION' }, { token: adminToken });
    expect(thrown.errors?.[0].extensions?.code).toBe('CONFLICT');

    expect(await sut.count('domain_event')).toBe(before);
    expect(await sut.count('domain_event', 'aggregate_id = $1', ['rolled-back-order'])).toBe(0);
  });

  it('filters the log by type, store, customer and time, newest first, paginated', async () => {
    clock.set(new Date('2025-07-01T00:00:00Z'));
    adminToken = await sut.login('root@test.local', 'root-password-123');
    const recorded: { id: string; type: string }[] = [];
    const plan = [
      { type: 'sale.completed', storeId: storeA.id },
      { type: 'sale.completed', storeId: storeB.id },
      { type: 'order.placed', storeId: storeA.id, customerId: customer },
      { type: 'return.received', storeId: storeB.id, customerId: customer },
      { type: 'sale.completed', storeId: storeA.id },
    ];
    for (const [index, item] of plan.entries()) {
      clock.advance(60_000);
      recorded.push({ ...(await recordTestEvent(sut, adminToken, { ...item, aggregateId: `agg-${index}`, payload: { index } })), type: item.type });
    }
    const query = (variables: Record<string, unknown>) => sut.ok<EventsData>(EVENTS, variables, { token: adminToken });

    const sales = await query({ type: 'sale.completed', from: '2025-07-01T00:00:00Z' });
    expect(sales.events.items.map((e) => e.id)).toEqual([recorded[4].id, recorded[1].id, recorded[0].id]);
    expect(sales.events.totalCount).toBe(3);

    const inStoreA = await query({ storeId: storeA.id, from: '2025-07-01T00:00:00Z' });
    expect(inStoreA.events.items.map((e) => e.id)).toEqual([recorded[4].id, recorded[2].id, recorded[0].id]);

    const forCustomer = await query({ customerId: customer, from: '2025-07-01T00:00:00Z' });
    expect(forCustomer.events.items.map((e) => e.type)).toEqual(['return.received', 'order.placed']);

    const window = await query({ from: '2025-07-01T00:02:00Z', to: '2025-07-01T00:04:00Z' });
    expect(window.events.items.map((e) => e.id)).toEqual([recorded[2].id, recorded[1].id]);

    const firstPage = await query({ from: '2025-07-01T00:00:00Z', take: 2 });
    const secondPage = await query({ from: '2025-07-01T00:00:00Z', take: 2, skip: 2 });
    const lastPage = await query({ from: '2025-07-01T00:00:00Z', take: 2, skip: 4 });
    expect(firstPage.events).toMatchObject({ totalCount: 5, hasNextPage: true });
    expect(lastPage.events).toMatchObject({ totalCount: 5, hasNextPage: false });
    expect([...firstPage.events.items, ...secondPage.events.items, ...lastPage.events.items].map((e) => e.id)).toEqual(
      [...recorded].reverse().map((e) => e.id),
    );
    expect(JSON.parse(firstPage.events.items[0].payload)).toEqual({ index: 4 });
    expect(firstPage.events.items[0]).toMatchObject({ channel: 'BACK_OFFICE', consent: null, occurredAt: '2025-07-01T00:05:00.000Z' });
  });

  it('lets support agents read the log; everyone else but admins is refused', async () => {
    const support = await createStaff(sut, adminToken, 'SUPPORT_AGENT', []);
    const supportToken = await sut.login(support.email, support.password);
    expect((await sut.graphql(EVENTS, {}, { token: supportToken })).errors).toBeUndefined();
    expect((await sut.graphql('query { eventTypes }', {}, { token: supportToken })).errors).toBeUndefined();

    const manager = await createStaff(sut, adminToken, 'STORE_MANAGER', [storeA.id]);
    const managerToken = await sut.login(manager.email, manager.password);
    const apiKey = await createStorefrontKey(sut, adminToken);
    expect((await sut.graphql(EVENTS, {}, { token: managerToken })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await sut.graphql(EVENTS, {}, { apiKey })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await sut.graphql(EVENTS)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

    // Support reads the log but cannot write test events.
    const before = await sut.count('domain_event');
    const write = await sut.graphql(RECORD_TEST_EVENT, { input: { type: 'stock.low', aggregateId: 'x' } }, { token: supportToken });
    expect(write.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await sut.count('domain_event')).toBe(before);
  });

  it('validates the diagnostic input: unknown types and non-object payloads are BAD_USER_INPUT', async () => {
    for (const input of [
      { type: 'order.teleported', aggregateId: 'x' },
      { type: 'stock.low', aggregateId: 'x', payload: '[1,2]' },
      { type: 'stock.low', aggregateId: 'x', payload: '{not json' },
      { type: 'stock.low', aggregateId: '', payload: '{}' },
      { type: 'stock.low', aggregateId: 'x', storeId: 'not-a-uuid' },
    ]) {
      const response = await sut.graphql(RECORD_TEST_EVENT, { input }, { token: adminToken });
      expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});
