import { FakeClock } from '@omnitill/common';
import { SaleLineCatchUp, SaleLineRebuildService, SaleLineSubscriber } from '@omnitill/reporting';
import {
  createCampaign, createSellableVariants, createStaff, createStorefrontKey, createStoreWithStaff, generateCouponCodes, issueCoupon, OrderData, ORDER_DOCUMENTS,
  PickupCredentialsData, pickupOrderInput, posSale, returnInput, returnItems, SellableVariant, shippedOrder, signUpCustomer, stockUp, StoreWithStaff, TestApp, tillLogin, waitFor,
} from '@omnitill/testing';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const SALES = `query($input: SalesReportInput!) {
  salesReport(input: $input) {
    groupBy
    rows { storeId storeCode channel day variantId sku currency orders units unitsReturned gross discounts returns net averageSale }
    totals { storeId currency orders units unitsReturned gross discounts returns net averageSale }
  }
}`;
const PICKUP = `query($input: ReportPeriodInput!) {
  pickupPerformanceReport(input: $input) {
    rows { storeId promiseMinutes orders readyOrders readyOnTime onTimeRate medianMinutesToReady p90MinutesToReady pickedUp expired cancelled open pickupRate expiryRate refusedLines refusedUnits }
    totals { storeId orders readyOrders pickedUp expired pickupRate expiryRate }
  }
}`;
const RETURNS = `query($input: ReportPeriodInput!) {
  returnsReport(input: $input) {
    products { variantId sku unitsSold unitsReturned returnRate unitsRestocked unitsWrittenOff refundAmount reasons { reason units refundAmount } }
    reasons { reason units refundAmount }
    totals { unitsSold unitsReturned returnRate unitsRestocked unitsWrittenOff refundAmount }
  }
}`;
const CAMPAIGNS = `query($input: CampaignAttributionReportInput!) {
  campaignAttributionReport(input: $input) {
    windowDays
    campaigns {
      campaignId name codesIssued codesRedeemed redemptions storeRevenue onlineRevenue storeDiscount onlineDiscount assistedSales assistedRevenue
      redemptionsByChannelAndStore { channel storeId redemptions codesRedeemed revenue discount }
    }
  }
}`;
const MERGE = 'mutation($survivorId: ID!, $mergedId: ID!) { mergeCustomers(survivorId: $survivorId, mergedId: $mergedId) { id } }';
const CROSS_CHANNEL = `query($input: ReportPeriodInput!) {
  crossChannelCustomersReport(input: $input) {
    currency customers crossChannelCustomers crossChannelCustomerShare totalOrders totalSales crossChannelSales crossChannelSalesShare
    mix { channels customers orders sales }
  }
}`;

interface SalesTotals {
  orders: number;
  units: number;
  unitsReturned: number;
  gross: number;
  returns: number;
  net: number;
}

