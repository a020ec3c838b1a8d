import { randomUUID } from 'node:crypto';
import {
  createSellableVariants, createStoreWithStaff, RestartablePostgres, SellableVariant, stockInvariantViolations, stockUp, StoreWithStaff, TestApp,
  tillLogin,
} from '@omnitill/testing';

const SALE = `mutation($input: RecordSaleInput!) {
  recordSale(input: $input) { __typename ... on Sale { replayed order { id } } ... on ErrorResult { errorCode message } }
}`;

interface Attempt {
  readonly clientSaleId: string;
  readonly ms: number;
  readonly typename: string | null;
  readonly code: string | null;
  readonly retryable: boolean;
}

/** PostgreSQL restarts under a till's load: the API says so quickly, and recovers by itself. */
describe('database restart under load', () => {
  let pg: RestartablePostgres;
  let sut: TestApp;
  let admin: string;
  let store: StoreWithStaff;
  let shoe: SellableVariant;
  let cashier: string;

  beforeAll(async () => {
    pg = await RestartablePostgres.start();
    sut = await TestApp.attach(pg.databaseUrl, { env: { EVENT_RELAY_ENABLED: 'false', ORDER_EXPIRY_INTERVAL_MS: '0', RESERVATION_SWEEP_INTERVAL_MS: '0' } });
    admin = await sut.bootstrapAdmin();
    store = await createStoreWithStaff(sut, admin);
    [shoe] = await createSellableVariants(sut, admin, [5999]);
    await stockUp(sut, admin, store.id, [shoe], 10_000);
    cashier = await tillLogin(sut, store);
  });

  afterAll(async () => {
    await sut?.close();
    await pg?.destroy();
  });

  async function readiness(): Promise<{ status: number; ms: number }> {
    const started = Date.now();
    const response = await sut.http().get('/health/ready');
    return { status: response.status, ms: Date.now() - started };
  }

  async function sell(clientSaleId: string): Promise<Attempt> {
    const started = Date.now();
    const response = await sut.graphql<{ recordSale: { __typename: string } }>(
      SALE,
      { input: { clientSaleId, occurredAt: new Date().toISOString(), lines: [{ sku: shoe.sku, quantity: 1 }], payments: [{ method: 'CARD', amount: 5999 }] } },
      { token: cashier },
    );
    const error = response.errors?.[0];
    return {
      clientSaleId,
      ms: Date.now() - started,
      typename: response.data?.recordSale.__typename ?? null,
      code: typeof error?.extensions?.code === 'string' ? error.extensions.code : null,
      retryable: error?.extensions?.retryable === true,
    };
  }

  /** Four tills selling back to back with new client ids until stopped. */
  function startTills(attempts: Attempt[]): () => Promise<void> {
    let selling = true;
    const tills = Array.from({ length: 4 }, async () => {
      while (selling) {
        attempts.push(await sell(randomUUID()));
      }
    });
    return async () => {
      selling = false;
      await Promise.all(tills);
    };
  }

  it('turns unready and fails requests fast with a retryable error while PostgreSQL is down, then recovers without a restart of the API', async () => {
    expect((await readiness()).status).toBe(200);
    const attempts: Attempt[] = [];
    const stopTills = startTills(attempts);
    let stoppedAt = 0;
    let restartedAt = 0;
    let recoveredMs = 0;
    let duringOutage: Attempt[] = [];
    try {
      await new Promise((resolve) => setTimeout(resolve, 500));
      await pg.stop();
      stoppedAt = Date.now();
      const unready = await readiness();
      expect(unready.status).toBe(503);
      expect(unready.ms).toBeLessThan(2_500);
      // Let the tills hit the dead database for a while.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      duringOutage = attempts.filter((attempt) => attempt.typename === null);
      expect(duringOutage.length).toBeGreaterThan(4);
      // No hang and no internal error: every failure is the typed, retryable one, answered quickly.
      expect(duringOutage.filter((attempt) => attempt.code !== 'SERVICE_UNAVAILABLE' || !attempt.retryable)).toEqual([]);
      expect(Math.max(...duringOutage.map((attempt) => attempt.ms))).toBeLessThan(3_000);
      expect((await readiness()).status).toBe(503);

      await pg.restart();
      restartedAt = Date.now();
      let ready = await readiness();
      while (ready.status !== 200 && Date.now() - restartedAt < 10_000) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        ready = await readiness();
      }
      expect(ready.status).toBe(200);
      recoveredMs = Date.now() - restartedAt;
      await new Promise((resolve) => setTimeout(resolve, 500));
    } finally {
      await stopTills();
    }

    // After the restart sales go through again, on the same API process and pool.
    expect(attempts.slice(-4).map((attempt) => attempt.typename)).toEqual(['Sale', 'Sale', 'Sale', 'Sale']);
    // The tills retry what failed, with the same ids: each sale ends up recorded exactly once.
    const failed = attempts.filter((attempt) => attempt.typename !== 'Sale');
    const retried = await Promise.all(failed.map((attempt) => sell(attempt.clientSaleId)));
    expect(retried.filter((attempt) => attempt.typename !== 'Sale')).toEqual([]);
    const ids = attempts.map((attempt) => attempt.clientSaleId);
    const [counts] = await sut.query<{ orders: string; distinct_ids: string }>(
      'SELECT count(*) AS orders, count(DISTINCT client_sale_id) AS distinct_ids FROM "order" WHERE terminal_id = $1 AND client_sale_id = ANY($2)',
      [store.terminal.id, ids],
    );
    expect(counts).toEqual({ orders: String(ids.length), distinct_ids: String(ids.length) });
    expect(await stockInvariantViolations(sut, admin)).toEqual({ ledger: [], reserved: [] });
    process.stdout.write(
      `\n[db-restart] ${attempts.length} sales attempted, ${duringOutage.length} refused while down (slowest ${Math.max(...duringOutage.map((a) => a.ms))} ms), ` +
        `outage ${restartedAt - stoppedAt} ms, ready again ${recoveredMs} ms after PostgreSQL started\n`,
    );
  }, 90_000);
});
