import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { FakeClock } from '@omnitill/common';
import { StockReservationEntity, StockReservationLineEntity } from '@omnitill/inventory';
import { OrderEntity, OrderLineEntity, OrderPaymentEntity, OrderStateChangeEntity } from '@omnitill/order';
import { StoreEntity } from '@omnitill/store';
import {
  createSellableVariants, createStore, createStoreWithStaff, createStorefrontKey, ORDER_DOCUMENTS, OrderData, PickupCredentialsData,
  pickupOrderInput, readBothWays, SellableVariant, stockInvariantViolations, stockOf, StoreWithStaff, stockUp, TestApp, tillLogin,
} from '@omnitill/testing';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

describe('Click-and-collect', () => {
  const clock = new FakeClock();
  let sut: TestApp;
  let apiKey: string;
  let mitte: StoreWithStaff;
  let kreuzberg: StoreWithStaff;
  let shoe: SellableVariant;
  let socks: SellableVariant;
  let cap: SellableVariant;

  const admin = () => sut.login('root@test.local', 'root-password-123');

  async function place(input: Record<string, unknown>, auth: { apiKey?: string; token?: string } = { apiKey }): Promise<OrderData> {
    const data = await sut.ok<{ placePickupOrder: OrderData }>(ORDER_DOCUMENTS.placePickupOrder, { input }, auth);
    return data.placePickupOrder;
  }

  async function placeAtMitte(lines = [{ sku: shoe.sku, quantity: 2 }, { sku: socks.sku, quantity: 1 }]): Promise<OrderData> {
    const order = await place(pickupOrderInput(mitte.id, lines));
    expect(order.__typename).toBe('Order');
    return order;
  }

  async function makeReady(orderId: string, token: string): Promise<PickupCredentialsData> {
    const picking = await sut.ok<{ startPicking: OrderData }>(ORDER_DOCUMENTS.startPicking, { id: orderId }, { token });
    expect(picking.startPicking).toMatchObject({ __typename: 'Order', state: 'PICKING' });
    const ready = await sut.ok<{ markReadyForPickup: PickupCredentialsData }>(ORDER_DOCUMENTS.markReadyForPickup, { id: orderId }, { token });
    expect(ready.markReadyForPickup.__typename).toBe('PickupCredentials');
    return ready.markReadyForPickup;
  }

  async function collect(input: Record<string, unknown>, token: string): Promise<OrderData> {
    const data = await sut.ok<{ collectPickupOrder: OrderData }>(ORDER_DOCUMENTS.collectPickupOrder, { input }, { token });
    return data.collectPickupOrder;
  }

  const orderRow = async (id: string) =>
    (await sut.query<{ state: string; failed_pickup_attempts: number; pickup_code_hash: string | null }>(
      'SELECT state, failed_pickup_attempts, pickup_code_hash FROM "order" WHERE id = $1',
      [id],
    ))[0];

  beforeAll(async () => {
    const saved = { ...process.env };
    process.env.ORDER_EXPIRY_INTERVAL_MS = '0';
    process.env.RESERVATION_SWEEP_INTERVAL_MS = '0';
    sut = await TestApp.start({ clock });
    process.env = saved;
    const token = await sut.bootstrapAdmin();
    apiKey = await createStorefrontKey(sut, token);
    mitte = await createStoreWithStaff(sut, token, { latitude: 52.5246, longitude: 13.4027, holdPeriodDays: 3, pickupPromiseMinutes: 60 });
    kreuzberg = await createStoreWithStaff(sut, token, { latitude: 52.4986, longitude: 13.4034 });
    const munich = await createStore(sut, token, { latitude: 48.137, longitude: 11.575 });
    [shoe, socks, cap] = await createSellableVariants(sut, token, [5999, 2500, 1000]);
    await stockUp(sut, token, mitte.id, [shoe, socks, cap], 20);
    await stockUp(sut, token, kreuzberg.id, [shoe, socks, cap], 30);
    await stockUp(sut, token, munich.id, [shoe, socks, cap], 30);
  });

  afterAll(async () => {
    await sut.close();
  });

  it('the whole journey: placed online, reserved, picked, ready with code and QR, scanned at the counter, stock sold as PICKUP', async () => {
    const before = { shoe: await stockOf(sut, mitte.id, shoe.id), socks: await stockOf(sut, mitte.id, socks.id) };
    const order = await placeAtMitte();
    expect(order).toMatchObject({
      channel: 'ONLINE', fulfilment: 'PICKUP', state: 'PLACED', storeId: mitte.id, customerId: null,
      subtotal: { amount: 14_498, currency: 'EUR' }, discount: { amount: 0 }, total: { amount: 14_498 }, tax: { amount: 1916 + 399 },
      payments: [{ method: 'EXTERNAL', amount: { amount: 14_498 }, externalReference: expect.stringMatching(/^psp_/) }],
      history: [{ fromState: null, toState: 'PLACED', actor: expect.stringMatching(/^storefront:/) }],
    });
    expect(order.number).toMatch(new RegExp(`^${mitte.code}-W-\\d{6}$`));
    expect(order.lines.map((l) => [l.sku, l.quantity, l.unitPrice.amount, l.total.amount, l.taxRateBp])).toEqual([
      [shoe.sku, 2, 5999, 11_998, 1900],
      [socks.sku, 1, 2500, 2500, 1900],
    ]);
    expect(Date.parse(order.promisedAt ?? '') - Date.parse(order.placedAt)).toBe(60 * MINUTE);
    const [placed] = await sut.query<{ type: string; payload: Record<string, unknown> }>('SELECT type, payload FROM domain_event WHERE aggregate_id = $1', [order.id]);
    expect(placed).toEqual({ type: 'order.placed', payload: expect.objectContaining({ number: order.number, fulfilment: 'PICKUP', total: { amount: 14_498, currency: 'EUR' } }) });
    // Reserved at once: a walk-in customer cannot buy these units any more.
    expect(await stockOf(sut, mitte.id, shoe.id)).toEqual({ on_hand: before.shoe.on_hand, reserved: before.shoe.reserved + 2 });
    expect(await stockOf(sut, mitte.id, socks.id)).toEqual({ on_hand: before.socks.on_hand, reserved: before.socks.reserved + 1 });

    const cashier = await tillLogin(sut, mitte);
    const queue = await sut.ok<{ pickupQueue: { items: { id: string }[] } }>(ORDER_DOCUMENTS.pickupQueue, { storeId: mitte.id }, { token: cashier });
    expect(queue.pickupQueue.items.map((o) => o.id)).toContain(order.id);

    const credentials = await makeReady(order.id, cashier);
    expect(credentials.code).toMatch(/^\d{6}$/);
    expect(credentials.order.state).toBe('READY_FOR_PICKUP');
    expect(Date.parse(credentials.order.expiresAt ?? '') - Date.parse(credentials.order.readyAt ?? '')).toBe(3 * DAY);
    expect(credentials.qrSvg).toContain('<svg');
    const png = PNG.sync.read(Buffer.from(credentials.qrPngBase64, 'base64'));
    expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(credentials.qrToken);
    const stored = await orderRow(order.id);
    expect(stored.pickup_code_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.pickup_code_hash).not.toContain(credentials.code);

    const collected = await collect({ qrToken: credentials.qrToken }, cashier);
    expect(collected).toMatchObject({ __typename: 'Order', state: 'PICKED_UP', expiresAt: null, refundDue: { amount: 0 } });
    expect(collected.history.map((h) => [h.fromState, h.toState])).toEqual([
      [null, 'PLACED'], ['PLACED', 'PICKING'], ['PICKING', 'READY_FOR_PICKUP'], ['READY_FOR_PICKUP', 'PICKED_UP'],
    ]);
    expect(collected.history.slice(1).every((h) => h.actor.startsWith('staff:'))).toBe(true);

    expect(await stockOf(sut, mitte.id, shoe.id)).toEqual({ on_hand: before.shoe.on_hand - 2, reserved: before.shoe.reserved });
    expect(await stockOf(sut, mitte.id, socks.id)).toEqual({ on_hand: before.socks.on_hand - 1, reserved: before.socks.reserved });
    const movements = await sut.query<{ variant_id: string; type: string; quantity: number }>(
      "SELECT variant_id, type, quantity FROM stock_movement WHERE reference_type = 'ORDER' AND reference_id = $1 ORDER BY variant_id",
      [order.id],
    );
    expect(movements).toEqual(expect.arrayContaining([
      { variant_id: shoe.id, type: 'PICKUP', quantity: -2 },
      { variant_id: socks.id, type: 'PICKUP', quantity: -1 },
    ]));
    expect(movements).toHaveLength(2);
    expect(await sut.count('stock_reservation', "reference_id = $1 AND state = 'ACTIVE'", [order.id])).toBe(0);

    const again = await collect({ qrToken: credentials.qrToken }, cashier);
    expect(again).toMatchObject({ __typename: 'OrderStateTransitionError', fromState: 'PICKED_UP', toState: 'PICKED_UP' });
    expect(await stockInvariantViolations(sut, await admin())).toEqual({ ledger: [], reserved: [] });
  });

  it('hands over with the order number and the code typed in', async () => {
    const order = await placeAtMitte([{ sku: cap.sku.toLowerCase(), quantity: 1 }]);
    const cashier = await tillLogin(sut, mitte);
    const { code } = await makeReady(order.id, cashier);
    const collected = await collect({ orderNumber: order.number.toLowerCase(), pickupCode: `${code.slice(0, 3)} ${code.slice(3)}` }, cashier);
    expect(collected).toMatchObject({ __typename: 'Order', state: 'PICKED_UP' });
  });

  it('refuses a basket the store cannot serve, listing per line what is there and nearby stores that have it all; nothing changes', async () => {
    const ordersBefore = await sut.count('"order"');
    const before = await stockOf(sut, mitte.id, socks.id);
    const result = await place(pickupOrderInput(mitte.id, [{ sku: shoe.sku, quantity: 50 }, { variantId: socks.id, quantity: 1 }]));
    expect(result).toMatchObject({ __typename: 'InsufficientStockError', errorCode: 'INSUFFICIENT_STOCK', storeId: mitte.id });
    expect(result.shortLines).toEqual(expect.arrayContaining([
      { variantId: shoe.id, requested: 50, available: expect.any(Number) },
      { variantId: socks.id, requested: 1, available: expect.any(Number) },
    ]));
    expect(result.alternatives).toEqual([]);

    const servable = await place(pickupOrderInput(mitte.id, [{ sku: shoe.sku, quantity: 25 }]));
    expect(servable.__typename).toBe('InsufficientStockError');
    expect(servable.alternatives?.map((a) => a.storeId)).toEqual(expect.arrayContaining([kreuzberg.id]));
    expect(servable.alternatives?.[0]).toMatchObject({ storeId: kreuzberg.id, code: kreuzberg.code });
    expect(servable.alternatives?.map((a) => a.storeId)).not.toContain(mitte.id);
    const distances = servable.alternatives?.map((a) => a.distanceKm) ?? [];
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);

    expect(await sut.count('"order"')).toBe(ordersBefore);
    expect(await stockOf(sut, mitte.id, socks.id)).toEqual(before);
  });

  it('answers typed errors for unknown SKUs and stores without pickup', async () => {
    const unknown = await place(pickupOrderInput(mitte.id, [{ sku: 'NO-SUCH-SKU', quantity: 1 }]));
    expect(unknown).toMatchObject({ __typename: 'UnknownSkuError', references: ['NO-SUCH-SKU'] });
    const noPickup = await createStore(sut, await admin(), { offersPickup: false });
    const refused = await place(pickupOrderInput(noPickup.id, [{ sku: cap.sku, quantity: 1 }]));
    expect(refused).toMatchObject({ __typename: 'StoreDoesNotOfferPickupError', errorCode: 'STORE_DOES_NOT_OFFER_PICKUP' });
  });

  it('a wrong code is a typed error, counted even though nothing else changes', async () => {
    const order = await placeAtMitte([{ sku: cap.sku, quantity: 1 }]);
    const cashier = await tillLogin(sut, mitte);
    const { code } = await makeReady(order.id, cashier);
    const wrong = code === '000000' ? '000001' : '000000';
    const result = await collect({ orderNumber: order.number, pickupCode: wrong }, cashier);
    expect(result).toMatchObject({ __typename: 'InvalidPickupCodeError', errorCode: 'INVALID_PICKUP_CODE', attemptsRemaining: 4 });
    expect(await orderRow(order.id)).toMatchObject({ state: 'READY_FOR_PICKUP', failed_pickup_attempts: 1 });
    const forged = await collect({ qrToken: 'eyJvIjoiMSJ9.AAAA' }, cashier);
    expect(forged).toMatchObject({ __typename: 'InvalidPickupCodeError', attemptsRemaining: null });
  });

  it('five wrong codes lock the order: even the right code and the QR are refused until the lock passes', async () => {
    const order = await placeAtMitte([{ sku: cap.sku, quantity: 1 }]);
    const cashier = await tillLogin(sut, mitte);
    const { code, qrToken } = await makeReady(order.id, cashier);
    const wrong = code === '111111' ? '222222' : '111111';
    for (let attempt = 1; attempt <= 4; attempt++) {
      const result = await collect({ orderNumber: order.number, pickupCode: wrong }, cashier);
      expect(result).toMatchObject({ __typename: 'InvalidPickupCodeError', attemptsRemaining: 5 - attempt });
    }
    const locked = await collect({ orderNumber: order.number, pickupCode: wrong }, cashier);
    expect(locked.__typename).toBe('PickupLockedError');
    expect(Date.parse(locked.lockedUntil ?? '') - clock.now().getTime()).toBe(15 * MINUTE);

    expect((await collect({ orderNumber: order.number, pickupCode: code }, cashier)).__typename).toBe('PickupLockedError');
    expect((await collect({ qrToken }, cashier)).__typename).toBe('PickupLockedError');
    expect(await orderRow(order.id)).toMatchObject({ state: 'READY_FOR_PICKUP', failed_pickup_attempts: 5 });

    clock.advance(15 * MINUTE + 1000);
    const later = await tillLogin(sut, mitte);
    expect(await collect({ orderNumber: order.number, pickupCode: code }, later)).toMatchObject({ __typename: 'Order', state: 'PICKED_UP' });
  });

  it('the customer may refuse a line at the counter: those units go back to stock and their price is owed back', async () => {
    const order = await placeAtMitte([{ sku: shoe.sku, quantity: 1 }, { sku: socks.sku, quantity: 2 }]);
    const socksLine = order.lines.find((l) => l.sku === socks.sku);
    const before = { shoe: await stockOf(sut, mitte.id, shoe.id), socks: await stockOf(sut, mitte.id, socks.id) };
    const cashier = await tillLogin(sut, mitte);
    const { qrToken } = await makeReady(order.id, cashier);

    const refuseAll = await sut.graphql(ORDER_DOCUMENTS.collectPickupOrder, {
      input: { qrToken, refusedLines: order.lines.map((l) => ({ lineId: l.id, quantity: l.quantity })) },
    }, { token: cashier });
    expect(refuseAll.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    const collected = await collect({ qrToken, refusedLines: [{ lineId: socksLine?.id, quantity: 1 }] }, cashier);
    expect(collected).toMatchObject({ __typename: 'Order', state: 'PICKED_UP', refundDue: { amount: 2500 } });
    expect(collected.lines.find((l) => l.sku === socks.sku)?.refusedQuantity).toBe(1);
    expect(collected.history.at(-1)?.reason).toContain('1 unit(s) refused');
    expect(await stockOf(sut, mitte.id, shoe.id)).toEqual({ on_hand: before.shoe.on_hand - 1, reserved: before.shoe.reserved - 1 });
    expect(await stockOf(sut, mitte.id, socks.id)).toEqual({ on_hand: before.socks.on_hand - 1, reserved: before.socks.reserved - 2 });
  });

  it("a cashier of another store cannot hand the order over (NOT_FOUND), and nothing changes", async () => {
    const order = await placeAtMitte([{ sku: cap.sku, quantity: 1 }]);
    const { code, qrToken } = await makeReady(order.id, await tillLogin(sut, mitte));
    const elsewhere = await tillLogin(sut, kreuzberg);
    for (const input of [{ qrToken }, { orderNumber: order.number, pickupCode: code }, { orderNumber: order.number, pickupCode: '999999' }]) {
      const response = await sut.graphql(ORDER_DOCUMENTS.collectPickupOrder, { input }, { token: elsewhere });
      expect(response.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    }
    const missing = await sut.graphql(ORDER_DOCUMENTS.collectPickupOrder, { input: { orderNumber: 'NOPE-W-000001', pickupCode: code } }, { token: elsewhere });
    expect(missing.errors?.[0]).toMatchObject({ message: expect.stringContaining('not found'), extensions: { code: 'NOT_FOUND' } });
    for (const document of [ORDER_DOCUMENTS.startPicking, ORDER_DOCUMENTS.order]) {
      const response = await sut.graphql(document, { id: order.id }, { token: elsewhere });
      expect(response.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    }
    expect(await orderRow(order.id)).toMatchObject({ state: 'READY_FOR_PICKUP', failed_pickup_attempts: 0 });
  });

  it('cancelling releases the reservation; a cancelled order cannot be cancelled or collected', async () => {
    const before = await stockOf(sut, mitte.id, socks.id);
    const order = await placeAtMitte([{ sku: socks.sku, quantity: 2 }]);
    expect((await stockOf(sut, mitte.id, socks.id)).reserved).toBe(before.reserved + 2);

    const elsewhere = await sut.graphql(ORDER_DOCUMENTS.cancelOrder, { id: order.id, reason: 'changed my mind' }, { token: await tillLogin(sut, kreuzberg) });
    expect(elsewhere.errors?.[0].extensions?.code).toBe('NOT_FOUND');

    const cancelled = await sut.ok<{ cancelOrder: OrderData }>(ORDER_DOCUMENTS.cancelOrder, { id: order.id, reason: 'changed my mind' }, { apiKey });
    expect(cancelled.cancelOrder).toMatchObject({ __typename: 'Order', state: 'CANCELLED', refundDue: { amount: 5000 }, expiresAt: null });
    expect(cancelled.cancelOrder.history.at(-1)).toMatchObject({ fromState: 'PLACED', toState: 'CANCELLED', reason: 'changed my mind' });
    expect(await stockOf(sut, mitte.id, socks.id)).toEqual(before);

    const twice = await sut.ok<{ cancelOrder: OrderData }>(ORDER_DOCUMENTS.cancelOrder, { id: order.id, reason: 'again' }, { apiKey });
    expect(twice.cancelOrder).toMatchObject({ __typename: 'OrderStateTransitionError', fromState: 'CANCELLED', toState: 'CANCELLED' });
    const picking = await sut.ok<{ startPicking: OrderData }>(ORDER_DOCUMENTS.startPicking, { id: order.id }, { token: await tillLogin(sut, mitte) });
    expect(picking.startPicking).toMatchObject({ __typename: 'OrderStateTransitionError', fromState: 'CANCELLED', toState: 'PICKING' });
  });

  it('the storefront may not run staff operations, and anonymous callers may not order', async () => {
    const order = await placeAtMitte([{ sku: cap.sku, quantity: 1 }]);
    const staffOnly = await sut.graphql(ORDER_DOCUMENTS.startPicking, { id: order.id }, { apiKey });
    expect(staffOnly.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const anonymous = await sut.graphql(ORDER_DOCUMENTS.placePickupOrder, { input: pickupOrderInput(mitte.id, [{ sku: cap.sku, quantity: 1 }]) });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const badInput = await sut.graphql(ORDER_DOCUMENTS.placePickupOrder, { input: pickupOrderInput(mitte.id, [{ sku: cap.sku, quantity: 101 }]) }, { apiKey });
    expect(badInput.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('placing again with the same clientOrderId (even concurrently) answers the first order and reserves once', async () => {
    const before = await stockOf(sut, mitte.id, cap.id);
    const input = pickupOrderInput(mitte.id, [{ sku: cap.sku, quantity: 1 }], { clientOrderId: '7d1f0a3e-5b6c-4d8e-9f00-112233445566' });
    const results = await Promise.all(Array.from({ length: 5 }, () => place(input)));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results.every((r) => r.__typename === 'Order')).toBe(true);
    expect((await place(input)).id).toBe(results[0].id);
    expect(await stockOf(sut, mitte.id, cap.id)).toEqual({ on_hand: before.on_hand, reserved: before.reserved + 1 });
  });

  it('an order nobody collects expires after the hold period and its stock returns to the shelf', async () => {
    const before = await stockOf(sut, mitte.id, socks.id);
    const ready = await placeAtMitte([{ sku: socks.sku, quantity: 1 }]);
    const waiting = await placeAtMitte([{ sku: socks.sku, quantity: 1 }]);
    await makeReady(ready.id, await tillLogin(sut, mitte));
    expect((await stockOf(sut, mitte.id, socks.id)).reserved).toBe(before.reserved + 2);

    clock.advance(3 * DAY - MINUTE);
    await sut.ok(ORDER_DOCUMENTS.expireUncollectedOrders, {}, { token: await admin() });
    expect((await sut.ok<{ order: OrderData }>(ORDER_DOCUMENTS.order, { id: ready.id }, { token: await admin() })).order.state).toBe('READY_FOR_PICKUP');

    clock.advance(2 * MINUTE);
    const expired = await sut.ok<{ expireUncollectedOrders: number }>(ORDER_DOCUMENTS.expireUncollectedOrders, {}, { token: await admin() });
    expect(expired.expireUncollectedOrders).toBeGreaterThanOrEqual(1);
    const read = await sut.ok<{ order: OrderData }>(ORDER_DOCUMENTS.order, { id: ready.id }, { token: await admin() });
    expect(read.order).toMatchObject({ state: 'EXPIRED', refundDue: { amount: 2500 } });
    expect(read.order.history.at(-1)).toMatchObject({ fromState: 'READY_FOR_PICKUP', toState: 'EXPIRED', reason: 'not collected within the hold period' });
    expect(await stockOf(sut, mitte.id, socks.id)).toEqual({ on_hand: before.on_hand, reserved: before.reserved + 1 });

    const cashier = await tillLogin(sut, mitte);
    const late = await collect({ orderNumber: ready.number, pickupCode: '123456' }, cashier);
    expect(late).toMatchObject({ __typename: 'OrderStateTransitionError', fromState: 'EXPIRED' });

    // The order never made ready waits longer (promise + twice the hold), then expires too.
    expect((await sut.ok<{ order: OrderData }>(ORDER_DOCUMENTS.order, { id: waiting.id }, { token: await admin() })).order.state).toBe('PLACED');
    clock.advance(4 * DAY);
    await sut.ok(ORDER_DOCUMENTS.expireUncollectedOrders, {}, { token: await admin() });
    expect((await sut.ok<{ order: OrderData }>(ORDER_DOCUMENTS.order, { id: waiting.id }, { token: await admin() })).order.state).toBe('EXPIRED');
    expect(await stockOf(sut, mitte.id, socks.id)).toEqual(before);
    expect(await stockInvariantViolations(sut, await admin())).toEqual({ ledger: [], reserved: [] });
  });

  it('the queue lists open pickup orders of the store, the earliest promise first', async () => {
    const first = await placeAtMitte([{ sku: cap.sku, quantity: 1 }]);
    clock.advance(MINUTE);
    const second = await placeAtMitte([{ sku: cap.sku, quantity: 1 }]);
    const cashier = await tillLogin(sut, mitte);
    const queue = await sut.ok<{ pickupQueue: { items: { id: string; promisedAt: string; state: string }[] } }>(ORDER_DOCUMENTS.pickupQueue, { storeId: mitte.id }, { token: cashier });
    const ids = queue.pickupQueue.items.map((o) => o.id);
    expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id));
    expect(queue.pickupQueue.items.every((o) => ['PLACED', 'PICKING', 'READY_FOR_PICKUP'].includes(o.state))).toBe(true);
    const promised = queue.pickupQueue.items.map((o) => Date.parse(o.promisedAt));
    expect([...promised].sort((a, b) => a - b)).toEqual(promised);
    const foreign = await sut.graphql(ORDER_DOCUMENTS.pickupQueue, { storeId: mitte.id }, { token: await tillLogin(sut, kreuzberg) });
    expect(foreign.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('prepared reads (findPrepared) hydrate exactly what TypeORM\'s find does, for every row the journeys above wrote', async () => {
    const entities = [OrderEntity, OrderLineEntity, OrderPaymentEntity, OrderStateChangeEntity, StockReservationEntity, StockReservationLineEntity, StoreEntity];
    for (const entity of entities) {
      const both = await readBothWays(sut.dataSource.manager, entity as new () => object);
      expect(both.typeOrm.length).toBeGreaterThan(0);
      expect(both.prepared).toEqual(both.typeOrm);
      expect(both.preparedRows.every((row) => row instanceof entity)).toBe(true);
    }
  });
});
