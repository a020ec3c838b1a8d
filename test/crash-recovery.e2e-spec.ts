import { randomBytes, randomUUID } from 'node:crypto';
import {
  ApiChildProcess, createCampaign, createSellableVariants, createStorefrontKey, createStoreWithStaff, generateCouponCodes, GraphQLResponse,
  pickupOrderInput, SellableVariant, stockInvariantViolations, stockUp, StoreWithStaff, TestApp,
  tillLogin,
} from '@omnitill/testing';

const SALE = `mutation($input: RecordSaleInput!) {
  recordSale(input: $input) { __typename ... on Sale { replayed order { id } } ... on ErrorResult { errorCode message } }
}`;
const PLACE = `mutation($input: PlacePickupOrderInput!) {
  placePickupOrder(input: $input) { __typename ... on Order { id } ... on ErrorResult { errorCode message } }
}`;
const COLLECT = `mutation($input: CollectPickupOrderInput!) {
  collectPickupOrder(input: $input) { __typename ... on Order { id state } ... on ErrorResult { errorCode message } }
}`;

type Kind = 'sale' | 'couponSale' | 'place' | 'collect';

interface Job {
  readonly kind: Kind;
  /** The client's idempotency key (clientSaleId / clientOrderId) or the pickup order id. */
  readonly key: string;
  readonly query: string;
  readonly variables: Record<string, unknown>;
  readonly auth: { token?: string; apiKey?: string };
  /** The first answer the client got, or null while it had none. */
  answer: { typename: string; id: string | null } | null;
  attempts: number;
}

function answerOf(response: GraphQLResponse): { typename: string; id: string | null } | null {
  const result = response.data ? (Object.values(response.data)[0] as { __typename: string; id?: string; order?: { id: string } }) : null;
  if (!result) {
    return null;
  }
  return { typename: result.__typename, id: result.order?.id ?? result.id ?? null };
}

/**
 * kill -9 of an API process in the middle of POS sales, coupon redemptions, pickup placements and
 * handovers; a restart; the tills retry what got no answer with the same client ids.
 */
