import { performance } from 'node:perf_hooks';
import { createStaff, recordTestEvent, registerWebhook, TestApp, waitFor, WebhookReceiver } from '@omnitill/testing';
import { EventsRuntime, verifyWebhookSignature } from '@omnitill/events';

const DELIVERIES = `query($endpointId: ID!, $state: WebhookDeliveryState) {
  webhookDeliveries(endpointId: $endpointId, state: $state) {
    totalCount
    items { id eventId eventType state attemptCount lastStatus lastError attempts { attemptNo statusCode error durationMs attemptedAt } }
  }
}`;

interface Delivery {
  id: string;
  eventId: string;
  eventType: string;
  state: string;
  attemptCount: number;
  lastStatus: number | null;
  attempts: { attemptNo: number; statusCode: number | null; attemptedAt: string }[];
}

describe('Events: signed webhooks', () => {
  let sut: TestApp;
  let adminToken: string;
  const receivers: WebhookReceiver[] = [];
  const endpoints: string[] = [];

  beforeAll(async () => {
    // A one-minute poll: anything delivered faster was woken by LISTEN/NOTIFY.
    sut = await TestApp.start({ env: { EVENT_RELAY_POLL_MS: '60000', WEBHOOK_RETRY_BASE_MS: '100', WEBHOOK_MAX_ATTEMPTS: '3' } });
    adminToken = await sut.bootstrapAdmin();
  });

  afterEach(async () => {
    // Keep endpoints of one test from receiving the next test's events.
    for (const id of endpoints.splice(0)) {
      await sut.ok('mutation($id: ID!) { deactivateWebhookEndpoint(id: $id) { active } }', { id }, { token: adminToken });
    }
  });

  afterAll(async () => {
    await Promise.all(receivers.map((receiver) => receiver.close()));
    await sut.close();
  });

  async function endpoint(eventTypes: string[] = ['*']): Promise<{ receiver: WebhookReceiver; id: string; secret: string }> {
    const receiver = await WebhookReceiver.start();
    receivers.push(receiver);
    const registered = await registerWebhook(sut, adminToken, receiver.url, eventTypes);
    endpoints.push(registered.id);
    return { receiver, ...registered };
  }

  async function deliveries(endpointId: string, state?: string): Promise<Delivery[]> {
    const data = await sut.ok<{ webhookDeliveries: { items: Delivery[] } }>(DELIVERIES, { endpointId, state }, { token: adminToken });
    return data.webhookDeliveries.items;
  }

  it('delivers a signed webhook within 2 s of commit, without waiting for the poll', async () => {
    const { receiver, id, secret } = await endpoint(['order.placed']);
    const committed = performance.now();
    const event = await recordTestEvent(sut, adminToken, {
      type: 'order.placed', aggregateId: 'order-1', customerId: '0b8f1a1e-1a5d-4a3c-8a5e-7d7b4a0f2c11',
      payload: { total: { amount: 4990, currency: 'EUR' } }, consent: { emailMarketing: true, smsMarketing: false },
    });
    const [webhook] = await receiver.waitForCount(1, 2000);
    expect(webhook.receivedAt - committed).toBeLessThan(2000);

    const { headers, body, json } = webhook;
    expect(verifyWebhookSignature(secret, headers['x-omnitill-timestamp'], body, headers['x-omnitill-signature'])).toBe(true);
    expect(verifyWebhookSignature('whsec_wrong', headers['x-omnitill-timestamp'], body, headers['x-omnitill-signature'])).toBe(false);
    expect(headers['x-omnitill-event-id']).toBe(event.id);
    expect(headers['content-type']).toBe('application/json');
    expect(json).toEqual({
      id: event.id, type: 'order.placed', version: 1, occurredAt: expect.any(String), storeId: null, channel: 'BACK_OFFICE',
      customerId: '0b8f1a1e-1a5d-4a3c-8a5e-7d7b4a0f2c11', aggregate: { type: 'order', id: 'order-1' },
      payload: { total: { amount: 4990, currency: 'EUR' } }, consent: { emailMarketing: true, smsMarketing: false },
    });
    const [delivery] = await waitFor(async () => {
      const list = await deliveries(id);
      return list[0]?.state === 'SUCCEEDED' ? list : undefined;
    }, 2000, 'the delivery to succeed');
    expect(delivery).toMatchObject({ eventId: event.id, attemptCount: 1, lastStatus: 200, attempts: [{ attemptNo: 1, statusCode: 200 }] });
  });

  it('retries a failing receiver with exponential backoff: two failures then a success are three logged attempts', async () => {
    const { receiver, id } = await endpoint(['sale.completed']);
    receiver.respond = (_webhook, index) => (index < 2 ? 503 : 200);
    const event = await recordTestEvent(sut, adminToken, { type: 'sale.completed', aggregateId: 'sale-1' });

    const webhooks = await receiver.waitForCount(3, 5000);
    expect(webhooks.map((w) => w.json.id)).toEqual([event.id, event.id, event.id]);
    expect(webhooks.map((w) => w.headers['x-omnitill-attempt'])).toEqual(['1', '2', '3']);
    const [delivery] = await waitFor(async () => {
      const list = await deliveries(id);
      return list[0]?.state === 'SUCCEEDED' ? list : undefined;
    }, 3000, 'the third attempt to be recorded');
    expect(delivery.attempts.map((a) => [a.attemptNo, a.statusCode])).toEqual([[1, 503], [2, 503], [3, 200]]);
    // Base 100 ms, doubling, jitter in the upper half: at least 50 ms, then at least 100 ms.
    const times = delivery.attempts.map((a) => new Date(a.attemptedAt).getTime());
    expect(times[1] - times[0]).toBeGreaterThanOrEqual(50);
    expect(times[2] - times[1]).toBeGreaterThanOrEqual(100);
  });

  it("holds an aggregate's later events while its earlier one is being retried, and sends them in order", async () => {
    const { receiver } = await endpoint(['order.ready_for_pickup', 'order.picked_up', 'order.cancelled']);
    receiver.respond = (_webhook, index) => (index === 0 ? 503 : 200);
    const ready = await recordTestEvent(sut, adminToken, { type: 'order.ready_for_pickup', aggregateId: 'order-hol' });
    const picked = await recordTestEvent(sut, adminToken, { type: 'order.picked_up', aggregateId: 'order-hol' });
    const other = await recordTestEvent(sut, adminToken, { type: 'order.cancelled', aggregateId: 'order-other' });

    const webhooks = await receiver.waitForCount(4, 5000);
    const forOrder = webhooks.filter((w) => w.json.aggregate.id === 'order-hol').map((w) => [w.json.id, w.status]);
    expect(forOrder).toEqual([[ready.id, 503], [ready.id, 200], [picked.id, 200]]);
    expect(webhooks.filter((w) => w.json.id === other.id).map((w) => w.status)).toEqual([200]);
  });

  it('dead-letters a delivery after the attempt limit; a replay sends it again', async () => {
    const { receiver, id } = await endpoint(['refund.issued']);
    receiver.respond = () => 500;
    const event = await recordTestEvent(sut, adminToken, { type: 'refund.issued', aggregateId: 'refund-1' });

    const [dead] = await waitFor(async () => {
      const list = await deliveries(id, 'DEAD');
      return list.length > 0 ? list : undefined;
    }, 5000, 'the delivery to go DEAD');
    expect(dead).toMatchObject({ eventId: event.id, attemptCount: 3, lastStatus: 500 });
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(receiver.received).toHaveLength(3);

    receiver.respond = () => 204;
    const replay = await sut.ok<{ replayWebhookDelivery: { __typename: string; state: string; attemptCount: number } }>(
      'mutation($id: ID!) { replayWebhookDelivery(deliveryId: $id) { __typename ... on WebhookDelivery { state attemptCount } } }',
      { id: dead.id }, { token: adminToken },
    );
    expect(replay.replayWebhookDelivery).toEqual({ __typename: 'WebhookDelivery', state: 'PENDING', attemptCount: 0 });
    await receiver.waitForCount(4, 2000);
    const [succeeded] = await waitFor(async () => {
      const list = await deliveries(id, 'SUCCEEDED');
      return list.length > 0 ? list : undefined;
    }, 2000, 'the replay to succeed');
    expect(succeeded.attempts.map((a) => [a.attemptNo, a.statusCode])).toEqual([[1, 500], [2, 500], [3, 500], [4, 204]]);
    expect(succeeded.attemptCount).toBe(1);
  });

  it('sends an endpoint only the event types it asked for', async () => {
    const coupons = await endpoint(['coupon.issued', 'coupon.redeemed']);
    const everything = await endpoint(['*']);
    await recordTestEvent(sut, adminToken, { type: 'order.placed', aggregateId: 'order-f' });
    const redeemed = await recordTestEvent(sut, adminToken, { type: 'coupon.redeemed', aggregateId: 'code-f' });
    await recordTestEvent(sut, adminToken, { type: 'stock.low', aggregateId: 'level-f' });

    await everything.receiver.waitForCount(3, 2000);
    await coupons.receiver.waitForCount(1, 2000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(coupons.receiver.received.map((w) => w.json.id)).toEqual([redeemed.id]);
    expect(everything.receiver.received.map((w) => w.json.type)).toEqual(['order.placed', 'coupon.redeemed', 'stock.low']);
  });

  it('replays past events to an endpoint registered later, from a given event and of given types', async () => {
    const first = await recordTestEvent(sut, adminToken, { type: 'customer.merged', aggregateId: 'cust-r1' });
    const second = await recordTestEvent(sut, adminToken, { type: 'customer.merged', aggregateId: 'cust-r2' });
    await recordTestEvent(sut, adminToken, { type: 'customer.erased', aggregateId: 'cust-r3' });
    await waitFor(async () => (await sut.count('domain_event', 'published_at IS NULL')) === 0, 2000, 'publication');

    const late = await endpoint(['customer.merged', 'customer.erased']);
    const REPLAY = `mutation($endpointId: ID!, $from: ID, $types: [String!]) {
      replayEvents(endpointId: $endpointId, fromEventId: $from, types: $types) { __typename ... on ReplayEventsResult { queued lastEventId } }
    }`;
    const data = await sut.ok<{ replayEvents: { queued: number; lastEventId: string } }>(
      REPLAY, { endpointId: late.id, from: first.id, types: ['customer.merged'] }, { token: adminToken },
    );
    expect(data.replayEvents).toEqual({ __typename: 'ReplayEventsResult', queued: 2, lastEventId: second.id });
    const webhooks = await late.receiver.waitForCount(2, 2000);
    expect(webhooks.map((w) => w.json.id).sort()).toEqual([first.id, second.id].sort());

    // Once delivered, replaying again starts a new round for the same deliveries: no duplicate rows.
    await waitFor(async () => (await deliveries(late.id, 'SUCCEEDED')).length === 2, 2000, 'both replays to succeed');
    const again = await sut.ok<{ replayEvents: { queued: number } }>(REPLAY, { endpointId: late.id, from: first.id, types: ['customer.merged'] }, { token: adminToken });
    expect(again.replayEvents.queued).toBe(2);
    await late.receiver.waitForCount(4, 2000);
    expect(await sut.count('webhook_delivery', 'endpoint_id = $1', [late.id])).toBe(2);
  });

  it('signs with the new secret after a rotation; a deactivated endpoint gets nothing and refuses replays', async () => {
    const { receiver, id, secret } = await endpoint(['sale.voided']);
    const rotated = await sut.ok<{ rotateWebhookSecret: { secret: string } }>(
      'mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret } }', { id }, { token: adminToken },
    );
    expect(rotated.rotateWebhookSecret.secret).not.toBe(secret);
    await recordTestEvent(sut, adminToken, { type: 'sale.voided', aggregateId: 'sale-v1' });
    const [webhook] = await receiver.waitForCount(1, 2000);
    const { headers, body } = webhook;
    expect(verifyWebhookSignature(rotated.rotateWebhookSecret.secret, headers['x-omnitill-timestamp'], body, headers['x-omnitill-signature'])).toBe(true);
    expect(verifyWebhookSignature(secret, headers['x-omnitill-timestamp'], body, headers['x-omnitill-signature'])).toBe(false);

    await sut.ok('mutation($id: ID!) { deactivateWebhookEndpoint(id: $id) { active } }', { id }, { token: adminToken });
    await recordTestEvent(sut, adminToken, { type: 'sale.voided', aggregateId: 'sale-v2' });
    await waitFor(async () => (await sut.count('domain_event', 'published_at IS NULL')) === 0, 2000, 'publication');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.received).toHaveLength(1);
    const [delivery] = await deliveries(id);
    const replay = await sut.ok<{ replayWebhookDelivery: { __typename: string } }>(
      'mutation($id: ID!) { replayWebhookDelivery(deliveryId: $id) { __typename } }', { id: delivery.id }, { token: adminToken },
    );
    expect(replay.replayWebhookDelivery.__typename).toBe('WebhookEndpointInactiveError');
  });

  it('reconnects its LISTEN connection after losing it and still delivers without polling', async () => {
    const { receiver } = await endpoint(['stock.low']);
    const runtime = sut.app.get(EventsRuntime);
    const killed = await sut.query<{ pid: number }>(
      "SELECT pg_terminate_backend(pid) AS pid FROM pg_stat_activity WHERE application_name = 'omnitill-events-listener' AND datname = current_database()",
    );
    expect(killed).toHaveLength(1);
    await waitFor(() => !runtime.listening, 2000, 'the loss to be noticed');
    await waitFor(() => runtime.listening, 3000, 'the LISTEN connection to come back');
    await recordTestEvent(sut, adminToken, { type: 'stock.low', aggregateId: 'level-1' });
    await receiver.waitForCount(1, 2000);
  });

  it('lets only admins register, list and replay webhooks', async () => {
    const support = await createStaff(sut, adminToken, 'SUPPORT_AGENT', []);
    const token = await sut.login(support.email, support.password);
    const before = await sut.count('webhook_endpoint');
    const register = await sut.graphql(
      'mutation { registerWebhookEndpoint(input: { url: "https://example.com/hook", eventTypes: ["*"] }) { secret } }', {}, { token },
    );
    expect(register.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await sut.graphql('query { webhookEndpoints { id } }', {}, { token })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await sut.graphql('mutation { registerWebhookEndpoint(input: { url: "https://example.com/hook", eventTypes: ["*"] }) { secret } }')).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(await sut.count('webhook_endpoint')).toBe(before);

    for (const input of [
      { url: 'ftp://example.com/hook', eventTypes: ['*'] },
      { url: `https://example.com/${'x'.repeat(2048)}`, eventTypes: ['*'] },
      { url: 'https://example.com/hook', eventTypes: ['order.teleported'] },
      { url: 'https://example.com/hook', eventTypes: [] },
    ]) {
      const response = await sut.graphql('mutation($input: RegisterWebhookEndpointInput!) { registerWebhookEndpoint(input: $input) { secret } }', { input }, { token: adminToken });
      expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect(await sut.count('webhook_endpoint')).toBe(before);
  });
});
