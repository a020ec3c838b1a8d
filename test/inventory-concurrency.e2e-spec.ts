import { Logger } from '@nestjs/common';
import { FakeClock, RequestContext } from '@omnitill/common';
import { StockLedgerService } from '@omnitill/inventory';
import {
  createStaff, createStockVariants, createStore, GraphQLResponse, INVENTORY_DOCUMENTS as D, InventoryResultData, receiveStockLines,
  stockInvariantViolations, TestApp,
} from '@omnitill/testing';

type ReserveResponse = GraphQLResponse<{ reserveStock: InventoryResultData }>;

/** A small seeded generator: "random" quantities that replay identically. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('Inventory under concurrency', () => {
  const clock = new FakeClock();
  let sut: TestApp;
  let admin: string;
  let transactionWarnings: jest.SpyInstance;

  function reserve(app: TestApp, token: string, storeId: string, lines: { variantId: string; quantity: number }[], ttlSeconds: number, referenceId: string) {
    return app.graphql<{ reserveStock: InventoryResultData }>(
      D.reserveStock,
      { input: { storeId, lines, ttlSeconds, referenceType: 'ORDER', referenceId } },
      { token },
    );
  }

  async function expectConsistent(app: TestApp = sut, token: string = admin): Promise<void> {
    expect(await stockInvariantViolations(app, token)).toEqual({ ledger: [], reserved: [] });
  }

  async function levelOf(storeId: string, variantId: string): Promise<{ on_hand: number; reserved: number }> {
    const [row] = await sut.query<{ on_hand: number; reserved: number }>(
      'SELECT on_hand, reserved FROM stock_level WHERE store_id = $1 AND variant_id = $2',
      [storeId, variantId],
    );
    return row;
  }

  /** Deadlocks and serialization failures are retried by TransactionRunner, which says so at warn level. */
  function retriedTransactions(): string[] {
    return transactionWarnings.mock.calls.map((call) => String(call[0])).filter((message) => /SQLSTATE (40P01|40001)/.test(message));
  }

  function typenames(responses: ReserveResponse[]): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const response of responses) {
      const name = response.errors ? `error:${String(response.errors[0].extensions?.code)}` : (response.data?.reserveStock.__typename ?? 'none');
      counts[name] = (counts[name] ?? 0) + 1;
    }
    return counts;
  }

  beforeAll(async () => {
    // Jest gives each test file its own copy of process.env. The sweep is driven by the mutation here.
    process.env.RESERVATION_SWEEP_INTERVAL_MS = '0';
    process.env.RESERVATION_SWEEP_BATCH_SIZE = '5';
    sut = await TestApp.start({ clock, env: { DATABASE_POOL_SIZE: '10' } });
    admin = await sut.bootstrapAdmin();
    transactionWarnings = jest.spyOn(Logger.prototype, 'warn');
  });

  afterAll(async () => {
    transactionWarnings.mockRestore();
    await sut.close();
  });

  it('200 concurrent single-unit reservations for 50 units: exactly 50 win, available ends at 0', async () => {
    const store = await createStore(sut, admin);
    const [variant] = await createStockVariants(sut, admin);
    await receiveStockLines(sut, admin, store.id, [{ variantId: variant.id, quantity: 50 }]);

    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, i) => reserve(sut, admin, store.id, [{ variantId: variant.id, quantity: 1 }], 86_400, `race-${i}`)),
    );

    expect(typenames(responses)).toEqual({ StockReservation: 50, InsufficientStockError: 150 });
    expect(await levelOf(store.id, variant.id)).toEqual({ on_hand: 50, reserved: 50 });
    const [availability] = (await sut.ok<{ availability: { available: number }[] }>(D.availability, { storeId: store.id, variantIds: [variant.id] })).availability;
    expect(availability.available).toBe(0);
    expect(await sut.count('stock_reservation', "store_id = $1 AND state = 'ACTIVE'", [store.id])).toBe(50);
    // The race really ran over several connections of the pool.
    const [connections] = await sut.query<{ count: string }>(
      "SELECT count(*) AS count FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'omnitill-api'",
    );
    expect(Number(connections.count)).toBeGreaterThan(1);
    await expectConsistent();
  });

  it('100 multi-line reservations racing over [A,B] and [B,A]: no deadlock, no partial hold', async () => {
    const store = await createStore(sut, admin);
    const [a, b] = await createStockVariants(sut, admin, 2);
    await receiveStockLines(sut, admin, store.id, [{ variantId: a.id, quantity: 60 }, { variantId: b.id, quantity: 60 }]);
    const random = seeded(42);
    const requests = Array.from({ length: 100 }, (_, i) => {
      const qa = 1 + Math.floor(random() * 3);
      const qb = 1 + Math.floor(random() * 3);
      const lines = i % 2 === 0
        ? [{ variantId: a.id, quantity: qa }, { variantId: b.id, quantity: qb }]
        : [{ variantId: b.id, quantity: qb }, { variantId: a.id, quantity: qa }];
      return { qa, qb, lines, referenceId: `multi-${i}` };
    });
    const warningsBefore = retriedTransactions().length;

    const responses = await Promise.all(requests.map((r) => reserve(sut, admin, store.id, r.lines, 86_400, r.referenceId)));

    const counts = typenames(responses);
    expect(Object.keys(counts).sort()).toEqual(['InsufficientStockError', 'StockReservation']);
    expect(retriedTransactions().length).toBe(warningsBefore);
    const won = requests.filter((_, i) => responses[i].data?.reserveStock.__typename === 'StockReservation');
    const heldA = won.reduce((sum, r) => sum + r.qa, 0);
    const heldB = won.reduce((sum, r) => sum + r.qb, 0);
    expect(await levelOf(store.id, a.id)).toEqual({ on_hand: 60, reserved: heldA });
    expect(await levelOf(store.id, b.id)).toEqual({ on_hand: 60, reserved: heldB });
    expect(heldA).toBeLessThanOrEqual(60);
    expect(heldB).toBeLessThanOrEqual(60);
    // The losers hold nothing: every reservation row belongs to a winner.
    expect(await sut.count('stock_reservation', 'store_id = $1', [store.id])).toBe(won.length);
    await expectConsistent();
  });

  it('receipts, adjustments, POS sales, reservations and transfers racing on one variant keep on hand equal to the ledger', async () => {
    const [source, destination] = [await createStore(sut, admin), await createStore(sut, admin)];
    const manager = await createStaff(sut, admin, 'STORE_MANAGER', [source.id, destination.id]);
    const token = await sut.login(manager.email, manager.password);
    const [variant] = await createStockVariants(sut, admin);
    await receiveStockLines(sut, admin, source.id, [{ variantId: variant.id, quantity: 20 }]);
    const line = [{ variantId: variant.id, quantity: 1 }];

    const work: Promise<GraphQLResponse<Record<string, InventoryResultData>>>[] = [];
    for (let i = 0; i < 20; i++) {
      work.push(sut.graphql(D.receiveStock, { input: { storeId: source.id, lines: line } }, { token }));
      work.push(sut.graphql(D.adjustStock, { input: { storeId: source.id, variantId: variant.id, quantityDelta: -1, reason: 'race' } }, { token }));
      work.push(sut.graphql(D.transferStock, { input: { fromStoreId: source.id, toStoreId: destination.id, lines: line } }, { token }));
      work.push(reserve(sut, admin, source.id, line, 86_400, `mixed-${i}`));
    }
    const ledger = sut.app.get(StockLedgerService);
    const sales = Array.from({ length: 20 }, (_, i) => ledger.recordSale(RequestContext.system(`till-${i}`), {
      storeId: source.id, lines: line, referenceType: 'ORDER', referenceId: `pos-${i}`, occurredAt: clock.now(),
    }));
    const [responses] = await Promise.all([Promise.all(work), Promise.all(sales)]);

    expect(responses.filter((r) => r.errors)).toEqual([]);
    const sent = await sut.count('stock_transfer', 'from_store_id = $1', [source.id]);
    const level = await levelOf(source.id, variant.id);
    expect(level.on_hand).toBe(20 + 20 - 20 - 20 - sent);
    expect(level.reserved).toBe(await sut.count('stock_reservation', 'store_id = $1', [source.id]));
    await expectConsistent();
  });

  it('releases a lapsed reservation when swept (FakeClock); committing it afterwards is a typed error', async () => {
    const store = await createStore(sut, admin);
    const [variant] = await createStockVariants(sut, admin);
    await receiveStockLines(sut, admin, store.id, [{ variantId: variant.id, quantity: 10 }]);
    const ids: string[] = [];
    for (const [quantity, ttl] of [[2, 60], [3, 60], [1, 3600]]) {
      const response = await reserve(sut, admin, store.id, [{ variantId: variant.id, quantity }], ttl, `exp-${quantity}`);
      ids.push(response.data?.reserveStock.id as string);
    }
    clock.advance(61_000);

    const early = await sut.ok<{ commitReservation: InventoryResultData }>(D.commitReservation, { input: { reservationId: ids[0] } }, { token: admin });
    expect(early.commitReservation).toMatchObject({ __typename: 'ReservationExpiredError', errorCode: 'RESERVATION_EXPIRED' });
    expect(await levelOf(store.id, variant.id)).toEqual({ on_hand: 10, reserved: 6 });

    const swept = await sut.ok<{ expireLapsedReservations: number }>(D.expireLapsedReservations, {}, { token: admin });
    expect(swept.expireLapsedReservations).toBe(2);
    expect(await levelOf(store.id, variant.id)).toEqual({ on_hand: 10, reserved: 1 });
    const states = await sut.query<{ id: string; state: string }>('SELECT id, state FROM stock_reservation WHERE id = ANY($1)', [ids]);
    expect(Object.fromEntries(states.map((s) => [s.id, s.state]))).toEqual({ [ids[0]]: 'EXPIRED', [ids[1]]: 'EXPIRED', [ids[2]]: 'ACTIVE' });

    const movementsBefore = await sut.count('stock_movement');
    const late = await sut.ok<{ commitReservation: InventoryResultData }>(D.commitReservation, { input: { reservationId: ids[1] } }, { token: admin });
    expect(late.commitReservation.__typename).toBe('ReservationExpiredError');
    const release = await sut.ok<{ releaseReservation: InventoryResultData }>(D.releaseReservation, { id: ids[1] }, { token: admin });
    expect(release.releaseReservation).toMatchObject({ __typename: 'ReservationNotActiveError', state: 'EXPIRED' });
    expect(await sut.count('stock_movement')).toBe(movementsBefore);
    await expectConsistent();
  });

  it('4 sweepers racing never release a reservation twice', async () => {
    const store = await createStore(sut, admin);
    const variants = await createStockVariants(sut, admin, 3);
    await receiveStockLines(sut, admin, store.id, variants.map((v) => ({ variantId: v.id, quantity: 100 })));
    await Promise.all(
      Array.from({ length: 30 }, (_, i) => reserve(sut, admin, store.id, [{ variantId: variants[i % 3].id, quantity: 1 + (i % 2) }], 120, `sweep-${i}`)),
    );
    expect(await sut.count('stock_reservation', "store_id = $1 AND state = 'ACTIVE'", [store.id])).toBe(30);
    clock.advance(121_000);

    const sweeps = await Promise.all(
      Array.from({ length: 4 }, () => sut.ok<{ expireLapsedReservations: number }>(D.expireLapsedReservations, {}, { token: admin })),
    );
    const released = sweeps.reduce((sum, s) => sum + s.expireLapsedReservations, 0);

    expect(released).toBe(30);
    expect(await sut.count('stock_reservation', "store_id = $1 AND state = 'EXPIRED'", [store.id])).toBe(30);
    for (const variant of variants) {
      expect(await levelOf(store.id, variant.id)).toEqual({ on_hand: 100, reserved: 0 });
    }
    expect((await sut.ok<{ expireLapsedReservations: number }>(D.expireLapsedReservations, {}, { token: admin })).expireLapsedReservations).toBe(0);
    await expectConsistent();
  });

  it('the background sweep releases lapsed reservations by itself', async () => {
    process.env.RESERVATION_SWEEP_INTERVAL_MS = '50';
    const otherClock = new FakeClock();
    const other = await TestApp.start({ clock: otherClock });
    process.env.RESERVATION_SWEEP_INTERVAL_MS = '0';
    try {
      const token = await other.bootstrapAdmin();
      const store = await createStore(other, token);
      const [variant] = await createStockVariants(other, token);
      await receiveStockLines(other, token, store.id, [{ variantId: variant.id, quantity: 5 }]);
      const response = await reserve(other, token, store.id, [{ variantId: variant.id, quantity: 2 }], 30, 'background');
      const id = response.data?.reserveStock.id as string;
      otherClock.advance(31_000);

      const deadline = Date.now() + 10_000;
      let state = 'ACTIVE';
      while (state === 'ACTIVE' && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        [{ state }] = await other.query<{ state: string }>('SELECT state FROM stock_reservation WHERE id = $1', [id]);
      }
      expect(state).toBe('EXPIRED');
      const [level] = await other.query<{ reserved: number }>('SELECT reserved FROM stock_level WHERE store_id = $1', [store.id]);
      expect(level.reserved).toBe(0);
      await expectConsistent(other, token);
    } finally {
      await other.close();
    }
  });
});