// A small, fully known trading day in two stores (see the figures in each test).
describe('Reports', () => {
  const clock = new FakeClock();
  let sut: TestApp;
  let adminToken: string;
  let mitte: StoreWithStaff;
  let kreuzberg: StoreWithStaff;
  let shoe: SellableVariant;
  let socks: SellableVariant;
  let managerOfMitte: string;
  let campaignId: string;
  let apiKey: string;
  let shopperIds: { redeemer: string; browser: string };
  let period: { from: string; to: string };

  const till = async (store: StoreWithStaff, who: 'cashier' | 'manager' = 'cashier') => tillLogin(sut, store, who);
  const at = () => ({ occurredAt: clock.now().toISOString() });

  /** The sales totals of a period (none: no sales). */
  const salesTotals = async (input: { from: string; to: string }): Promise<SalesTotals | null> =>
    (await sut.ok<{ salesReport: { totals: SalesTotals[] } }>(SALES, { input: { ...input, groupBy: [] } }, { token: adminToken })).salesReport.totals[0] ?? null;
  /**
   * The sales reports read report_sale_line, which follows committed sales, voids and returns
   * through the event relay: poll until the totals show `expected` (or fail at the deadline).
   */
  const salesCaughtUp = (input: { from: string; to: string }, expected: Partial<SalesTotals> | null) =>
    waitFor(async () => {
      const totals = await salesTotals(input);
      const matches = expected === null ? totals === null : totals !== null && Object.entries(expected).every(([key, value]) => totals[key as keyof SalesTotals] === value);
      return matches ? { totals } : false;
    }, 20_000, `the sales report to show ${JSON.stringify(expected)}`);

  async function placeAndReady(store: StoreWithStaff, customerToken: string, sku: string, minutesToReady: number, quantity = 1): Promise<PickupCredentialsData> {
    const placed = await sut.ok<{ placePickupOrder: OrderData }>(ORDER_DOCUMENTS.placePickupOrder, { input: pickupOrderInput(store.id, [{ sku, quantity }]) }, { token: customerToken });
    expect(placed.placePickupOrder.__typename).toBe('Order');
    clock.advance(minutesToReady * MINUTE);
    const token = await till(store);
    await sut.ok(ORDER_DOCUMENTS.startPicking, { id: placed.placePickupOrder.id }, { token });
    return (await sut.ok<{ markReadyForPickup: PickupCredentialsData }>(ORDER_DOCUMENTS.markReadyForPickup, { id: placed.placePickupOrder.id }, { token })).markReadyForPickup;
  }

  beforeAll(async () => {
    const saved = { ...process.env };
    process.env.ORDER_EXPIRY_INTERVAL_MS = '0';
    process.env.RESERVATION_SWEEP_INTERVAL_MS = '0';
    // The projection is kept by the live subscriber here; the last test runs the catch-up by hand.
    process.env.REPORT_CATCH_UP_INTERVAL_MS = '0';
    sut = await TestApp.start({ clock });
    process.env = saved;
    adminToken = await sut.bootstrapAdmin();
    apiKey = await createStorefrontKey(sut, adminToken);
    mitte = await createStoreWithStaff(sut, adminToken, { code: 'MITTE', pickupPromiseMinutes: 60, holdPeriodDays: 1 });
    kreuzberg = await createStoreWithStaff(sut, adminToken, { code: 'KREUZBERG' });
    [shoe, socks] = await createSellableVariants(sut, adminToken, [5000, 1000]);
    await stockUp(sut, adminToken, mitte.id, [shoe, socks], 20);
    await stockUp(sut, adminToken, kreuzberg.id, [shoe, socks], 20);
    const manager = await createStaff(sut, adminToken, 'STORE_MANAGER', [mitte.id]);
    period = { from: new Date(clock.now().getTime() - DAY).toISOString(), to: new Date(clock.now().getTime() + 10 * DAY).toISOString() };

    // Marketing: 10% off, codes issued to two shoppers.
    const campaign = await createCampaign(sut, adminToken, { name: 'Autumn ad', source: 'autumn-ad' });
    campaignId = campaign.id;
    await generateCouponCodes(sut, adminToken, campaignId, 5);
    const redeemer = await signUpCustomer(sut, apiKey);
    const browser = await signUpCustomer(sut, apiKey);
    shopperIds = { redeemer: redeemer.id, browser: browser.id };
    const redeemerCode = await issueCoupon(sut, { apiKey }, campaignId, redeemer.id);
    await issueCoupon(sut, { apiKey }, campaignId, browser.id);
    clock.advance(MINUTE);

    // Mitte: the redeemer buys a shoe with the code (5000 − 500); a guest buys socks (1000).
    await posSale(sut, mitte, [{ sku: shoe.sku, quantity: 1 }], [{ method: 'CARD', amount: 4500 }], { couponCode: redeemerCode.code, ...at() });
    await posSale(sut, mitte, [{ sku: socks.sku, quantity: 1 }], [{ method: 'CASH', amount: 1000 }], at());
    // Kreuzberg: the browser buys two socks without the code (an assisted sale); a sale rung up twice is voided.
    await posSale(sut, kreuzberg, [{ sku: socks.sku, quantity: 2 }], [{ method: 'CARD', amount: 2000 }], { customerIdentifier: browser.email, ...at() });
    const twice = await posSale(sut, kreuzberg, [{ sku: shoe.sku, quantity: 1 }], [{ method: 'CARD', amount: 5000 }], at());
    await sut.ok(ORDER_DOCUMENTS.voidSale, { input: { orderId: twice.order.id, reason: 'rang up twice' } }, { token: await till(kreuzberg, 'manager') });

    // Click and collect at Mitte (promise 60 min): ready in 30 min and collected; ready in 90 min and never collected.
    const collected = await placeAndReady(mitte, redeemer.token, shoe.sku, 30);
    const handedOver = await sut.ok<{ collectPickupOrder: OrderData }>(ORDER_DOCUMENTS.collectPickupOrder, { input: { qrToken: collected.qrToken } }, { token: await till(mitte) });
    expect(handedOver.collectPickupOrder.state).toBe('PICKED_UP');
    await placeAndReady(mitte, redeemer.token, socks.sku, 90);

    // The collected shoe comes back defective at Kreuzberg: written off, 5000 refunded.
    const returned = await returnItems(sut, await till(kreuzberg), returnInput(handedOver.collectPickupOrder, [
      { orderLineId: handedOver.collectPickupOrder.lines[0].id, quantity: 1, reason: 'DEFECTIVE', condition: 'DAMAGED' },
    ]));
    expect(returned.__typename).toBe('Return');

    clock.advance(2 * DAY);
    // Sessions opened before the jump have lapsed.
    adminToken = await sut.login('root@test.local', 'root-password-123');
    managerOfMitte = await sut.login(manager.email, manager.password);
    const expired = await sut.ok<{ expireUncollectedOrders: number }>(ORDER_DOCUMENTS.expireUncollectedOrders, {}, { token: adminToken });
    expect(expired.expireUncollectedOrders).toBe(1);
    // The return is the last change to the sales: once it shows, the void and every sale before it have been applied.
    await salesCaughtUp(period, { orders: 4, unitsReturned: 1 });
  }, 180_000);

  afterAll(async () => {
    await sut.close();
  });

  it('sales by store: completed, collected and shipped sales only; net = gross − discounts − returns', async () => {
    const report = await sut.ok<{ salesReport: { rows: Record<string, unknown>[]; totals: Record<string, unknown>[] } }>(SALES, { input: { ...period, groupBy: ['STORE'] } }, { token: adminToken });
    expect(report.salesReport.rows).toHaveLength(2);
    expect(report.salesReport.rows).toEqual(expect.arrayContaining([
      expect.objectContaining({ storeId: kreuzberg.id, storeCode: 'KREUZBERG', orders: 1, units: 2, unitsReturned: 0, gross: 2000, discounts: 0, returns: 0, net: 2000, averageSale: 2000 }),
      expect.objectContaining({ storeId: mitte.id, storeCode: 'MITTE', orders: 3, units: 3, unitsReturned: 1, gross: 11000, discounts: 500, returns: 5000, net: 5500, averageSale: 1833 }),
    ]));
    expect(report.salesReport.rows.map((row) => row.storeCode).sort()).toEqual(['KREUZBERG', 'MITTE']);
    expect(report.salesReport.totals).toEqual([
      { storeId: null, currency: 'EUR', orders: 4, units: 5, unitsReturned: 1, gross: 13000, discounts: 500, returns: 5000, net: 7500, averageSale: 1875 },
    ]);
  });

  it('sales by channel and product split the same figures', async () => {
    const report = await sut.ok<{ salesReport: { rows: { channel: string; sku: string; orders: number; units: number; net: number }[] } }>(
      SALES, { input: { ...period, groupBy: ['CHANNEL', 'PRODUCT'] } }, { token: adminToken },
    );
    const rows = report.salesReport.rows.map((row) => [row.channel, row.sku, row.orders, row.units, row.net]);
    expect(rows).toEqual(expect.arrayContaining([
      ['POS', shoe.sku, 1, 1, 4500],
      ['POS', socks.sku, 2, 3, 3000],
      ['ONLINE', shoe.sku, 1, 1, 0],
    ]));
    expect(rows).toHaveLength(3);
  });

  it('pickup performance: time to ready against the promise, pickup and expiry rates', async () => {
    const report = await sut.ok<{ pickupPerformanceReport: { rows: unknown[]; totals: unknown } }>(PICKUP, { input: period }, { token: adminToken });
    expect(report.pickupPerformanceReport.rows).toEqual([{
      storeId: mitte.id, promiseMinutes: 60, orders: 2, readyOrders: 2, readyOnTime: 1, onTimeRate: 0.5, medianMinutesToReady: 60, p90MinutesToReady: 84,
      pickedUp: 1, expired: 1, cancelled: 0, open: 0, pickupRate: 0.5, expiryRate: 0.5, refusedLines: 0, refusedUnits: 0,
    }]);
    expect(report.pickupPerformanceReport.totals).toEqual({ storeId: null, orders: 2, readyOrders: 2, pickedUp: 1, expired: 1, pickupRate: 0.5, expiryRate: 0.5 });
  });

  it('returns by product and reason, with the return rate and what was written off', async () => {
    const report = await sut.ok<{ returnsReport: unknown }>(RETURNS, { input: period }, { token: adminToken });
    expect(report.returnsReport).toEqual({
      products: [{
        variantId: shoe.id, sku: shoe.sku, unitsSold: 2, unitsReturned: 1, returnRate: 0.5, unitsRestocked: 0, unitsWrittenOff: 1, refundAmount: 5000,
        reasons: [{ reason: 'DEFECTIVE', units: 1, refundAmount: 5000 }],
      }],
      reasons: [{ reason: 'DEFECTIVE', units: 1, refundAmount: 5000 }],
      totals: { unitsSold: 5, unitsReturned: 1, returnRate: 0.2, unitsRestocked: 0, unitsWrittenOff: 1, refundAmount: 5000 },
    });
  });

  it('campaign attribution: issued, redeemed in store, and the POS sale it assisted without a redemption', async () => {
    const report = await sut.ok<{ campaignAttributionReport: { windowDays: number; campaigns: unknown[] } }>(CAMPAIGNS, { input: period }, { token: adminToken });
    expect(report.campaignAttributionReport.windowDays).toBe(30);
    expect(report.campaignAttributionReport.campaigns).toEqual([{
      campaignId, name: 'Autumn ad', codesIssued: 2, codesRedeemed: 1, redemptions: 1, storeRevenue: 4500, onlineRevenue: 0, storeDiscount: 500, onlineDiscount: 0,
      assistedSales: 1, assistedRevenue: 2000,
      redemptionsByChannelAndStore: [{ channel: 'POS', storeId: mitte.id, redemptions: 1, codesRedeemed: 1, revenue: 4500, discount: 500 }],
    }]);
    // A sale long after the window is not assisted any more.
    const narrow = await sut.ok<{ campaignAttributionReport: { campaigns: { assistedSales: number }[] } }>(
      CAMPAIGNS, { input: { from: new Date(clock.now().getTime() + DAY).toISOString(), to: new Date(clock.now().getTime() + 2 * DAY).toISOString(), campaignId, windowDays: 1 } }, { token: adminToken },
    );
    expect(narrow.campaignAttributionReport.campaigns).toEqual([expect.objectContaining({ codesIssued: 0, assistedSales: 0 })]);
  });

  it('cross-channel customers: who bought in two or more channels and their share of sales', async () => {
    const report = await sut.ok<{ crossChannelCustomersReport: unknown }>(CROSS_CHANNEL, { input: period }, { token: adminToken });
    expect(report.crossChannelCustomersReport).toEqual({
      currency: 'EUR', customers: 2, crossChannelCustomers: 1, crossChannelCustomerShare: 0.5, totalOrders: 4, totalSales: 12500, crossChannelSales: 9500,
      crossChannelSalesShare: 0.76,
      mix: [
        { channels: ['IN_STORE', 'CLICK_AND_COLLECT'], customers: 1, orders: 2, sales: 9500 },
        { channels: ['IN_STORE'], customers: 1, orders: 1, sales: 2000 },
      ],
    });
  });

  it("a store manager sees only their stores, and naming another store is FORBIDDEN; cashiers see no reports", async () => {
    const own = await sut.ok<{ salesReport: { rows: { storeId: string }[]; totals: { orders: number; net: number }[] } }>(SALES, { input: { ...period, groupBy: ['STORE'] } }, { token: managerOfMitte });
    expect(own.salesReport.rows.map((row) => row.storeId)).toEqual([mitte.id]);
    expect(own.salesReport.totals).toEqual([expect.objectContaining({ orders: 3, net: 5500 })]);
    const campaigns = await sut.ok<{ campaignAttributionReport: { campaigns: { redemptions: number; assistedSales: number }[] } }>(CAMPAIGNS, { input: period }, { token: managerOfMitte });
    expect(campaigns.campaignAttributionReport.campaigns).toEqual([expect.objectContaining({ redemptions: 1, assistedSales: 0 })]);
    const returns = await sut.ok<{ returnsReport: { products: unknown[] } }>(RETURNS, { input: period }, { token: managerOfMitte });
    expect(returns.returnsReport.products).toEqual([]);

    for (const [query, input] of [[SALES, { ...period, storeIds: [kreuzberg.id] }], [PICKUP, { ...period, storeIds: [mitte.id, kreuzberg.id] }], [CROSS_CHANNEL, { ...period, storeIds: [kreuzberg.id] }]] as const) {
      const foreign = await sut.graphql(query, { input }, { token: managerOfMitte });
      expect(foreign.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(foreign.data).toBeNull();
    }
    const cashier = await sut.graphql(SALES, { input: period }, { token: await till(mitte) });
    expect(cashier.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const both = await sut.ok<{ salesReport: { rows: unknown[] } }>(SALES, { input: { ...period, storeIds: [mitte.id, kreuzberg.id] } }, { token: adminToken });
    expect(both.salesReport.rows).toHaveLength(2);
  });

  it('a reversed or too long period, or an unknown grouping, is BAD_USER_INPUT', async () => {
    const now = clock.now().getTime();
    const cases = [
      { from: new Date(now).toISOString(), to: new Date(now - DAY).toISOString() },
      { from: new Date(now).toISOString(), to: new Date(now).toISOString() },
      { from: new Date(now - 400 * DAY).toISOString(), to: new Date(now).toISOString() },
    ];
    for (const input of cases) {
      const response = await sut.graphql(PICKUP, { input }, { token: adminToken });
      expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
    const badGroup = await sut.graphql(SALES, { input: { ...period, groupBy: ['WEEKDAY'] } }, { token: adminToken });
    expect(badGroup.errors?.length).toBeGreaterThan(0);
    const badStore = await sut.graphql(SALES, { input: { ...period, storeIds: ['not-a-uuid'] } }, { token: adminToken });
    expect(badStore.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('downloads a report as CSV with the same token, scope and validation', async () => {
    const query = new URLSearchParams({ ...period, groupBy: 'STORE' }).toString();
    const response = await sut.http().get(`/reports/sales.csv?${query}`).set('authorization', `Bearer ${adminToken}`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="sales_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = response.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('row,store_id,store_code,channel,day,variant_id,sku,product_name,currency,orders,units,units_returned,gross,discounts,returns,net,average_sale');
    expect(lines.slice(1).sort()).toEqual([
      `GROUP,${kreuzberg.id},KREUZBERG,,,,,,EUR,1,2,0,2000,0,0,2000,2000`,
      `GROUP,${mitte.id},MITTE,,,,,,EUR,3,3,1,11000,500,5000,5500,1833`,
      'TOTAL,,,,,,,,EUR,4,5,1,13000,500,5000,7500,1875',
    ].sort());

    const pickup = await sut.http().get(`/reports/pickup-performance.csv?${new URLSearchParams(period).toString()}`).set('authorization', `Bearer ${managerOfMitte}`);
    expect(pickup.status).toBe(200);
    expect(pickup.text.trimEnd().split('\r\n')).toHaveLength(3);

    expect((await sut.http().get(`/reports/sales.csv?${query}`)).status).toBe(401);
    expect((await sut.http().get(`/reports/sales.csv?${query}`).set('authorization', `Bearer ${await till(mitte)}`)).status).toBe(403);
    expect((await sut.http().get(`/reports/sales.csv?${query}&storeIds=${kreuzberg.id}`).set('authorization', `Bearer ${managerOfMitte}`)).status).toBe(403);
    const reversed = await sut.http().get(`/reports/returns.csv?from=${period.to}&to=${period.from}`).set('authorization', `Bearer ${adminToken}`);
    expect(reversed.status).toBe(400);
    expect(reversed.body).toMatchObject({ error: { code: 'BAD_USER_INPUT' } });
  });
  it('the sales projection follows a void, a refusal at the counter, a shipping, a return and a customer merge; the catch-up and reporting:rebuild restore rows that went missing', async () => {
    clock.advance(10 * DAY);
    adminToken = await sut.login('root@test.local', 'root-password-123');
    const later = { from: new Date(clock.now().getTime() - MINUTE).toISOString(), to: new Date(clock.now().getTime() + DAY).toISOString() };
    const shoeSale = await posSale(sut, kreuzberg, [{ sku: shoe.sku, quantity: 1 }], [{ method: 'CARD', amount: 5000 }], at());
    const socksSale = await posSale(sut, mitte, [{ sku: socks.sku, quantity: 2 }], [{ method: 'CASH', amount: 2000 }], at());
    await salesCaughtUp(later, { orders: 2, units: 3, gross: 7000, net: 7000 });

    await sut.ok(ORDER_DOCUMENTS.voidSale, { input: { orderId: shoeSale.order.id, reason: 'wrong customer' } }, { token: await till(kreuzberg, 'manager') });
    await salesCaughtUp(later, { orders: 1, units: 2, gross: 2000, net: 2000 });

    // Two socks ordered for pickup, one refused at the counter: 1000 owed back.
    const shopper = await signUpCustomer(sut, apiKey);
    const ready = await placeAndReady(mitte, shopper.token, socks.sku, 10, 2);
    const pickupOrder = await sut.ok<{ collectPickupOrder: OrderData }>(
      ORDER_DOCUMENTS.collectPickupOrder, { input: { qrToken: ready.qrToken, refusedLines: [{ lineId: ready.order.lines[0].id, quantity: 1 }] } }, { token: await till(mitte) },
    );
    expect(pickupOrder.collectPickupOrder.state).toBe('PICKED_UP');
    await salesCaughtUp(later, { orders: 2, units: 3, gross: 4000, returns: 1000, net: 3000 });
    const pickups = await sut.ok<{ pickupPerformanceReport: { rows: unknown[] } }>(PICKUP, { input: later }, { token: adminToken });
    expect(pickups.pickupPerformanceReport.rows).toEqual([expect.objectContaining({ storeId: mitte.id, orders: 1, pickedUp: 1, refusedLines: 1, refusedUnits: 1 })]);

    // A ship order counts once it ships (order.shipped), at the time it was placed.
    const shipped = await shippedOrder(sut, { apiKey }, kreuzberg, [{ sku: shoe.sku, quantity: 1 }]);
    await salesCaughtUp(later, { orders: 3, units: 4, gross: 9000, returns: 1000, net: 8000 });

    const returned = await returnItems(sut, await till(mitte), returnInput(socksSale.order, [
      { orderLineId: socksSale.order.lines[0].id, quantity: 1, reason: 'CHANGED_MIND', condition: 'RESELLABLE' },
    ]));
    expect(returned.__typename).toBe('Return');
    const afterReturn = { orders: 3, units: 4, unitsReturned: 1, gross: 9000, returns: 2000, net: 7000 };
    await salesCaughtUp(later, afterReturn);

    // Rows lost with their markers (a replica crashed before applying): the catch-up replays the
    // window's six events (two sales, the void, the collection, the shipping, the return).
    const live = sut.app.get(SaleLineSubscriber);
    await live.onModuleDestroy();
    try {
      await sut.query('DELETE FROM report_sale_line WHERE order_id = ANY($1::uuid[])', [[socksSale.order.id, pickupOrder.collectPickupOrder.id, shipped.id]]);
      await sut.query('DELETE FROM report_applied_event');
      expect(await salesTotals(later)).toBeNull();
      const catchUp = sut.app.get(SaleLineCatchUp);
      expect(await catchUp.runOnce()).toBe(6);
      expect(await salesTotals(later)).toEqual(expect.objectContaining(afterReturn));
      expect(await catchUp.runOnce()).toBe(0);
      expect(await sut.count('report_sale_line', 'order_id = $1', [shoeSale.order.id])).toBe(0);
    } finally {
      live.onModuleInit();
    }

    // Everything lost: the rebuild refills every period from the order and return history.
    await sut.query('DELETE FROM report_sale_line');
    expect(await salesTotals(period)).toBeNull();
    const rebuilt = await sut.app.get(SaleLineRebuildService).rebuild();
    expect(rebuilt.lines).toBe(7);
    expect(await salesTotals(period)).toEqual({ currency: 'EUR', storeId: null, orders: 4, units: 5, unitsReturned: 1, gross: 13000, discounts: 500, returns: 5000, net: 7500, averageSale: 1875 });
    expect(await salesTotals(later)).toEqual(expect.objectContaining(afterReturn));

    // A merge moves the browser's sale to the redeemer (customer.merged): one customer, in two channels.
    await sut.ok(MERGE, { survivorId: shopperIds.redeemer, mergedId: shopperIds.browser }, { token: adminToken });
    const merged = await waitFor(async () => {
      const report = (await sut.ok<{ crossChannelCustomersReport: { customers: number } }>(CROSS_CHANNEL, { input: period }, { token: adminToken })).crossChannelCustomersReport;
      return report.customers === 1 ? report : false;
    }, 20_000, 'the cross-channel report to follow the merge');
    expect(merged).toEqual({
      currency: 'EUR', customers: 1, crossChannelCustomers: 1, crossChannelCustomerShare: 1, totalOrders: 4, totalSales: 12500, crossChannelSales: 11500,
      crossChannelSalesShare: 0.92,
      mix: [{ channels: ['IN_STORE', 'CLICK_AND_COLLECT'], customers: 1, orders: 3, sales: 11500 }],
    });
  });
});
