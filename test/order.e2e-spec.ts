import { FakeClock } from '@omnitill/common';
import {
  createSellableVariants, createStaff, createStorefrontKey, createStoreWithStaff, ORDER_DOCUMENTS, OrderData, pickupOrderInput, saleInput,
  SaleData, SellableVariant, signUpCustomer, stockOf, StoreWithStaff, stockUp, TestApp, tillLogin,
} from '@omnitill/testing';

interface OrderPage {
  items: { id: string; number: string; state?: string; channel?: string; customerId?: string | null; contact?: { email: string | null; phone: string | null } | null }[];
  totalCount: number;
}

describe('Orders: one model, numbering, queries and access', () => {
  const clock = new FakeClock(new Date('2030-03-10T09:00:00Z'));
  let sut: TestApp;
  let apiKey: string;
  let storeA: StoreWithStaff;
  let storeB: StoreWithStaff;
  let shoe: SellableVariant;
  let cap: SellableVariant;

  const admin = () => sut.login('root@test.local', 'root-password-123');

  async function sell(store: StoreWithStaff, token?: string): Promise<SaleData> {
    const data = await sut.ok<{ recordSale: SaleData }>(
      ORDER_DOCUMENTS.recordSale,
      { input: saleInput([{ sku: cap.sku, quantity: 1 }], [{ method: 'CASH', amount: 1000 }], { occurredAt: clock.now().toISOString() }) },
      { token: token ?? (await tillLogin(sut, store)) },
    );
    expect(data.recordSale.__typename).toBe('Sale');
    return data.recordSale;
  }

  async function placeOnline(store: StoreWithStaff, auth: { apiKey?: string; token?: string } = { apiKey }, overrides: Record<string, unknown> = {}): Promise<OrderData> {
    const data = await sut.ok<{ placePickupOrder: OrderData }>(ORDER_DOCUMENTS.placePickupOrder, { input: pickupOrderInput(store.id, [{ sku: cap.sku, quantity: 1 }], overrides) }, auth);
    expect(data.placePickupOrder.__typename).toBe('Order');
    return data.placePickupOrder;
  }

  beforeAll(async () => {
    const saved = { ...process.env };
    process.env.ORDER_EXPIRY_INTERVAL_MS = '0';
    process.env.RESERVATION_SWEEP_INTERVAL_MS = '0';
    sut = await TestApp.start({ clock });
    process.env = saved;
    const token = await sut.bootstrapAdmin();
    apiKey = await createStorefrontKey(sut, token);
    storeA = await createStoreWithStaff(sut, token);
    storeB = await createStoreWithStaff(sut, token);
    [shoe, cap] = await createSellableVariants(sut, token, [5999, 1000]);
    await stockUp(sut, token, storeA.id, [shoe, cap], 50);
    await stockUp(sut, token, storeB.id, [shoe, cap], 50);
  });

  afterAll(async () => {
    await sut.close();
  });

  it('numbers orders per store and channel, in sequence', async () => {
    const tillA = await tillLogin(sut, storeA);
    const posA = [await sell(storeA, tillA), await sell(storeA, tillA), await sell(storeA, tillA)].map((s) => s.order.number);
    const webA = [await placeOnline(storeA), await placeOnline(storeA)].map((o) => o.number);
    const posB = (await sell(storeB)).order.number;
    expect(posA).toEqual([`${storeA.code}-P-000001`, `${storeA.code}-P-000002`, `${storeA.code}-P-000003`]);
    expect(webA).toEqual([`${storeA.code}-W-000001`, `${storeA.code}-W-000002`]);
    expect(posB).toBe(`${storeB.code}-P-000001`);
  });

  it('a customer token sees only its own orders', async () => {
    const ana = await signUpCustomer(sut, apiKey);
    const ben = await signUpCustomer(sut, apiKey);
    const anasOrder = await placeOnline(storeA, { token: ana.token }, { contact: { email: ana.email, name: 'Ana' } });
    expect(anasOrder.customerId).toBe(ana.id);
    await placeOnline(storeA, { token: ben.token }, { contact: { email: ben.email, name: 'Ben' } });

    const mine = await sut.ok<{ myOrders: OrderPage }>(ORDER_DOCUMENTS.myOrders, {}, { token: ana.token });
    expect(mine.myOrders.items.map((o) => o.id)).toEqual([anasOrder.id]);
    expect(mine.myOrders.items.every((o) => o.customerId === ana.id)).toBe(true);
    expect((await sut.ok<{ order: OrderData }>(ORDER_DOCUMENTS.order, { id: anasOrder.id }, { token: ana.token })).order.id).toBe(anasOrder.id);
    for (const [document, variables] of [[ORDER_DOCUMENTS.order, { id: anasOrder.id }], [ORDER_DOCUMENTS.orderByNumber, { number: anasOrder.number }]] as const) {
      const response = await sut.graphql(document, variables, { token: ben.token });
      expect(response.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    }
    const cancelByOther = await sut.graphql(ORDER_DOCUMENTS.cancelOrder, { id: anasOrder.id, reason: 'not mine' }, { token: ben.token });
    expect(cancelByOther.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const cancelled = await sut.ok<{ cancelOrder: OrderData }>(ORDER_DOCUMENTS.cancelOrder, { id: anasOrder.id, reason: 'found it cheaper' }, { token: ana.token });
    expect(cancelled.cancelOrder.state).toBe('CANCELLED');
    const staffOnly = await sut.graphql(ORDER_DOCUMENTS.storeOrders, { storeId: storeA.id }, { token: ana.token });
    expect(staffOnly.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('order and orderByNumber answer staff of the store and cross-store roles; other stores get NOT_FOUND', async () => {
    const sale = await sell(storeA);
    const own = await sut.ok<{ orderByNumber: OrderData }>(ORDER_DOCUMENTS.orderByNumber, { number: sale.order.number.toLowerCase() }, { token: await tillLogin(sut, storeA) });
    expect(own.orderByNumber.id).toBe(sale.order.id);
    const support = await createStaff(sut, await admin(), 'SUPPORT_AGENT', []);
    const supportToken = await sut.login(support.email, support.password);
    expect((await sut.ok<{ order: OrderData }>(ORDER_DOCUMENTS.order, { id: sale.order.id }, { token: supportToken })).order.number).toBe(sale.order.number);
    const foreign = await sut.graphql(ORDER_DOCUMENTS.orderByNumber, { number: sale.order.number }, { token: await tillLogin(sut, storeB) });
    expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const storefrontOnPos = await sut.graphql(ORDER_DOCUMENTS.order, { id: sale.order.id }, { apiKey });
    expect(storefrontOnPos.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it("lists a store's orders by state, channel and local day", async () => {
    const manager = await sut.login(storeB.manager.email, storeB.manager.password);
    const today = clock.now().toISOString().slice(0, 10);
    await sell(storeB);
    const online = await placeOnline(storeB);
    const all = await sut.ok<{ storeOrders: OrderPage }>(ORDER_DOCUMENTS.storeOrders, { storeId: storeB.id, day: today }, { token: manager });
    expect(all.storeOrders.totalCount).toBeGreaterThanOrEqual(3);
    const placed = await sut.ok<{ storeOrders: OrderPage }>(ORDER_DOCUMENTS.storeOrders, { storeId: storeB.id, state: 'PLACED' }, { token: manager });
    expect(placed.storeOrders.items.map((o) => o.id)).toEqual([online.id]);
    const pos = await sut.ok<{ storeOrders: OrderPage }>(ORDER_DOCUMENTS.storeOrders, { storeId: storeB.id, channel: 'POS', take: 1 }, { token: manager });
    expect(pos.storeOrders.items).toHaveLength(1);
    expect(pos.storeOrders.items[0].channel).toBe('POS');
    const otherDay = await sut.ok<{ storeOrders: OrderPage }>(ORDER_DOCUMENTS.storeOrders, { storeId: storeB.id, day: '2030-03-09' }, { token: manager });
    expect(otherDay.storeOrders.totalCount).toBe(0);
    const foreign = await sut.graphql(ORDER_DOCUMENTS.storeOrders, { storeId: storeA.id }, { token: manager });
    expect(foreign.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const badDay = await sut.graphql(ORDER_DOCUMENTS.storeOrders, { storeId: storeB.id, day: '10.03.2030' }, { token: manager });
    expect(badDay.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('support finds orders by number, email or phone; cashiers may not search', async () => {
    const order = await placeOnline(storeA, { apiKey }, { contact: { email: 'Findable.Person@Test.local', phone: '+49 (30) 555-0101', name: 'Findable' } });
    const support = await createStaff(sut, await admin(), 'SUPPORT_AGENT', []);
    const token = await sut.login(support.email, support.password);
    for (const query of [order.number.toLowerCase(), 'findable.person@test.local', '+49 30 5550101']) {
      const found = await sut.ok<{ searchOrders: OrderPage }>(ORDER_DOCUMENTS.searchOrders, { query }, { token });
      expect(found.searchOrders.items.map((o) => o.id)).toContain(order.id);
    }
    expect(order.contact).toMatchObject({ email: 'findable.person@test.local', phone: '+49305550101' });
    const nothing = await sut.ok<{ searchOrders: OrderPage }>(ORDER_DOCUMENTS.searchOrders, { query: 'nobody@test.local' }, { token });
    expect(nothing.searchOrders.totalCount).toBe(0);
    const cashier = await sut.graphql(ORDER_DOCUMENTS.searchOrders, { query: order.number }, { token: await tillLogin(sut, storeA) });
    expect(cashier.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('ships an order from a store: reserved when placed, sold with a tracking number when shipped', async () => {
    const before = await stockOf(sut, storeA.id, shoe.id);
    const placed = await sut.ok<{ placeShipOrder: OrderData }>(ORDER_DOCUMENTS.placeShipOrder, {
      input: {
        ...pickupOrderInput(storeA.id, [{ sku: shoe.sku, quantity: 2 }]),
        shippingAddress: { name: 'Sam Shopper', line1: 'Hauptstr. 1', city: 'Hamburg', postalCode: '20095', countryCode: 'DE' },
      },
    }, { apiKey });
    expect(placed.placeShipOrder).toMatchObject({ __typename: 'Order', fulfilment: 'SHIP', state: 'PLACED', total: { amount: 11_998 } });
    expect(await stockOf(sut, storeA.id, shoe.id)).toEqual({ on_hand: before.on_hand, reserved: before.reserved + 2 });

    const pick = await sut.ok<{ startPicking: OrderData }>(ORDER_DOCUMENTS.startPicking, { id: placed.placeShipOrder.id }, { token: await tillLogin(sut, storeA) });
    expect(pick.startPicking).toMatchObject({ __typename: 'OrderStateTransitionError', fromState: 'PLACED', toState: 'PICKING' });
    const shipped = await sut.ok<{ markShipped: OrderData }>(ORDER_DOCUMENTS.markShipped, { id: placed.placeShipOrder.id, tracking: 'DHL-123456' }, { token: await tillLogin(sut, storeA, 'manager') });
    expect(shipped.markShipped).toMatchObject({ __typename: 'Order', state: 'SHIPPED', trackingNumber: 'DHL-123456', expiresAt: null });
    expect(await stockOf(sut, storeA.id, shoe.id)).toEqual({ on_hand: before.on_hand - 2, reserved: before.reserved });
    const [movement] = await sut.query<{ type: string; quantity: number }>('SELECT type, quantity FROM stock_movement WHERE reference_id = $1', [placed.placeShipOrder.id]);
    expect(movement).toEqual({ type: 'SALE', quantity: -2 });
  });
});
