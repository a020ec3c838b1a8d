import { IN_LIST_MAX_PARAMETERS, RequestContext } from '@omnitill/common';
import { StockLedgerService, StockMovementType } from '@omnitill/inventory';
import {
  Auth, createStaff, createStockVariants, createStore, INVENTORY_DOCUMENTS as D, InventoryResultData, receiveStockLines, StockLevelData,
  StockMovementData, stockInvariantViolations, TestApp,
} from '@omnitill/testing';

interface Page<T> {
  items: T[];
  totalCount: number;
  hasNextPage: boolean;
}

interface Availability {
  variantId: string;
  sku: string;
  onHand: number;
  reserved: number;
  safetyStock: number;
  available: number;
  inStock: boolean;
}

interface PickupStore {
  storeId: string;
  code: string;
  distanceKm: number;
}

/** An independent haversine, to check the SQL one. */
function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const a = Math.sin(rad(lat2 - lat1) / 2) ** 2 + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(rad(lon2 - lon1) / 2) ** 2;
  return Math.round(2 * 6371.0088 * Math.asin(Math.sqrt(a)) * 10) / 10;
}

describe('Inventory: stock operations and reads', () => {
  let sut: TestApp;
  let admin: string;

  async function mutate(field: keyof typeof D, variables: Record<string, unknown>, auth: Auth): Promise<InventoryResultData> {
    const data = await sut.ok<Record<string, InventoryResultData>>(D[field], variables, auth);
    return data[field];
  }

  async function read<T>(field: keyof typeof D, variables: Record<string, unknown>, auth: Auth = {}): Promise<T> {
    const data = await sut.ok<Record<string, T>>(D[field], variables, auth);
    return data[field];
  }

  async function managerOf(storeId: string): Promise<{ id: string; token: string }> {
    const staff = await createStaff(sut, admin, 'STORE_MANAGER', [storeId]);
    return { id: staff.id, token: await sut.login(staff.email, staff.password) };
  }

  const levelOf = (result: InventoryResultData, variantId: string): StockLevelData | undefined =>
    result.levels?.find((level) => level.variantId === variantId);

  beforeAll(async () => {
    sut = await TestApp.start();
    admin = await sut.bootstrapAdmin();
  });

  afterAll(async () => {
    await sut.close();
  });

  it('a manager receives a delivery: RECEIPT movements, repeated lines added up', async () => {
    const store = await createStore(sut, admin);
    const manager = await managerOf(store.id);
    const [v1, v2] = await createStockVariants(sut, admin, 2);

    const result = await mutate('receiveStock', {
      input: { storeId: store.id, lines: [{ variantId: v1.id, quantity: 5 }, { variantId: v2.id, quantity: 3 }, { variantId: v1.id, quantity: 2 }], reference: 'DN-1001' },
    }, { token: manager.token });

    expect(result.__typename).toBe('StockChange');
    expect(levelOf(result, v1.id)).toMatchObject({ sku: v1.sku, onHand: 7, reserved: 0, available: 7, inStock: true, needsRecount: false });
    expect(levelOf(result, v2.id)).toMatchObject({ onHand: 3, available: 3 });
    expect(result.movements?.map((m) => [m.variantId, m.type, m.quantity, m.onHandAfter, m.referenceType, m.referenceId, m.actor])).toEqual(
      expect.arrayContaining([
        [v1.id, 'RECEIPT', 7, 7, 'DELIVERY', 'DN-1001', `staff:${manager.id}`],
        [v2.id, 'RECEIPT', 3, 3, 'DELIVERY', 'DN-1001', `staff:${manager.id}`],
      ]),
    );
    expect(result.movements).toHaveLength(2);
  });

  it('adjusts with a reason; going below zero flags the level for a recount', async () => {
    const store = await createStore(sut, admin);
    const manager = await managerOf(store.id);
    const [variant] = await createStockVariants(sut, admin);
    await receiveStockLines(sut, manager.token, store.id, [{ variantId: variant.id, quantity: 4 }]);

    const down = await mutate('adjustStock', { input: { storeId: store.id, variantId: variant.id, quantityDelta: -3, reason: 'broken display' } }, { token: manager.token });
    expect(levelOf(down, variant.id)).toMatchObject({ onHand: 1, needsRecount: false });
    expect(down.movements).toEqual([expect.objectContaining({ type: 'ADJUSTMENT', quantity: -3, onHandAfter: 1, reason: 'broken display' })]);

    const below = await mutate('adjustStock', { input: { storeId: store.id, variantId: variant.id, quantityDelta: -2, reason: 'stolen' } }, { token: manager.token });
    expect(levelOf(below, variant.id)).toMatchObject({ onHand: -1, available: 0, inStock: false, needsRecount: true });

    const negative = await read<Page<StockLevelData>>('stockLevels', { storeId: store.id, negativeOnly: true }, { token: manager.token });
    expect(negative.items.map((l) => l.variantId)).toEqual([variant.id]);
    const recount = await read<Page<StockLevelData>>('stockLevels', { storeId: store.id, needsRecountOnly: true }, { token: manager.token });
    expect(recount.totalCount).toBe(1);
  });

  it('records a cycle count: sets on hand, writes each difference as COUNT_CORRECTION, clears needsRecount', async () => {
    const store = await createStore(sut, admin);
    const manager = await managerOf(store.id);
    const [counted, unchanged, fresh, negative] = await createStockVariants(sut, admin, 4);
    await receiveStockLines(sut, manager.token, store.id, [
      { variantId: counted.id, quantity: 10 },
      { variantId: unchanged.id, quantity: 3 },
      { variantId: negative.id, quantity: 1 },
    ]);
    await mutate('adjustStock', { input: { storeId: store.id, variantId: negative.id, quantityDelta: -5, reason: 'oversold' } }, { token: manager.token });

    const result = await mutate('recordStockCount', {
      input: {
        storeId: store.id,
        lines: [
          { variantId: counted.id, countedQuantity: 7 },
          { variantId: unchanged.id, countedQuantity: 3 },
          { variantId: fresh.id, countedQuantity: 4 },
          { variantId: negative.id, countedQuantity: 2 },
        ],
      },
    }, { token: manager.token });

    expect(result.__typename).toBe('StockChange');
    expect(result.levels?.map((l) => [l.variantId, l.onHand, l.needsRecount])).toEqual(
      expect.arrayContaining([[counted.id, 7, false], [unchanged.id, 3, false], [fresh.id, 4, false], [negative.id, 2, false]]),
    );
    const corrections = (result.movements ?? []).map((m) => [m.variantId, m.type, m.quantity, m.onHandAfter, m.referenceType]);
    expect(corrections).toHaveLength(3);
    expect(corrections).toEqual(expect.arrayContaining([
      [counted.id, 'COUNT_CORRECTION', -3, 7, 'STOCK_COUNT'],
      [fresh.id, 'COUNT_CORRECTION', 4, 4, 'STOCK_COUNT'],
      [negative.id, 'COUNT_CORRECTION', 6, 2, 'STOCK_COUNT'],
    ]));
    expect(new Set(result.movements?.map((m) => m.referenceId)).size).toBe(1);
  });

  it('transfers stock: out at the source at once, in transit, in at the destination when received', async () => {
    const source = await createStore(sut, admin);
    const destination = await createStore(sut, admin);
    const sender = await managerOf(source.id);
    const receiver = await managerOf(destination.id);
    const [variant] = await createStockVariants(sut, admin);
    await receiveStockLines(sut, sender.token, source.id, [{ variantId: variant.id, quantity: 10 }]);

    const sent = await mutate('transferStock', {
      input: { fromStoreId: source.id, toStoreId: destination.id, lines: [{ variantId: variant.id, quantity: 4 }] },
    }, { token: sender.token });
    expect(sent).toMatchObject({ __typename: 'StockTransfer', state: 'IN_TRANSIT', lines: [{ variantId: variant.id, quantity: 4 }] });
    const transferId = sent.id as string;
    const [out] = (await read<Page<StockMovementData>>('stockMovements', { storeId: source.id, variantId: variant.id, take: 1 }, { token: sender.token })).items;
    expect(out).toMatchObject({ type: 'TRANSFER_OUT', quantity: -4, onHandAfter: 6, referenceType: 'STOCK_TRANSFER', referenceId: transferId });
    const [inTransit] = await read<Availability[]>('availability', { storeId: destination.id, variantIds: [variant.id] });
    expect(inTransit.onHand).toBe(0);

    const forbidden = await sut.graphql(D.receiveTransfer, { id: transferId }, { token: sender.token });
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const received = await mutate('receiveTransfer', { id: transferId }, { token: receiver.token });
    expect(received).toMatchObject({ __typename: 'StockTransfer', state: 'RECEIVED', receivedBy: `staff:${receiver.id}` });
    const [arrived] = await read<Availability[]>('availability', { storeId: destination.id, variantIds: [variant.id] });
    expect(arrived.onHand).toBe(4);
    const again = await mutate('receiveTransfer', { id: transferId }, { token: receiver.token });
    expect(again).toMatchObject({ __typename: 'TransferNotInTransitError', errorCode: 'TRANSFER_NOT_IN_TRANSIT', transferState: 'RECEIVED' });

    const listed = await read<Page<{ id: string; state: string }>>('stockTransfers', { storeId: destination.id }, { token: receiver.token });
    expect(listed.items).toEqual([expect.objectContaining({ id: transferId, state: 'RECEIVED' })]);
    const inTransitOnly = await read<Page<{ id: string }>>('stockTransfers', { storeId: source.id, state: 'IN_TRANSIT' }, { token: sender.token });
    expect(inTransitOnly.totalCount).toBe(0);

    const movementsBefore = await sut.count('stock_movement');
    const short = await mutate('transferStock', {
      input: { fromStoreId: source.id, toStoreId: destination.id, lines: [{ variantId: variant.id, quantity: 7 }] },
    }, { token: sender.token });
    expect(short).toMatchObject({ __typename: 'InsufficientStockError', shortLines: [{ variantId: variant.id, requested: 7, available: 6 }], alternatives: [] });
    expect(await sut.count('stock_movement')).toBe(movementsBefore);
    expect(await sut.count('stock_transfer', 'from_store_id = $1', [source.id])).toBe(1);

    const recalled = await mutate('transferStock', {
      input: { fromStoreId: source.id, toStoreId: destination.id, lines: [{ variantId: variant.id, quantity: 2 }] },
    }, { token: sender.token });
    const cancelled = await mutate('cancelTransfer', { id: recalled.id }, { token: sender.token });
    expect(cancelled).toMatchObject({ state: 'CANCELLED' });
    const [back] = await read<Availability[]>('availability', { storeId: source.id, variantIds: [variant.id] });
    expect(back.onHand).toBe(6);
  });

  it('lists the ledger of a variant newest first, paginated, each on_hand_after chaining to the next', async () => {
    const store = await createStore(sut, admin);
    const [variant] = await createStockVariants(sut, admin);
    await receiveStockLines(sut, admin, store.id, [{ variantId: variant.id, quantity: 5 }]);
    await mutate('adjustStock', { input: { storeId: store.id, variantId: variant.id, quantityDelta: -1, reason: 'dropped' } }, { token: admin });
    await mutate('adjustStock', { input: { storeId: store.id, variantId: variant.id, quantityDelta: 2, reason: 'found' } }, { token: admin });
    await mutate('recordStockCount', { input: { storeId: store.id, lines: [{ variantId: variant.id, countedQuantity: 10 }] } }, { token: admin });

    const first = await read<Page<StockMovementData>>('stockMovements', { storeId: store.id, variantId: variant.id, take: 2 }, { token: admin });
    const second = await read<Page<StockMovementData>>('stockMovements', { storeId: store.id, variantId: variant.id, skip: 2, take: 2 }, { token: admin });
    expect(first).toMatchObject({ totalCount: 4, hasNextPage: true });
    expect(second).toMatchObject({ totalCount: 4, hasNextPage: false });
    const ledger = [...first.items, ...second.items];
    expect(ledger.map((m) => [m.type, m.quantity, m.onHandAfter])).toEqual([
      ['COUNT_CORRECTION', 4, 10],
      ['ADJUSTMENT', 2, 6],
      ['ADJUSTMENT', -1, 4],
      ['RECEIPT', 5, 5],
    ]);
    const ids = ledger.map((m) => BigInt(m.id));
    expect([...ids].sort((a, b) => (a > b ? -1 : 1))).toEqual(ids);
    for (let i = 0; i < ledger.length - 1; i++) {
      expect(ledger[i].onHandAfter - ledger[i].quantity).toBe(ledger[i + 1].onHandAfter);
    }
  });

  it('answers availability of several variants in ONE database round trip, to anyone, by id or SKU', async () => {
    const store = await createStore(sut, admin);
    const [held, guarded, empty] = await createStockVariants(sut, admin, 3);
    await receiveStockLines(sut, admin, store.id, [{ variantId: held.id, quantity: 10 }, { variantId: guarded.id, quantity: 1 }]);
    await mutate('updateStockSettings', { input: { storeId: store.id, variantId: held.id, safetyStock: 2 } }, { token: admin });
    await mutate('updateStockSettings', { input: { storeId: store.id, variantId: guarded.id, safetyStock: 1 } }, { token: admin });
    const reservation = await mutate('reserveStock', {
      input: { storeId: store.id, lines: [{ variantId: held.id, quantity: 3 }], ttlSeconds: 600, referenceType: 'ORDER', referenceId: 'o-avail' },
    }, { token: admin });
    expect(reservation.__typename).toBe('StockReservation');

    // Through TypeORM or straight on the pool (hot reads run as prepared statements there).
    const queries = jest.spyOn(sut.dataSource, 'query');
    const pool = (sut.dataSource.driver as unknown as { master: { query: (...args: unknown[]) => unknown } }).master;
    const poolQueries = jest.spyOn(pool, 'query');
    const byId = await read<Availability[]>('availability', { storeId: store.id, variantIds: [empty.id, held.id, guarded.id] });
    expect(queries.mock.calls.length + poolQueries.mock.calls.length).toBe(1);
    queries.mockRestore();
    poolQueries.mockRestore();

    expect(byId).toEqual([
      { variantId: empty.id, sku: empty.sku, onHand: 0, reserved: 0, safetyStock: 0, available: 0, inStock: false },
      { variantId: held.id, sku: held.sku, onHand: 10, reserved: 3, safetyStock: 2, available: 5, inStock: true },
      { variantId: guarded.id, sku: guarded.sku, onHand: 1, reserved: 0, safetyStock: 1, available: 0, inStock: false },
    ]);
    const bySku = await read<Availability[]>('availability', { storeId: store.id, skus: [held.sku.toLowerCase(), guarded.sku] });
    expect(bySku.map((a) => [a.variantId, a.available])).toEqual([[held.id, 5], [guarded.id, 0]]);
  });

  it('reads the same figures for baskets of every length, within and beyond the per-length statements (IN_LIST_MAX_PARAMETERS)', async () => {
    const store = await createStore(sut, admin, { latitude: -45.87, longitude: 170.5, offersPickup: true });
    const variants = await createStockVariants(sut, admin, IN_LIST_MAX_PARAMETERS + 4);
    await receiveStockLines(sut, admin, store.id, variants.map((variant, i) => ({ variantId: variant.id, quantity: i + 1 })));
    const quantityOf = new Map(variants.map((variant, i) => [variant.id, i + 1]));
    for (const length of [1, 3, IN_LIST_MAX_PARAMETERS, IN_LIST_MAX_PARAMETERS + 1, variants.length]) {
      const basket = variants.slice(variants.length - length);
      // Six reads of each: PostgreSQL settles on a prepared statement's generic plan after five.
      for (let round = 0; round < 6; round++) {
        const byId = await read<Availability[]>('availability', { storeId: store.id, variantIds: basket.map((v) => v.id) });
        expect(byId.map((a) => [a.variantId, a.onHand, a.available])).toEqual(basket.map((v) => [v.id, quantityOf.get(v.id), quantityOf.get(v.id)]));
      }
      const bySku = await read<Availability[]>('availability', { storeId: store.id, skus: basket.map((v) => v.sku) });
      expect(bySku.map((a) => a.onHand)).toEqual(basket.map((v) => quantityOf.get(v.id)));
      // The only store with these variants has the whole basket, and not one more of the scarcest line.
      const lines = basket.map((v) => ({ variantId: v.id, quantity: quantityOf.get(v.id) ?? 0 }));
      const near = { latitude: -45.9, longitude: 170.5 };
      expect((await read<PickupStore[]>('pickupStores', { lines, ...near })).map((s) => s.storeId)).toEqual([store.id]);
      const oneTooMany = lines.map((line, i) => (i === 0 ? { ...line, quantity: line.quantity + 1 } : line));
      expect(await read<PickupStore[]>('pickupStores', { lines: oneTooMany, ...near })).toEqual([]);
    }
  });

  it('lists what is low in a store, and the stock list filters by low stock and SKU', async () => {
    const store = await createStore(sut, admin);
    const manager = await managerOf(store.id);
    const [low, zero, plenty, unset] = await createStockVariants(sut, admin, 4);
    await receiveStockLines(sut, manager.token, store.id, [
      { variantId: low.id, quantity: 5 },
      { variantId: plenty.id, quantity: 50 },
      { variantId: unset.id, quantity: 1 },
    ]);
    for (const [variantId, lowStockThreshold] of [[low.id, 5], [zero.id, 0], [plenty.id, 10]] as const) {
      const settings = await mutate('updateStockSettings', { input: { storeId: store.id, variantId, lowStockThreshold } }, { token: manager.token });
      expect(settings).toMatchObject({ __typename: 'StockLevel', lowStockThreshold });
    }

    const lowStock = await read<StockLevelData[]>('lowStock', { storeId: store.id }, { token: manager.token });
    expect(lowStock.map((l) => l.variantId).sort()).toEqual([low.id, zero.id].sort());
    expect(lowStock.every((l) => l.lowStock)).toBe(true);
    const filtered = await read<Page<StockLevelData>>('stockLevels', { storeId: store.id, lowStockOnly: true }, { token: manager.token });
    expect(filtered.totalCount).toBe(2);

    const cleared = await mutate('updateStockSettings', { input: { storeId: store.id, variantId: low.id, lowStockThreshold: null } }, { token: manager.token });
    expect(cleared).toMatchObject({ lowStockThreshold: null, lowStock: false });
    expect((await read<StockLevelData[]>('lowStock', { storeId: store.id }, { token: manager.token })).map((l) => l.variantId)).toEqual([zero.id]);

    const bySku = await read<Page<StockLevelData>>('stockLevels', { storeId: store.id, sku: plenty.sku.slice(2).toLowerCase() }, { token: manager.token });
    expect(bySku.items.map((l) => l.variantId)).toEqual([plenty.id]);
    const paged = await read<Page<StockLevelData>>('stockLevels', { storeId: store.id, take: 3 }, { token: manager.token });
    expect(paged).toMatchObject({ totalCount: 4, hasNextPage: true });
    expect(paged.items.map((l) => l.sku)).toEqual([...paged.items.map((l) => l.sku)].sort());
  });

  it('finds pickup stores that have the whole basket, nearest first, with distances', async () => {
    const stores = {
      mitte: await createStore(sut, admin, { latitude: 52.52, longitude: 13.405, offersPickup: true }),
      potsdam: await createStore(sut, admin, { latitude: 52.3906, longitude: 13.0645, offersPickup: true }),
      hamburg: await createStore(sut, admin, { latitude: 53.5511, longitude: 9.9937, offersPickup: true }),
      leipzigNoPickup: await createStore(sut, admin, { latitude: 51.3397, longitude: 12.3731, offersPickup: false }),
      dresdenTooFew: await createStore(sut, admin, { latitude: 51.0504, longitude: 13.7373, offersPickup: true }),
    };
    const coordinates: Record<string, [number, number]> = {
      [stores.mitte.id]: [52.52, 13.405],
      [stores.potsdam.id]: [52.3906, 13.0645],
      [stores.hamburg.id]: [53.5511, 9.9937],
    };
    const [shoe, sock] = await createStockVariants(sut, admin, 2);
    for (const store of [stores.hamburg, stores.potsdam, stores.mitte, stores.leipzigNoPickup]) {
      await receiveStockLines(sut, admin, store.id, [{ variantId: shoe.id, quantity: 2 }, { variantId: sock.id, quantity: 1 }]);
    }
    await receiveStockLines(sut, admin, stores.dresdenTooFew.id, [{ variantId: shoe.id, quantity: 1 }, { variantId: sock.id, quantity: 5 }]);

    const [alexLat, alexLon] = [52.5219, 13.4132];
    const basket = [{ variantId: shoe.id, quantity: 1 }, { variantId: sock.id, quantity: 1 }, { variantId: shoe.id, quantity: 1 }];
    const found = await read<PickupStore[]>('pickupStores', { lines: basket, latitude: alexLat, longitude: alexLon });
    expect(found.map((s) => s.storeId)).toEqual([stores.mitte.id, stores.potsdam.id, stores.hamburg.id]);
    for (const store of found) {
      const [lat, lon] = coordinates[store.storeId];
      expect(store.distanceKm).toBeCloseTo(distanceKm(alexLat, alexLon, lat, lon), 5);
    }
    expect(found[2].distanceKm).toBeGreaterThan(250);

    const nearestTwo = await read<PickupStore[]>('pickupStores', { lines: basket, latitude: alexLat, longitude: alexLon, limit: 2 });
    expect(nearestTwo.map((s) => s.storeId)).toEqual([stores.mitte.id, stores.potsdam.id]);
    const fromHamburg = await read<PickupStore[]>('pickupStores', { lines: [{ variantId: sock.id, quantity: 1 }], latitude: 53.55, longitude: 10 });
    expect(fromHamburg[0].storeId).toBe(stores.hamburg.id);
    expect(fromHamburg.map((s) => s.storeId)).toContain(stores.dresdenTooFew.id);
  });

  it('records POS sales without waiting for a count (negative levels are flagged); returns restock, damage writes off', async () => {
    const ledger = sut.app.get(StockLedgerService);
    const pos = RequestContext.system('pos-test');
    const store = await createStore(sut, admin);
    const [counted, neverReceived] = await createStockVariants(sut, admin, 2);
    await receiveStockLines(sut, admin, store.id, [{ variantId: counted.id, quantity: 1 }]);
    const soldAt = new Date('2030-01-02T09:30:00Z');

    const sale = await ledger.recordSale(pos, {
      storeId: store.id,
      lines: [{ variantId: counted.id, quantity: 2 }, { variantId: neverReceived.id, quantity: 1 }, { variantId: counted.id, quantity: 1 }],
      referenceType: 'ORDER',
      referenceId: 'pos-1',
      occurredAt: soldAt,
    });
    expect(sale.map((m) => [m.variantId, m.type, m.quantity, m.onHandAfter, m.referenceId, m.occurredAt.toISOString()])).toEqual(expect.arrayContaining([
      [counted.id, 'SALE', -3, -2, 'pos-1', soldAt.toISOString()],
      [neverReceived.id, 'SALE', -1, -1, 'pos-1', soldAt.toISOString()],
    ]));
    const flagged = await read<Page<StockLevelData>>('stockLevels', { storeId: store.id, needsRecountOnly: true }, { token: admin });
    expect(flagged.items.map((l) => [l.variantId, l.onHand]).sort()).toEqual([[counted.id, -2], [neverReceived.id, -1]].sort());

    const returned = await ledger.applyMovements(pos, store.id, [
      { variantId: counted.id, type: StockMovementType.RETURN_RESTOCK, quantity: 1, referenceType: 'RETURN', referenceId: 'ret-1' },
      { variantId: counted.id, type: StockMovementType.DAMAGE, quantity: -1, reason: 'torn seam', referenceType: 'RETURN', referenceId: 'ret-1' },
    ]);
    expect(returned.map((m) => [m.type, m.quantity, m.onHandAfter, m.reason])).toEqual([
      ['RETURN_RESTOCK', 1, -1, null],
      ['DAMAGE', -1, -2, 'torn seam'],
    ]);

    const movements = await sut.count('stock_movement');
    await expect(ledger.applyMovements(pos, store.id, [{ variantId: counted.id, type: StockMovementType.DAMAGE, quantity: 1 }]))
      .rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(ledger.recordSale(pos, {
      storeId: store.id, lines: [{ variantId: '00000000-0000-4000-8000-000000000000', quantity: 1 }], referenceType: 'ORDER', referenceId: 'pos-2', occurredAt: soldAt,
    })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await sut.count('stock_movement')).toBe(movements);
  });

  it('leaves on hand equal to the sum of movements everywhere', async () => {
    expect(await stockInvariantViolations(sut, admin)).toEqual({ ledger: [], reserved: [] });
  });
});
