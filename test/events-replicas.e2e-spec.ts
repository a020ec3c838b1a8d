import { EventBus, SessionTokenService } from '@omnitill/common';
import { OutboxRelay, WebhookDispatcher } from '@omnitill/events';
import {
  createStaff, createStore, GraphQLWsClient, listenForWebSockets, PeerApp, recordTestEvent, registerWebhook, TestApp, WebhookReceiver,
} from '@omnitill/testing';

const PICKUP_QUEUE = 'subscription($storeId: ID!) { pickupQueueChanged(storeId: $storeId) { storeId orderId eventId eventType state occurredAt } }';
const MY_ORDERS = 'subscription { myOrderStatusChanged { orderId state occurredAt } }';

interface PickupQueueChange {
  pickupQueueChanged: { storeId: string; orderId: string; eventId: string; eventType: string; state: string; occurredAt: string };
}
interface OrderStatusChange {
  myOrderStatusChanged: { orderId: string; state: string; occurredAt: string };
}

/** Lets the server register a subscription before the test triggers the event it waits for. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe('Events across two API instances on one database', () => {
  // Every replica shares the session secret, so a token from one is valid on the other.
  const env = { AUTH_TOKEN_SECRET: 'replica-shared-secret-0123456789abcdefghij', EVENT_RELAY_BATCH_SIZE: '5' };
  let a: TestApp;
  let b: PeerApp;
  let wsUrlB: string;
  let adminToken: string;
  let storeS: { id: string };
  let storeT: { id: string };
  const clients: GraphQLWsClient[] = [];

  beforeAll(async () => {
    a = await TestApp.start({ env });
    b = await PeerApp.start(a, { env });
    wsUrlB = await listenForWebSockets(b.app);
    adminToken = await a.bootstrapAdmin();
    storeS = await createStore(a, adminToken);
    storeT = await createStore(a, adminToken);
  });

  afterAll(async () => {
    clients.forEach((client) => client.close());
    await b.close();
    await a.close();
  });

  async function connectToB(token?: string): Promise<GraphQLWsClient> {
    const client = await GraphQLWsClient.connect(wsUrlB, token ? { authorization: `Bearer ${token}` } : {});
    clients.push(client);
    return client;
  }

  it("shows staff on instance B their store's pickup queue changing after a mutation on instance A", async () => {
    const manager = await createStaff(a, adminToken, 'STORE_MANAGER', [storeS.id]);
    const client = await connectToB(await a.login(manager.email, manager.password));
    const subscription = client.subscribe(PICKUP_QUEUE, { storeId: storeS.id });
    await settle();

    await recordTestEvent(a, adminToken, { type: 'order.ready_for_pickup', storeId: storeT.id, aggregateId: 'order-elsewhere' });
    const event = await recordTestEvent(a, adminToken, {
      type: 'order.ready_for_pickup', storeId: storeS.id, aggregateId: 'order-42', payload: { state: 'READY_FOR_PICKUP', fulfilment: 'PICKUP' },
    });

    const message = await client.next<PickupQueueChange>(subscription, 3000);
    expect(message.errors).toBeUndefined();
    expect(message.data?.pickupQueueChanged).toEqual({
      storeId: storeS.id, orderId: 'order-42', eventId: event.id, eventType: 'order.ready_for_pickup', state: 'READY_FOR_PICKUP', occurredAt: expect.any(String),
    });
    expect(client.pending(subscription)).toBe(0);
  });

  it("shows a signed-in customer on instance B only their own orders' status changes recorded on A", async () => {
    const me = 'c0ffee00-0000-4000-8000-000000000001';
    const someoneElse = 'c0ffee00-0000-4000-8000-000000000002';
    const customerToken = a.app.get(SessionTokenService).issueCustomerSession(me).token;
    const client = await connectToB(customerToken);
    const subscription = client.subscribe(MY_ORDERS);
    await settle();

    await recordTestEvent(a, adminToken, { type: 'order.placed', customerId: someoneElse, aggregateId: 'order-theirs' });
    await recordTestEvent(a, adminToken, { type: 'order.placed', customerId: me, aggregateId: 'order-mine', payload: { fulfilment: 'SHIP' } });
    await recordTestEvent(a, adminToken, { type: 'order.cancelled', customerId: me, aggregateId: 'order-mine' });

    const placed = await client.next<OrderStatusChange>(subscription, 3000);
    const cancelled = await client.next<OrderStatusChange>(subscription, 3000);
    expect(placed.data?.myOrderStatusChanged).toEqual({ orderId: 'order-mine', state: 'PLACED', occurredAt: expect.any(String) });
    expect(cancelled.data?.myOrderStatusChanged).toMatchObject({ orderId: 'order-mine', state: 'CANCELLED' });
  });

  it('authorises subscriptions exactly like HTTP: no session, a forged one, another store or the wrong kind of actor are refused', async () => {
    const cashierT = await createStaff(a, adminToken, 'CASHIER', [storeT.id]);
    const cashierToken = await a.login(cashierT.email, cashierT.password);
    const customerToken = a.app.get(SessionTokenService).issueCustomerSession('c0ffee00-0000-4000-8000-000000000003').token;
    const cases: [string | undefined, string, Record<string, unknown>, string][] = [
      [undefined, PICKUP_QUEUE, { storeId: storeS.id }, 'UNAUTHENTICATED'],
      ['forged.token', PICKUP_QUEUE, { storeId: storeS.id }, 'UNAUTHENTICATED'],
      [cashierToken, PICKUP_QUEUE, { storeId: storeS.id }, 'FORBIDDEN'],
      [customerToken, PICKUP_QUEUE, { storeId: storeS.id }, 'FORBIDDEN'],
      [cashierToken, MY_ORDERS, {}, 'FORBIDDEN'],
    ];
    for (const [token, query, variables, code] of cases) {
      const client = await connectToB(token);
      const message = await client.next(client.subscribe(query, variables), 3000);
      expect({ code: message.errors?.[0]?.extensions?.code }).toEqual({ code });
    }
  });

  it('keeps each aggregate in order with two relays and two dispatchers racing: 200 events over 10 aggregates', async () => {
    const receiver = await WebhookReceiver.start();
    const inFlight = new Map<string, number>();
    let overlaps = 0;
    receiver.respond = async (webhook) => {
      const aggregate = webhook.json.aggregate.id;
      const now = (inFlight.get(aggregate) ?? 0) + 1;
      inFlight.set(aggregate, now);
      overlaps += now > 1 ? 1 : 0;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 8));
      inFlight.set(aggregate, (inFlight.get(aggregate) ?? 1) - 1);
      return 200;
    };
    await registerWebhook(a, adminToken, receiver.url, ['sale.completed']);
    // In-process subscribers on both instances record the order the relays publish in (the
    // relays call them while holding the events), and whether one aggregate is handled twice at once.
    const published: { aggregateId: string; id: string }[] = [];
    const handling = new Map<string, number>();
    let busOverlaps = 0;
    const unsubscribe = [a, b].map((instance) =>
      instance.app.get(EventBus).subscribe('sale.completed', async (event) => {
        const count = (handling.get(event.aggregateId) ?? 0) + 1;
        handling.set(event.aggregateId, count);
        busOverlaps += count > 1 ? 1 : 0;
        await new Promise((resolve) => setTimeout(resolve, 1));
        published.push({ aggregateId: event.aggregateId, id: event.id });
        handling.set(event.aggregateId, (handling.get(event.aggregateId) ?? 1) - 1);
      }),
    );
    const relays = [a.app.get(OutboxRelay), b.app.get(OutboxRelay)];
    const before = relays.map((relay) => ({ ...relay.stats }));

    // Half the events go out live as they are written; for the other half both relays are held and
    // then released together on the backlog, where they claim interleaved batches of 5.
    const aggregates = Array.from({ length: 10 }, (_, k) => `sale-race-${k}`);
    const write = (from: number, to: number) =>
      Promise.all(
        aggregates.map(async (aggregateId) => {
          for (let n = from; n < to; n++) {
            // Alternate the instance that takes the mutation; each aggregate's events are written in sequence.
            await recordTestEvent(n % 2 === 0 ? a : b, adminToken, { type: 'sale.completed', aggregateId, payload: { n } });
          }
        }),
      );
    await write(0, 10);
    await Promise.all(relays.map((relay) => relay.stop()));
    await write(10, 20);
    relays.forEach((relay) => relay.start());

    const webhooks = await receiver.waitForCount(200, 30_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.received).toHaveLength(200);
    expect(published).toHaveLength(200);
    expect({ overlaps, busOverlaps }).toEqual({ overlaps: 0, busOverlaps: 0 });
    for (const aggregateId of aggregates) {
      const stored = await a.query<{ event_id: string }>('SELECT event_id FROM domain_event WHERE aggregate_id = $1 ORDER BY id', [aggregateId]);
      const expected = stored.map((row) => row.event_id);
      expect(published.filter((event) => event.aggregateId === aggregateId).map((event) => event.id)).toEqual(expected);
      expect(webhooks.filter((w) => w.json.aggregate.id === aggregateId).map((w) => w.json.id)).toEqual(expected);
    }
    unsubscribe.forEach((off) => off());
    const publishedBy = relays.map((relay, index) => relay.stats.published - before[index].published);
    const heldBack = relays.map((relay, index) => relay.stats.blocked - before[index].blocked);
    const sentBy = [a.app.get(WebhookDispatcher).stats.succeeded, b.app.get(WebhookDispatcher).stats.succeeded];
    process.stdout.write(
      `\n[events] race: relay A published ${publishedBy[0]}, relay B ${publishedBy[1]} (held back for order: ${heldBack[0]} + ${heldBack[1]}); ` +
        `dispatcher A sent ${sentBy[0]}, B ${sentBy[1]}\n`,
    );
    expect(publishedBy[0] + publishedBy[1]).toBe(200);
    await receiver.close();
  });
});
