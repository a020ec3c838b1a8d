import { randomUUID } from 'node:crypto';
import { FakeClock, RequestContext, StaffRole, TransactionRunner } from '@omnitill/common';
import { ExchangeSaleService, OrderDetails, PaymentMethod } from '@omnitill/order';
import {
  createCampaign, createSellableVariants, createSharedCode, createStaff, createStorefrontKey, createStoreWithStaff, ORDER_DOCUMENTS, OrderData,
  saleInput, SaleData, SellableVariant, stockInvariantViolations, stockOf, StoreWithStaff, stockUp, TestApp, tillLogin, unique,
} from '@omnitill/testing';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('POS sales', () => {
  const clock = new FakeClock();
  let sut: TestApp;
  let store: StoreWithStaff;
  let otherStore: StoreWithStaff;
  let shoe: SellableVariant;
  let socks: SellableVariant;
  let cap: SellableVariant;

  const admin = () => sut.login('root@test.local', 'root-password-123');

  async function record(input: Record<string, unknown>, token: string): Promise<SaleData> {
    const data = await sut.ok<{ recordSale: SaleData }>(ORDER_DOCUMENTS.recordSale, { input }, { token });
    return data.recordSale;
  }

  const cashSale = (overrides: Record<string, unknown> = {}) =>
    saleInput([{ sku: cap.sku, quantity: 1 }], [{ method: 'CASH', amount: 1000 }], { occurredAt: clock.now().toISOString(), ...overrides });

  beforeAll(async () => {
    const saved = { ...process.env };
    process.env.ORDER_EXPIRY_INTERVAL_MS = '0';
    process.env.RESERVATION_SWEEP_INTERVAL_MS = '0';
    sut = await TestApp.start({ clock });
    process.env = saved;
    const token = await sut.bootstrapAdmin();
    store = await createStoreWithStaff(sut, token);
    otherStore = await createStoreWithStaff(sut, token);
    [shoe, socks, cap] = await createSellableVariants(sut, token, [5999, 2500, 1000]);
    await stockUp(sut, token, store.id, [shoe, socks, cap], 100);
  });

  afterAll(async () => {
    await sut.close();
  });

  it('records a cash sale scanned by barcode and SKU, gives change and a receipt, and takes the units off the shelf', async () => {
    const cashier = await tillLogin(sut, store);
    const before = { shoe: await stockOf(sut, store.id, shoe.id), socks: await stockOf(sut, store.id, socks.id) };
    const input = saleInput(
      [{ barcode: shoe.barcode, quantity: 1 }, { sku: socks.sku.toLowerCase(), quantity: 2 }],
      [{ method: 'CASH', amount: 10_999, tenderedAmount: 20_000 }],
      { occurredAt: clock.now().toISOString() },
    );
    const sale = await record(input, cashier);
    expect(sale.__typename).toBe('Sale');
    expect(sale.replayed).toBe(false);
    expect(sale.order).toMatchObject({
      channel: 'POS', fulfilment: 'CARRY_OUT', state: 'COMPLETED', storeId: store.id, terminalId: store.terminal.id,
      subtotal: { amount: 10_999, currency: 'EUR' }, total: { amount: 10_999 }, tax: { amount: 958 + 798 },
      payments: [{ method: 'CASH', amount: { amount: 10_999 }, tendered: { amount: 20_000 }, change: { amount: 9001 } }],
      history: [{ fromState: null, toState: 'COMPLETED', actor: expect.stringMatching(/^staff:/) }],
    });
    expect(sale.order.number).toMatch(new RegExp(`^${store.code}-P-\\d{6}$`));
    expect(sale.receipt).toMatchObject({
      orderId: sale.order.id, number: sale.order.number, storeCode: store.code, changeDue: { amount: 9001 }, total: { amount: 10_999 },
      taxes: [{ rateBp: 1900, gross: { amount: 10_999 }, tax: { amount: 1756 }, net: { amount: 9243 } }],
    });
    expect(sale.receipt.lines.map((l) => [l.sku, l.quantity, l.total.amount])).toEqual([[shoe.sku, 1, 5999], [socks.sku, 2, 5000]]);
    expect(sale.receipt.text).toContain(sale.order.number);
    expect(sale.receipt.text).toMatch(/TOTAL\s+109\.99 EUR/);
    expect(sale.receipt.text).toMatch(/Cash\s+200\.00/);
    expect(sale.receipt.text).toMatch(/Change\s+90\.01/);
    expect(sale.receipt.text.split('\n').every((line) => line.length <= 40)).toBe(true);
    expect(sale.receipt.qrSvg).toContain('<svg');

    expect(await stockOf(sut, store.id, shoe.id)).toEqual({ on_hand: before.shoe.on_hand - 1, reserved: 0 });
    expect(await stockOf(sut, store.id, socks.id)).toEqual({ on_hand: before.socks.on_hand - 2, reserved: 0 });
    const movements = await sut.query<{ type: string; quantity: number }>(
      "SELECT type, quantity FROM stock_movement WHERE reference_type = 'ORDER' AND reference_id = $1 ORDER BY quantity",
      [sale.order.id],
    );
    expect(movements).toEqual([{ type: 'SALE', quantity: -2 }, { type: 'SALE', quantity: -1 }]);
    // One sale.completed event, written by the statement that numbered the sale, carries that number.
    const events = await sut.query<{ type: string; store_id: string; payload: Record<string, unknown> }>(
      'SELECT type, store_id, payload FROM domain_event WHERE aggregate_id = $1', [sale.order.id],
    );
    expect(events).toEqual([{ type: 'sale.completed', store_id: store.id, payload: expect.objectContaining({ orderId: sale.order.id, number: sale.order.number, state: 'COMPLETED' }) }]);
    expect((events[0].payload.lines as { sku: string; quantity: number }[]).map((line) => [line.sku, line.quantity])).toEqual([[shoe.sku, 1], [socks.sku, 2]]);

    // The receipt QR finds the sale in any store (returns anywhere); a forged one finds nothing.
    const elsewhere = await tillLogin(sut, otherStore);
    const found = await sut.ok<{ orderByReceiptToken: OrderData }>(ORDER_DOCUMENTS.orderByReceiptToken, { token: sale.receipt.qrToken }, { token: elsewhere });
    expect(found.orderByReceiptToken.id).toBe(sale.order.id);
    const forged = await sut.graphql(ORDER_DOCUMENTS.orderByReceiptToken, { token: `${sale.receipt.qrToken}x` }, { token: elsewhere });
    expect(forged.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const reprint = await sut.ok<{ receipt: { text: string } }>(ORDER_DOCUMENTS.receipt, { id: sale.order.id }, { token: cashier });
    expect(reprint.receipt.text).toBe(sale.receipt.text);
  });

  it('a payment shortfall is a typed error and records nothing: no order, no number, no stock', async () => {
    const cashier = await tillLogin(sut, store);
    const first = await record(cashSale(), cashier);
    const ordersBefore = await sut.count('"order"');
    const before = await stockOf(sut, store.id, shoe.id);
    const short = await record(saleInput([{ sku: shoe.sku, quantity: 2 }], [{ method: 'CARD', amount: 5000 }, { method: 'CASH', amount: 1000 }]), cashier);
    expect(short).toMatchObject({
      __typename: 'PaymentShortfallError', errorCode: 'PAYMENT_SHORTFALL',
      dueAmount: { amount: 11_998, currency: 'EUR' }, paidAmount: { amount: 6000, currency: 'EUR' },
    });
    expect(await sut.count('"order"')).toBe(ordersBefore);
    expect(await stockOf(sut, store.id, shoe.id)).toEqual(before);
    const next = await record(cashSale(), cashier);
    const sequence = (number: string) => Number(number.split('-').at(-1));
    expect(sequence(next.order.number)).toBe(sequence(first.order.number) + 1);
  });

  it('20 concurrent submissions of one clientSaleId make one sale and one stock decrement, and all answer with it', async () => {
    const cashier = await tillLogin(sut, store);
    const before = await stockOf(sut, store.id, shoe.id);
    const input = saleInput([{ sku: shoe.sku, quantity: 3 }], [{ method: 'CARD', amount: 17_997, externalReference: 'auth-778' }], { occurredAt: clock.now().toISOString() });
    const results = await Promise.all(Array.from({ length: 20 }, () => record(input, cashier)));
    expect(results.every((r) => r.__typename === 'Sale')).toBe(true);
    expect(new Set(results.map((r) => r.order.id)).size).toBe(1);
    expect(new Set(results.map((r) => r.order.number)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(await sut.count('"order"', 'client_sale_id = $1', [input.clientSaleId])).toBe(1);
    expect(await stockOf(sut, store.id, shoe.id)).toEqual({ on_hand: before.on_hand - 3, reserved: before.reserved });
    expect(await sut.count('stock_movement', "reference_type = 'ORDER' AND reference_id = $1", [results[0].order.id])).toBe(1);
    expect(await stockInvariantViolations(sut, await admin())).toEqual({ ledger: [], reserved: [] });
  });

  it('an offline till syncing days later gets the original sale back, which keeps the time it happened', async () => {
    const cashier = await tillLogin(sut, store);
    const soldAt = new Date(clock.now().getTime() - 2 * HOUR);
    const input = cashSale({ occurredAt: soldAt.toISOString() });
    const original = await record(input, cashier);
    expect(original.order.occurredAt).toBe(soldAt.toISOString());
    expect(original.order.placedAt).toBe(clock.now().toISOString());
    const [movement] = await sut.query<{ occurred_at: Date }>("SELECT occurred_at FROM stock_movement WHERE reference_id = $1", [original.order.id]);
    expect(movement.occurred_at.toISOString()).toBe(soldAt.toISOString());

    const before = await stockOf(sut, store.id, cap.id);
    const ordersBefore = await sut.count('"order"');
    clock.advance(3 * DAY);
    const later = await tillLogin(sut, store);
    // Even with different content (the till re-sends whatever it has): the original stands.
    const replay = await record({ ...input, lines: [{ sku: shoe.sku, quantity: 9 }] }, later);
    expect(replay).toMatchObject({ __typename: 'Sale', replayed: true });
    expect(replay.order).toEqual(original.order);
    expect(replay.receipt.qrToken).toBe(original.receipt.qrToken);
    expect(await stockOf(sut, store.id, cap.id)).toEqual(before);
    expect(await sut.count('"order"')).toBe(ordersBefore);
  });

  it('refuses sale times too far in the future or too old', async () => {
    const cashier = await tillLogin(sut, store);
    for (const occurredAt of [new Date(clock.now().getTime() + 10 * MINUTE), new Date(clock.now().getTime() - 31 * DAY)]) {
      const response = await sut.graphql(ORDER_DOCUMENTS.recordSale, { input: cashSale({ occurredAt: occurredAt.toISOString() }) }, { token: cashier });
      expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('a manager voids a sale of their store: stock comes back, the payment is owed back, and it cannot be voided twice', async () => {
    const cashier = await tillLogin(sut, store);
    const before = await stockOf(sut, store.id, socks.id);
    const sale = await record(saleInput([{ sku: socks.sku, quantity: 2 }], [{ method: 'CARD', amount: 5000 }], { occurredAt: clock.now().toISOString() }), cashier);
    expect((await stockOf(sut, store.id, socks.id)).on_hand).toBe(before.on_hand - 2);

    const byCashier = await sut.graphql(ORDER_DOCUMENTS.voidSale, { input: { orderId: sale.order.id, reason: 'wrong item' } }, { token: cashier });
    expect(byCashier.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const foreignManager = await tillLogin(sut, otherStore, 'manager');
    const foreign = await sut.graphql(ORDER_DOCUMENTS.voidSale, { input: { orderId: sale.order.id, reason: 'wrong item' } }, { token: foreignManager });
    expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');

    const manager = await tillLogin(sut, store, 'manager');
    const voided = await sut.ok<{ voidSale: OrderData }>(ORDER_DOCUMENTS.voidSale, { input: { orderId: sale.order.id, reason: 'rang up twice' } }, { token: manager });
    expect(voided.voidSale).toMatchObject({ __typename: 'Order', state: 'VOIDED', refundDue: { amount: 5000 } });
    expect(voided.voidSale.history.at(-1)).toMatchObject({ fromState: 'COMPLETED', toState: 'VOIDED', reason: 'rang up twice' });
    expect(await stockOf(sut, store.id, socks.id)).toEqual(before);
    const restock = await sut.query<{ type: string; quantity: number; reason: string }>(
      "SELECT type, quantity, reason FROM stock_movement WHERE reference_id = $1 AND quantity > 0",
      [sale.order.id],
    );
    expect(restock).toEqual([{ type: 'ADJUSTMENT', quantity: 2, reason: 'void' }]);

    const twice = await sut.ok<{ voidSale: OrderData }>(ORDER_DOCUMENTS.voidSale, { input: { orderId: sale.order.id, reason: 'again' } }, { token: manager });
    expect(twice.voidSale).toMatchObject({ __typename: 'OrderStateTransitionError', fromState: 'VOIDED', toState: 'VOIDED' });
  });

  it('a sale older than 24 hours cannot be voided (take a return instead)', async () => {
    const sale = await record(cashSale(), await tillLogin(sut, store));
    clock.advance(DAY + MINUTE);
    const manager = await tillLogin(sut, store, 'manager');
    const late = await sut.ok<{ voidSale: OrderData }>(ORDER_DOCUMENTS.voidSale, { input: { orderId: sale.order.id, reason: 'too late' } }, { token: manager });
    expect(late.voidSale).toMatchObject({ __typename: 'OrderStateTransitionError', fromState: 'COMPLETED', toState: 'VOIDED', reason: expect.stringContaining('24 hours') });
  });

  it('a manager may override a price with a reason; a cashier may not', async () => {
    const override = { unitPriceAmount: 3999, reason: 'damaged box' };
    const lines = [{ sku: shoe.sku, quantity: 1, priceOverride: override }];
    const ordersBefore = await sut.count('"order"');
    const refused = await record(saleInput(lines, [{ method: 'CASH', amount: 3999 }]), await tillLogin(sut, store));
    expect(refused).toMatchObject({ __typename: 'PriceOverrideNotAllowedError', errorCode: 'PRICE_OVERRIDE_NOT_ALLOWED' });
    expect(await sut.count('"order"')).toBe(ordersBefore);

    const sale = await record(saleInput(lines, [{ method: 'CASH', amount: 3999 }], { occurredAt: clock.now().toISOString() }), await tillLogin(sut, store, 'manager'));
    expect(sale.__typename).toBe('Sale');
    expect(sale.order.lines[0]).toMatchObject({ unitPrice: { amount: 3999 }, listUnitPrice: { amount: 5999 }, priceOverrideReason: 'damaged box', total: { amount: 3999 } });
    expect(sale.receipt.text).toContain('Price changed: damaged box');
  });

  it('sells only on a terminal session, in the terminal store, with known items', async () => {
    const backOffice = await sut.login(store.cashier.email, store.cashier.password);
    const noTill = await sut.graphql(ORDER_DOCUMENTS.recordSale, { input: cashSale() }, { token: backOffice });
    expect(noTill.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const apiKey = await createStorefrontKey(sut, await admin());
    const storefront = await sut.graphql(ORDER_DOCUMENTS.recordSale, { input: cashSale() }, { apiKey });
    expect(storefront.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const support = await createStaff(sut, await admin(), 'SUPPORT_AGENT', []);
    const supportCall = await sut.graphql(ORDER_DOCUMENTS.recordSale, { input: cashSale() }, { token: await sut.login(support.email, support.password) });
    expect(supportCall.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const cashier = await tillLogin(sut, store);
    const unknown = await record(saleInput([{ sku: 'NOPE-1', quantity: 1 }, { barcode: '4006381333931', quantity: 1 }, { sku: cap.sku, quantity: 1 }], [{ method: 'CASH', amount: 5000 }]), cashier);
    expect(unknown).toMatchObject({ __typename: 'UnknownSkuError', references: ['NOPE-1', '4006381333931'] });
    const both = await sut.graphql(ORDER_DOCUMENTS.recordSale, { input: saleInput([{ sku: cap.sku, barcode: cap.barcode, quantity: 1 }], [{ method: 'CASH', amount: 1000 }]) }, { token: cashier });
    expect(both.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const overpaidByCard = await sut.graphql(ORDER_DOCUMENTS.recordSale, { input: saleInput([{ sku: cap.sku, quantity: 1 }], [{ method: 'CARD', amount: 2000 }]) }, { token: cashier });
    expect(overpaidByCard.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('records an exchange replacement sale inside the caller transaction: credit first, rolled back with it, idempotent', async () => {
    const runner = sut.app.get(TransactionRunner);
    const exchanges = sut.app.get(ExchangeSaleService);
    const till = new RequestContext(
      { kind: 'staff', userId: store.cashier.id, role: StaffRole.CASHIER, storeIds: [store.id], terminalId: store.terminal.id, terminalStoreId: store.id },
      'exchange-test',
    );
    const request = {
      clientSaleId: '0f7c2f1e-8a2b-4c6d-9e0f-a1b2c3d4e5f6',
      occurredAt: clock.now(),
      lines: [{ sku: shoe.sku, quantity: 1 }],
      exchangeCredit: { amount: 2500, returnNumber: 'R-TEST-1' },
      payments: [{ method: PaymentMethod.CASH, amount: 4000 }],
      customerId: null,
    };
    const ordersBefore = await sut.count('"order"');
    await expect(runner.run(till, async (tx) => {
      await exchanges.recordInTransaction(tx, request);
      throw new Error('the return failed');
    })).rejects.toThrow('the return failed');
    expect(await sut.count('"order"')).toBe(ordersBefore);

    const sale = (await runner.run(till, (tx) => exchanges.recordInTransaction(tx, request))) as OrderDetails;
    expect(sale.payments.map((p) => [p.method, p.amount, p.changeAmount, p.externalReference])).toEqual([
      ['STORE_CREDIT', 2500, 0, 'exchange R-TEST-1'],
      ['CASH', 3499, 501, null],
    ]);
    const again = (await runner.run(till, (tx) => exchanges.recordInTransaction(tx, request))) as OrderDetails;
    expect(again.order.id).toBe(sale.order.id);
    expect(await sut.count('"order"')).toBe(ordersBefore + 1);
  });

  it('a retry of a recorded sale answers the original and redeems a multi-use code no second time, even when it would now be short', async () => {
    const token = await admin();
    const [scarf] = await createSellableVariants(sut, token, [2000]);
    await stockUp(sut, token, store.id, [scarf], 10);
    const campaign = await createCampaign(sut, token);
    const code = await createSharedCode(sut, token, campaign.id, unique('RETRY-'));
    const cashier = await tillLogin(sut, store);
    const input = saleInput([{ sku: scarf.sku, quantity: 1 }], [{ method: 'CASH', amount: 1800 }], { occurredAt: clock.now().toISOString(), couponCode: code });
    const first = await record(input, cashier);
    expect(first).toMatchObject({ __typename: 'Sale', replayed: false, order: { total: { amount: 1800 } } });
    // The price goes up: the same basket and cash are short now, after the code was redeemed again.
    await sut.ok('mutation($id: ID!, $input: UpdateVariantInput!) { updateVariant(id: $id, input: $input) { __typename } }', { id: scarf.id, input: { priceAmount: 3000 } }, { token });
    const retry = await record(input, cashier);
    expect(retry).toMatchObject({ __typename: 'Sale', replayed: true, order: { id: first.order.id } });
    expect(await sut.count('coupon_redemption', 'campaign_id = $1', [campaign.id])).toBe(1);
    expect(await stockOf(sut, store.id, scarf.id)).toEqual({ on_hand: 9, reserved: 0 });
    const fresh = await record({ ...input, clientSaleId: randomUUID() }, cashier);
    expect(fresh.__typename).toBe('PaymentShortfallError');
    expect(await sut.count('coupon_redemption', 'campaign_id = $1', [campaign.id])).toBe(1);
  });

  it('records the sale without a customer when the identifier matches nobody, and says so', async () => {
    const sale = await record(cashSale({ customerIdentifier: 'nobody-here@test.local' }), await tillLogin(sut, store));
    expect(sale).toMatchObject({ __typename: 'Sale', notices: ['CUSTOMER_NOT_FOUND'], order: { customerId: null } });
  });
});