describe('crash recovery: kill -9 of the API under load', () => {
  const secret = randomBytes(32).toString('base64url');
  const childEnv = { AUTH_TOKEN_SECRET: secret, EVENT_RELAY_ENABLED: 'false', ORDER_EXPIRY_INTERVAL_MS: '0', RESERVATION_SWEEP_INTERVAL_MS: '0', DATABASE_POOL_SIZE: '10' };
  let auditor: TestApp;
  let api: ApiChildProcess | undefined;
  let booting: Promise<ApiChildProcess> | undefined;
  let admin: string;
  let store: StoreWithStaff;
  let shoe: SellableVariant;
  let cap: SellableVariant;
  let apiKey: string;
  let cashier: string;
  let codes: string[];
  let readyOrders: { id: string; qrToken: string }[];

  beforeAll(async () => {
    // The in-process app only builds the data and audits it afterwards; the load goes to the child.
    const t0 = Date.now();
    auditor = await TestApp.start({ env: childEnv });
    // Boots while the data is built (a cold start transpiles the sources: several seconds).
    booting = ApiChildProcess.start(auditor.databaseUrl, { env: childEnv });
    const t1 = Date.now();
    admin = await auditor.bootstrapAdmin();
    store = await createStoreWithStaff(auditor, admin);
    [shoe, cap] = await createSellableVariants(auditor, admin, [5999, 1000]);
    await stockUp(auditor, admin, store.id, [shoe, cap], 500);
    apiKey = await createStorefrontKey(auditor, admin);
    cashier = await tillLogin(auditor, store);
    const campaign = await createCampaign(auditor, admin, { percent: 10 });
    await generateCouponCodes(auditor, admin, campaign.id, 30);
    codes = (await auditor.query<{ code: string }>('SELECT code FROM coupon_code WHERE campaign_id = $1 ORDER BY code', [campaign.id])).map((row) => row.code);
    readyOrders = [];
    for (let index = 0; index < 20; index++) {
      const placed = await auditor.ok<{ placePickupOrder: { id: string } }>(PLACE, { input: pickupOrderInput(store.id, [{ sku: shoe.sku, quantity: 1 }]) }, { apiKey });
      const id = placed.placePickupOrder.id;
      await auditor.ok('mutation($id: ID!) { startPicking(orderId: $id) { __typename } }', { id }, { token: cashier });
      const ready = await auditor.ok<{ markReadyForPickup: { qrToken: string } }>(
        'mutation($id: ID!) { markReadyForPickup(orderId: $id) { ... on PickupCredentials { qrToken } } }', { id }, { token: cashier },
      );
      readyOrders.push({ id, qrToken: ready.markReadyForPickup.qrToken });
    }
    const t2 = Date.now();
    api = await booting;
    process.stdout.write(`\n[crash] app ${t1 - t0} ms, data ${t2 - t1} ms, child ready after ${Date.now() - t2} ms more\n`);
  }, 120_000);

  afterAll(async () => {
    // Also when the setup failed half way: never leave the child running.
    await (api ?? (await booting?.catch(() => undefined)))?.kill();
    await auditor?.close();
  });

  it('keeps every answered sale exactly once, leaves nothing half-written, and the retries complete', async () => {
    const jobs: Job[] = [];
    const now = () => new Date().toISOString();
    for (let index = 0; index < 150; index++) {
      const clientSaleId = randomUUID();
      jobs.push({
        kind: 'sale', key: clientSaleId, query: SALE, auth: { token: cashier }, answer: null, attempts: 0,
        variables: { input: { clientSaleId, occurredAt: now(), lines: [{ sku: shoe.sku, quantity: 1 }, { sku: cap.sku, quantity: 2 }], payments: [{ method: 'CARD', amount: 7999 }] } },
      });
    }
    for (const code of codes) {
      const clientSaleId = randomUUID();
      jobs.push({
        kind: 'couponSale', key: clientSaleId, query: SALE, auth: { token: cashier }, answer: null, attempts: 0,
        variables: { input: { clientSaleId, occurredAt: now(), lines: [{ sku: shoe.sku, quantity: 1 }], payments: [{ method: 'CASH', amount: 5999 }], couponCode: code } },
      });
    }
    for (let index = 0; index < 30; index++) {
      const clientOrderId = randomUUID();
      jobs.push({
        kind: 'place', key: clientOrderId, query: PLACE, auth: { apiKey }, answer: null, attempts: 0,
        variables: { input: pickupOrderInput(store.id, [{ sku: cap.sku, quantity: 1 }], { clientOrderId }) },
      });
    }
    for (const order of readyOrders) {
      jobs.push({ kind: 'collect', key: order.id, query: COLLECT, auth: { token: cashier }, answer: null, attempts: 0, variables: { input: { qrToken: order.qrToken } } });
    }
    // Interleave the kinds so the kill hits all of them in flight.
    jobs.sort(() => Math.random() - 0.5);

    const target = api!;
    const port = target.port;
    let answered = 0;
    let killed: Promise<void> | null = null;
    const killAfter = Math.floor(jobs.length / 3);
    const send = async (job: Job) => {
      job.attempts += 1;
      try {
        const response = await target.graphql(job.query, job.variables, job.auth);
        job.answer = answerOf(response);
        if (job.answer) {
          answered += 1;
        }
      } catch {
        // The process died with the request in flight (or before it was sent): no answer.
      }
      if (answered >= killAfter && !killed) {
        killed = target.kill();
      }
    };
    // 12 tills' worth of requests in flight at a time.
    let next = 0;
    await Promise.all(Array.from({ length: 12 }, async () => {
      while (next < jobs.length) {
        await send(jobs[next++]);
      }
    }));
    await killed;
    const answeredBeforeCrash = jobs.filter((job) => job.answer).map((job) => ({ ...job, answer: job.answer }));
    const unanswered = jobs.filter((job) => !job.answer);
    process.stdout.write(`\n[crash] ${jobs.length} requests, ${answeredBeforeCrash.length} answered before kill -9, ${unanswered.length} without an answer\n`);
    expect(answeredBeforeCrash.length).toBeGreaterThanOrEqual(killAfter);
    expect(unanswered.length).toBeGreaterThan(0);
    const expectedAnswer = (kind: Kind) => (kind === 'collect' || kind === 'place' ? 'Order' : 'Sale');
    expect(answeredBeforeCrash.filter((job) => job.answer?.typename !== expectedAnswer(job.kind)).map((job) => [job.kind, job.answer])).toEqual([]);

    const restartedAt = Date.now();
    api = await ApiChildProcess.start(auditor.databaseUrl, { port, env: childEnv });
    const restartMs = Date.now() - restartedAt;
    process.stdout.write(`[crash] restarted in ${restartMs} ms\n`);
    const restarted = api;

    // The tills retry everything that had no answer, with the same ids, 12 at a time as before;
    // a retryable SERVICE_UNAVAILABLE (the pool still warming up) is retried after a pause.
    const retries: { job: Job; answer: ReturnType<typeof answerOf>; errors: GraphQLResponse['errors'] }[] = [];
    let nextRetry = 0;
    await Promise.all(Array.from({ length: 12 }, async () => {
      while (nextRetry < unanswered.length) {
        const job = unanswered[nextRetry++];
        let response = await restarted.graphql(job.query, job.variables, job.auth);
        for (let attempt = 1; attempt < 5 && response.errors?.[0]?.extensions?.retryable === true; attempt++) {
          await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
          response = await restarted.graphql(job.query, job.variables, job.auth);
        }
        retries.push({ job, answer: answerOf(response), errors: response.errors });
      }
    }));
    expect(retries.filter((retry) => !retry.answer)).toEqual([]);
    for (const { job, answer } of retries) {
      if (job.kind === 'collect') {
        // Handed over before the crash (the answer was lost) or now: either way it is picked up once.
        expect(['Order', 'OrderStateTransitionError']).toContain(answer?.typename);
      } else {
        expect(answer?.typename).toBe(job.kind === 'place' ? 'Order' : 'Sale');
      }
    }

    // Every sale the till got an answer for exists exactly once, under the id it was answered with.
    const sales = jobs.filter((job) => job.kind === 'sale' || job.kind === 'couponSale');
    const recorded = await auditor.query<{ client_sale_id: string; id: string }>('SELECT client_sale_id, id FROM "order" WHERE terminal_id = $1', [store.terminal.id]);
    expect(recorded).toHaveLength(sales.length);
    const byClientId = new Map(recorded.map((row) => [row.client_sale_id, row.id]));
    for (const job of answeredBeforeCrash.filter((done) => done.kind === 'sale' || done.kind === 'couponSale')) {
      expect(byClientId.get(job.key)).toBe(job.answer?.id);
    }
    for (const { job, answer } of retries.filter((retry) => retry.job.kind !== 'collect' && retry.job.kind !== 'place')) {
      expect(byClientId.get(job.key)).toBe(answer?.id);
    }
    // Pickup placements: one order per client order id.
    const placements = await auditor.query<{ client_order_id: string; orders: string }>(
      'SELECT client_order_id, count(*) AS orders FROM "order" WHERE client_order_id = ANY($1) GROUP BY client_order_id',
      [jobs.filter((job) => job.kind === 'place').map((job) => job.key)],
    );
    expect(placements).toHaveLength(30);
    expect(placements.every((row) => Number(row.orders) === 1)).toBe(true);

    // Nothing half-written: every order has its lines and history, every sale its payments,
    // every redemption its order, every handover its stock movement.
    const [orphans] = await auditor.query<Record<string, string>>(`SELECT
      (SELECT count(*) FROM "order" o WHERE NOT EXISTS (SELECT 1 FROM order_line l WHERE l.order_id = o.id)) AS without_lines,
      (SELECT count(*) FROM "order" o WHERE NOT EXISTS (SELECT 1 FROM order_state_change h WHERE h.order_id = o.id)) AS without_history,
      (SELECT count(*) FROM "order" o WHERE o.channel = 'POS' AND NOT EXISTS (SELECT 1 FROM order_payment p WHERE p.order_id = o.id)) AS sales_without_payments,
      (SELECT count(*) FROM coupon_redemption r WHERE NOT EXISTS (SELECT 1 FROM "order" o WHERE o.id = r.order_id)) AS redemptions_without_order,
      (SELECT count(*) FROM "order" o WHERE o.coupon_code IS NOT NULL AND NOT EXISTS (SELECT 1 FROM coupon_redemption r WHERE r.order_id = o.id)) AS coupon_orders_without_redemption,
      (SELECT count(*) FROM stock_movement m WHERE m.reference_type = 'ORDER' AND NOT EXISTS (SELECT 1 FROM "order" o WHERE o.id::text = m.reference_id)) AS movements_without_order`);
    expect(orphans).toEqual({
      without_lines: '0', without_history: '0', sales_without_payments: '0', redemptions_without_order: '0', coupon_orders_without_redemption: '0', movements_without_order: '0',
    });
    // Every single-use code redeemed exactly once, by the sale that carried it.
    const [coupons] = await auditor.query<{ redemptions: string; used_codes: string }>(
      "SELECT count(*) AS redemptions, count(DISTINCT code_id) AS used_codes FROM coupon_redemption WHERE state = 'ACTIVE'",
    );
    expect(coupons).toEqual({ redemptions: '30', used_codes: '30' });
    // Every pickup handed over exactly once.
    const [pickups] = await auditor.query<{ picked_up: string; pickup_movements: string }>(
      `SELECT (SELECT count(*) FROM "order" WHERE id = ANY($1) AND state = 'PICKED_UP') AS picked_up,
              (SELECT count(*) FROM stock_movement WHERE type = 'PICKUP' AND reference_id = ANY($2)) AS pickup_movements`,
      [readyOrders.map((order) => order.id), readyOrders.map((order) => order.id)],
    );
    expect(pickups).toEqual({ picked_up: '20', pickup_movements: '20' });

    // On hand is the sum of movements; reserved is what active reservations hold.
    expect(await stockInvariantViolations(auditor, admin)).toEqual({ ledger: [], reserved: [] });
    const [shelf] = await auditor.query<{ shoe: number; cap: number; cap_reserved: number }>(
      `SELECT (SELECT on_hand FROM stock_level WHERE store_id = $1 AND variant_id = $2) AS shoe,
              (SELECT on_hand FROM stock_level WHERE store_id = $1 AND variant_id = $3) AS cap,
              (SELECT reserved FROM stock_level WHERE store_id = $1 AND variant_id = $3) AS cap_reserved`,
      [store.id, shoe.id, cap.id],
    );
    expect(shelf).toEqual({ shoe: 500 - 150 - 30 - 20, cap: 500 - 300, cap_reserved: 30 });
  }, 120_000);
});
