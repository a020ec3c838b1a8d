import { randomUUID } from 'node:crypto';
import { FakeClock } from '@omnitill/common';
import {
  collectedPickupOrder, createSellableVariants, createStaff, createSharedCode, createCampaign, createStorefrontKey, createStoreWithStaff, OrderData,
  ORDER_DOCUMENTS, pickupOrderInput, posSale, tryPosSale, RETURNS_DOCUMENTS, ReturnableOrderData, returnInput, returnItems, returnsFootprint, SellableVariant, shippedOrder,
  signUpCustomer, stockInvariantViolations, ExchangeData, stockOf, StoreCreditData, StoreWithStaff, stockUp, TestApp, tillLogin,
} from '@omnitill/testing';

/** Largest remainder: every unit floor(total / quantity), the last (total mod quantity) units one more. */
function unitShares(total: number, quantity: number): number[] {
  const base = Math.floor(total / quantity);
  const extra = total - base * quantity;
  return Array.from({ length: quantity }, (_, index) => base + (index >= quantity - extra ? 1 : 0));
}

describe('Returns anywhere (journeys)', () => {
  const clock = new FakeClock();
  let sut: TestApp;
  let apiKey: string;
  let mitte: StoreWithStaff;
  let kreuzberg: StoreWithStaff;
  let shoe42: SellableVariant;
  let shoe43: SellableVariant;
  let socks: SellableVariant;
  let cap: SellableVariant;

  const admin = () => sut.login('root@test.local', 'root-password-123');
  const movementsOf = (returnId: string) =>
    sut.query<{ store_id: string; variant_id: string; type: string; quantity: number }>(
      "SELECT store_id, variant_id, type::text AS type, quantity FROM stock_movement WHERE reference_type = 'RETURN' AND reference_id = $1 ORDER BY id",
      [returnId],
    );
  const eventsOf = (returnId: string) =>
    sut.query<{ type: string; store_id: string | null; customer_id: string | null; payload: Record<string, unknown> }>(
      "SELECT type, store_id, customer_id, payload FROM domain_event WHERE aggregate_type = 'return' AND aggregate_id = $1 ORDER BY id",
      [returnId],
    );

  beforeAll(async () => {
    const saved = { ...process.env };
    process.env.ORDER_EXPIRY_INTERVAL_MS = '0';
    process.env.RESERVATION_SWEEP_INTERVAL_MS = '0';
    sut = await TestApp.start({ clock, env: { EVENT_RELAY_ENABLED: 'false' } });
    process.env = saved;
    const token = await sut.bootstrapAdmin();
    apiKey = await createStorefrontKey(sut, token);
    mitte = await createStoreWithStaff(sut, token);
    kreuzberg = await createStoreWithStaff(sut, token);
    [shoe42, shoe43, socks, cap] = await createSellableVariants(sut, token, [5999, 5999, 2500, 1000]);
    await stockUp(sut, token, mitte.id, [shoe42, shoe43, socks, cap], 50);
    await stockUp(sut, token, kreuzberg.id, [shoe42, shoe43, socks, cap], 50);
  });

  afterAll(async () => {
    await sut.close();
  });

  it('an online pickup order collected in one store is returned in another: restocked there, refunded to the online payment', async () => {
    const order = await collectedPickupOrder(sut, { apiKey }, mitte, [{ sku: shoe42.sku, quantity: 2 }, { sku: socks.sku, quantity: 1 }]);
    const [shoeLine, socksLine] = order.lines;
    const cashier = await tillLogin(sut, kreuzberg);
    const before = { kreuzberg: await stockOf(sut, kreuzberg.id, shoe42.id), mitte: await stockOf(sut, mitte.id, shoe42.id) };

    const found = await sut.ok<{ findReturnableOrder: ReturnableOrderData }>(RETURNS_DOCUMENTS.findReturnableOrder, { q: order.number.toLowerCase() }, { token: cashier });
    expect(found.findReturnableOrder).toMatchObject({ order: { id: order.id, state: 'PICKED_UP', storeId: mitte.id }, returnable: true, withinWindow: true, windowDays: 30 });
    expect(Date.parse(found.findReturnableOrder.windowEndsAt) - Date.parse(order.pickedUpAt ?? '')).toBe(30 * 24 * 3600 * 1000);
    expect(found.findReturnableOrder.lines.map((l) => [l.sku, l.returnableQuantity, l.nextUnitRefund.amount])).toEqual([[shoe42.sku, 2, 5999], [socks.sku, 1, 2500]]);

    // The receiving store comes from the session: a storeId argument does not even exist.
    const spoofed = await sut.graphql(RETURNS_DOCUMENTS.returnItems, { input: { ...returnInput(order, [{ orderLineId: shoeLine.id, quantity: 1 }]), storeId: mitte.id } }, { token: cashier });
    expect(spoofed.errors?.length).toBeGreaterThan(0);

    const returned = await returnItems(sut, cashier, returnInput(order, [{ orderLineId: shoeLine.id, quantity: 1 }]));
    expect(returned).toMatchObject({
      __typename: 'Return', number: `${order.number}-R1`, orderId: order.id, state: 'REFUNDED', receivingStoreId: kreuzberg.id,
      refundMethod: 'ORIGINAL_TENDER', refundAmount: { amount: 5999, currency: 'EUR' }, originalPaymentReference: order.paymentReference,
      windowOverrideReason: null, lines: [{ orderLineId: shoeLine.id, sku: shoe42.sku, quantity: 1, condition: 'RESELLABLE', refund: { amount: 5999 } }],
      refunds: [{ method: 'ORIGINAL_TENDER', tender: 'EXTERNAL', amount: { amount: 5999 }, paymentReference: order.paymentReference, state: 'PENDING_PROVIDER' }],
    });
    expect(await stockOf(sut, kreuzberg.id, shoe42.id)).toEqual({ on_hand: before.kreuzberg.on_hand + 1, reserved: 0 });
    expect(await stockOf(sut, mitte.id, shoe42.id)).toEqual(before.mitte);
    expect(await movementsOf(returned.id)).toEqual([{ store_id: kreuzberg.id, variant_id: shoe42.id, type: 'RETURN_RESTOCK', quantity: 1 }]);

    // The socks come back damaged: taken in and written off at Kreuzberg, so on hand does not change.
    const socksBefore = await stockOf(sut, kreuzberg.id, socks.id);
    const damaged = await returnItems(sut, cashier, returnInput(order, [{ orderLineId: socksLine.id, quantity: 1, condition: 'DAMAGED', reason: 'DEFECTIVE' }]));
    expect(damaged).toMatchObject({ number: `${order.number}-R2`, refundAmount: { amount: 2500 }, lines: [{ condition: 'DAMAGED', reason: 'DEFECTIVE' }] });
    expect((await movementsOf(damaged.id)).map((m) => [m.store_id, m.type, m.quantity])).toEqual([[kreuzberg.id, 'RETURN_RESTOCK', 1], [kreuzberg.id, 'DAMAGE', -1]]);
    expect(await stockOf(sut, kreuzberg.id, socks.id)).toEqual(socksBefore);

    // In the order's history, on the order lines, and as events.
    const history = await sut.ok<{ order: { returns: { number: string; state: string; refundAmount: { amount: number } }[] } }>(
      RETURNS_DOCUMENTS.orderWithReturns, { id: order.id }, { token: await tillLogin(sut, mitte) },
    );
    expect(history.order.returns.map((r) => [r.number, r.state, r.refundAmount.amount])).toEqual([[`${order.number}-R1`, 'REFUNDED', 5999], [`${order.number}-R2`, 'REFUNDED', 2500]]);
    const lines = await sut.ok<{ order: OrderData }>(ORDER_DOCUMENTS.order, { id: order.id }, { token: await admin() });
    expect(lines.order.lines.map((l) => l.returnedQuantity)).toEqual([1, 1]);
    const events = await eventsOf(returned.id);
    expect(events.map((e) => [e.type, e.store_id])).toEqual([['return.received', kreuzberg.id], ['refund.issued', kreuzberg.id]]);
    expect(events[0].payload).toMatchObject({ orderNumber: order.number, refund: { amount: 5999, currency: 'EUR' }, lines: [{ sku: shoe42.sku, quantity: 1, condition: 'RESELLABLE' }] });
    expect(events[1].payload).toMatchObject({ total: { amount: 5999, currency: 'EUR' }, refunds: [{ paymentReference: order.paymentReference, state: 'PENDING_PROVIDER' }] });
    expect(await stockInvariantViolations(sut, await admin())).toEqual({ ledger: [], reserved: [] });
  });

  it('a shipped order is returned to store credit, which is then spent at a till; the credit cannot go negative', async () => {
    const customer = await signUpCustomer(sut, apiKey);
    const order = await shippedOrder(sut, { token: customer.token }, mitte, [{ sku: shoe42.sku, quantity: 1 }]);
    expect(order.customerId).toBe(customer.id);
    const cashier = await tillLogin(sut, kreuzberg);
    const credited = await returnItems(sut, cashier, returnInput(order, [{ orderLineId: order.lines[0].id, quantity: 1 }], { refundMethod: 'STORE_CREDIT' }));
    expect(credited).toMatchObject({
      state: 'REFUNDED', customerId: customer.id, refundMethod: 'STORE_CREDIT',
      refunds: [{ method: 'STORE_CREDIT', tender: null, amount: { amount: 5999 }, state: 'COMPLETED' }],
    });
    const mine = await sut.ok<{ myStoreCredit: StoreCreditData }>(RETURNS_DOCUMENTS.myStoreCredit, {}, { token: customer.token });
    expect(mine.myStoreCredit).toMatchObject({ customerId: customer.id, balance: { amount: 5999, currency: 'EUR' }, entries: [{ kind: 'CREDIT', amount: { amount: 5999 }, referenceType: 'RETURN', referenceId: credited.id }] });

    // Spent at the Kreuzberg till: the sale's STORE_CREDIT tender is debited in the sale itself, once.
    const balance = async () => (await sut.ok<{ myStoreCredit: StoreCreditData }>(RETURNS_DOCUMENTS.myStoreCredit, {}, { token: customer.token })).myStoreCredit.balance?.amount;
    const identified = { customerIdentifier: customer.email, occurredAt: clock.now().toISOString() };
    const saleKey = randomUUID();
    const sale = await posSale(sut, kreuzberg, [{ sku: cap.sku, quantity: 1 }, { sku: socks.sku, quantity: 1 }], [{ method: 'STORE_CREDIT', amount: 3500 }], { ...identified, clientSaleId: saleKey });
    expect(sale.order.customerId).toBe(customer.id);
    expect(await balance()).toBe(2499);
    // The till retries the same sale: the original answers, nothing is debited twice.
    const retried = await posSale(sut, kreuzberg, [{ sku: cap.sku, quantity: 1 }, { sku: socks.sku, quantity: 1 }], [{ method: 'STORE_CREDIT', amount: 3500 }], { ...identified, clientSaleId: saleKey });
    expect(retried).toMatchObject({ replayed: true, order: { id: sale.order.id } });
    expect(await sut.count('store_credit_entry', "customer_id = $1 AND kind = 'DEBIT' AND reference_id = $2", [customer.id, sale.order.id])).toBe(1);
    expect(await balance()).toBe(2499);

    // More than the balance: the sale is refused and nothing of it is recorded (no order, no stock moved).
    const before = { orders: await sut.count('"order"'), shoe43: await stockOf(sut, kreuzberg.id, shoe43.id) };
    const tooMuch = await tryPosSale(sut, kreuzberg, [{ sku: shoe43.sku, quantity: 1 }], [{ method: 'STORE_CREDIT', amount: 5999 }], identified);
    expect(tooMuch).toMatchObject({ __typename: 'InsufficientStoreCreditError', errorCode: 'INSUFFICIENT_STORE_CREDIT', available: { amount: 2499 }, requested: { amount: 5999 } });
    // Store credit without a customer at the till: refused the same way.
    const anonymous = await tryPosSale(sut, kreuzberg, [{ sku: cap.sku, quantity: 1 }], [{ method: 'STORE_CREDIT', amount: 1000 }]);
    expect(anonymous).toMatchObject({ __typename: 'StoreCreditNeedsSignedInCustomerError', errorCode: 'STORE_CREDIT_NEEDS_CUSTOMER_PROFILE' });
    expect({ orders: await sut.count('"order"'), shoe43: await stockOf(sut, kreuzberg.id, shoe43.id) }).toEqual(before);
    const staffView = await sut.ok<{ storeCreditBalance: StoreCreditData }>(RETURNS_DOCUMENTS.storeCreditBalance, { customerId: customer.id }, { token: cashier });
    expect(staffView.storeCreditBalance.balance).toEqual({ amount: 2499, currency: 'EUR' });

    // A voided till sale gives its store credit back; the rest of it is owed back.
    const voidable = await posSale(sut, kreuzberg, [{ sku: cap.sku, quantity: 1 }], [{ method: 'STORE_CREDIT', amount: 400 }, { method: 'CASH', amount: 600 }], identified);
    expect(await balance()).toBe(2099);
    const manager = await tillLogin(sut, kreuzberg, 'manager');
    const voided = await sut.ok<{ voidSale: OrderData }>(ORDER_DOCUMENTS.voidSale, { input: { orderId: voidable.order.id, reason: 'rang up twice' } }, { token: manager });
    expect(voided.voidSale).toMatchObject({ state: 'VOIDED', refundDue: { amount: 600 } });
    expect(await balance()).toBe(2499);

    // Online, the signed-in customer pays part of a pickup order with store credit; the provider's payment covers the rest.
    const place = (auth: { token?: string; apiKey?: string }, amount: number) => sut.ok<{ placePickupOrder: OrderData }>(
      ORDER_DOCUMENTS.placePickupOrder, { input: pickupOrderInput(mitte.id, [{ sku: socks.sku, quantity: 1 }], { storeCreditAmount: amount }) }, auth,
    );
    const online = (await place({ token: customer.token }, 2000)).placePickupOrder;
    expect(online).toMatchObject({ __typename: 'Order', customerId: customer.id, total: { amount: 2500 } });
    expect(online.payments.map((p) => [p.method, p.amount.amount]).sort()).toEqual([['EXTERNAL', 500], ['STORE_CREDIT', 2000]]);
    expect(await balance()).toBe(499);
    expect((await place({ token: customer.token }, 2499)).placePickupOrder).toMatchObject({ __typename: 'InsufficientStoreCreditError', available: { amount: 499 } });
    expect((await place({ apiKey }, 100)).placePickupOrder).toMatchObject({ __typename: 'StoreCreditNeedsSignedInCustomerError' });
    const cancelled = await sut.ok<{ cancelOrder: OrderData }>(ORDER_DOCUMENTS.cancelOrder, { id: online.id, reason: 'changed my mind' }, { token: customer.token });
    expect(cancelled.cancelOrder).toMatchObject({ state: 'CANCELLED', refundDue: { amount: 500 } });
    expect(await balance()).toBe(2499);
    const [ledger] = await sut.query<{ total: string }>('SELECT sum(amount) AS total FROM store_credit_entry WHERE customer_id = $1', [customer.id]);
    expect(Number(ledger.total)).toBe(2499);

    // On the customer timeline for support.
    const agent = await createStaff(sut, await admin(), 'SUPPORT_AGENT', []);
    const support = await sut.login(agent.email, agent.password);
    const timeline = await sut.ok<{ customerTimeline: { items: { kind: string; summary: string; referenceId: string; storeId: string | null }[] } }>(
      RETURNS_DOCUMENTS.customerTimeline, { id: customer.id }, { token: support },
    );
    expect(timeline.customerTimeline.items).toEqual(expect.arrayContaining([
      expect.objectContaining({ kind: 'RETURN', referenceId: credited.id, storeId: kreuzberg.id, summary: expect.stringContaining('59.99 EUR refunded as store credit') }),
    ]));
  });

  it('a guest order cannot be refunded as store credit (nothing changes)', async () => {
    const order = await collectedPickupOrder(sut, { apiKey }, mitte, [{ sku: cap.sku, quantity: 1 }]);
    const before = await returnsFootprint(sut);
    const refused = await returnItems(sut, await tillLogin(sut, kreuzberg), returnInput(order, [{ orderLineId: order.lines[0].id, quantity: 1 }], { refundMethod: 'STORE_CREDIT' }));
    expect(refused).toMatchObject({ __typename: 'StoreCreditNeedsCustomerError', errorCode: 'STORE_CREDIT_NEEDS_CUSTOMER' });
    expect(await returnsFootprint(sut)).toEqual(before);
  });

  it('a POS sale with a coupon is returned in parts at exactly what was paid; the full return gives the coupon use back', async () => {
    const token = await admin();
    const campaign = await createCampaign(sut, token, { discountType: 'FIXED_AMOUNT', fixedAmount: 1000, restoreOnFullReturn: true });
    const code = await createSharedCode(sut, token, campaign.id, `RET${Date.now() % 100000}`, 1);
    const sale = await posSale(sut, mitte, [{ sku: shoe42.sku, quantity: 3 }, { sku: socks.sku, quantity: 1 }], [{ method: 'CARD', amount: 19_497, externalReference: 'auth-991' }], {
      couponCode: code, occurredAt: clock.now().toISOString(),
    });
    expect(sale.order).toMatchObject({ couponCode: code, discount: { amount: 1000 }, total: { amount: 19_497 } });
    const [shoes, sock] = sale.order.lines;
    expect(shoes.discount.amount + sock.discount.amount).toBe(1000);
    const shares = unitShares(shoes.total.amount, 3);
    const cashier = await tillLogin(sut, kreuzberg);

    // By receipt QR, at another store.
    const found = await sut.ok<{ findReturnableOrder: ReturnableOrderData }>(RETURNS_DOCUMENTS.findReturnableOrder, { q: sale.receipt.qrToken }, { token: cashier });
    expect(found.findReturnableOrder.lines[0]).toMatchObject({ returnableQuantity: 3, paid: { amount: shoes.total.amount }, nextUnitRefund: { amount: shares[0] } });

    const first = await returnItems(sut, cashier, returnInput(sale.order, [{ orderLineId: shoes.id, quantity: 1 }]));
    expect(first).toMatchObject({ refundAmount: { amount: shares[0] }, originalPaymentReference: 'auth-991' });
    expect(first.refunds).toEqual([expect.objectContaining({ tender: 'CARD', amount: { amount: shares[0], currency: 'EUR' }, paymentReference: 'auth-991', state: 'PENDING_PROVIDER' })]);
    expect(await sut.count('coupon_redemption', "order_id = $1 AND state = 'ACTIVE'", [sale.order.id])).toBe(1);

    const rest = await returnItems(sut, cashier, returnInput(sale.order, [{ orderLineId: shoes.id, quantity: 2 }, { orderLineId: sock.id, quantity: 1 }]));
    expect(rest.lines.map((l) => [l.orderLineId, l.refund.amount])).toEqual(
      [[shoes.id, shares[1] + shares[2]], [sock.id, sock.total.amount]].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    // Over every return the order is refunded exactly what was paid, to the minor unit.
    expect(first.refundAmount.amount + rest.refundAmount.amount).toBe(19_497);
    expect(shoes.total.amount).toBe(shares.reduce((sum, unit) => sum + unit, 0));

    // Fully returned: the campaign restores the coupon use.
    expect(await sut.count('coupon_redemption', "order_id = $1 AND state = 'REVERSED'", [sale.order.id])).toBe(1);
    const [{ use_count: useCount }] = await sut.query<{ use_count: number }>('SELECT use_count FROM coupon_code WHERE code = $1', [code]);
    expect(useCount).toBe(0);
  });

  it('refuses to return more than is left, across returns, and changes nothing', async () => {
    const sale = await posSale(sut, mitte, [{ sku: cap.sku, quantity: 2 }], [{ method: 'CASH', amount: 2000 }], { occurredAt: clock.now().toISOString() });
    const line = sale.order.lines[0];
    const cashier = await tillLogin(sut, kreuzberg);
    const before = await returnsFootprint(sut);
    const over = await returnItems(sut, cashier, returnInput(sale.order, [{ orderLineId: line.id, quantity: 3 }]));
    expect(over).toMatchObject({ __typename: 'OverReturnError', errorCode: 'OVER_RETURN', orderLineId: line.id, requested: 3, returnable: 2 });
    // Two parts of one line in different conditions count together.
    const split = await returnItems(sut, cashier, returnInput(sale.order, [
      { orderLineId: line.id, quantity: 2 }, { orderLineId: line.id, quantity: 1, condition: 'DAMAGED' },
    ]));
    expect(split).toMatchObject({ __typename: 'OverReturnError', requested: 3, returnable: 2 });
    expect(await returnsFootprint(sut)).toEqual(before);

    const cash = await returnItems(sut, cashier, returnInput(sale.order, [{ orderLineId: line.id, quantity: 1 }, { orderLineId: line.id, quantity: 1, condition: 'DAMAGED' }]));
    expect(cash).toMatchObject({ __typename: 'Return', refundAmount: { amount: 2000 }, refunds: [{ tender: 'CASH', amount: { amount: 2000 }, state: 'COMPLETED' }] });
    const again = await returnItems(sut, cashier, returnInput(sale.order, [{ orderLineId: line.id, quantity: 1 }]));
    expect(again).toMatchObject({ __typename: 'OverReturnError', returnable: 0 });
  });

  async function exchange(token: string, input: Record<string, unknown>): Promise<ExchangeData> {
    const data = await sut.ok<{ exchangeItems: ExchangeData }>(RETURNS_DOCUMENTS.exchangeItems, { input: { clientSaleId: randomUUID(), payments: [], ...input } }, { token });
    return data.exchangeItems;
  }

  it('an exchange for another size: the return and the replacement sale in one transaction, nothing to pay', async () => {
    const sale = await posSale(sut, mitte, [{ sku: shoe42.sku, quantity: 1 }], [{ method: 'CARD', amount: 5999, externalReference: 'auth-xch' }], { occurredAt: clock.now().toISOString() });
    const cashier = await tillLogin(sut, kreuzberg);
    const before = { shoe42: await stockOf(sut, kreuzberg.id, shoe42.id), shoe43: await stockOf(sut, kreuzberg.id, shoe43.id) };
    const swappedKey = randomUUID();
    const swapped = await exchange(cashier, {
      clientSaleId: swappedKey,
      orderId: sale.order.id,
      returnLines: [{ orderLineId: sale.order.lines[0].id, quantity: 1, reason: 'WRONG_SIZE', condition: 'RESELLABLE' }],
      newLines: [{ sku: shoe43.sku, quantity: 1 }],
    });
    expect(swapped).toMatchObject({
      __typename: 'Exchange', collected: { amount: 0, currency: 'EUR' }, refunded: { amount: 0, currency: 'EUR' },
      return: { state: 'REFUNDED', refundMethod: 'EXCHANGE', refundAmount: { amount: 5999 }, receivingStoreId: kreuzberg.id, refunds: [] },
      replacementOrder: { channel: 'POS', state: 'COMPLETED', storeId: kreuzberg.id, total: { amount: 5999 }, lines: [{ sku: shoe43.sku, quantity: 1 }] },
    });
    const { return: returned, replacementOrder } = swapped;
    expect(returned.exchangeOrderId).toBe(replacementOrder.id);
    expect(replacementOrder.payments).toEqual([expect.objectContaining({ method: 'STORE_CREDIT', amount: { amount: 5999, currency: 'EUR' }, externalReference: `exchange ${returned.number}` })]);
    expect(await stockOf(sut, kreuzberg.id, shoe42.id)).toEqual({ on_hand: before.shoe42.on_hand + 1, reserved: 0 });
    expect(await stockOf(sut, kreuzberg.id, shoe43.id)).toEqual({ on_hand: before.shoe43.on_hand - 1, reserved: 0 });
    // A till retrying the exchange (same clientSaleId) gets the same exchange back, nothing twice.
    const retried = await exchange(cashier, {
      clientSaleId: swappedKey,
      orderId: sale.order.id,
      returnLines: [{ orderLineId: sale.order.lines[0].id, quantity: 1, reason: 'WRONG_SIZE', condition: 'RESELLABLE' }],
      newLines: [{ sku: shoe43.sku, quantity: 1 }],
    });
    expect(retried).toMatchObject({ __typename: 'Exchange', return: { id: returned.id }, replacementOrder: { id: replacementOrder.id }, collected: { amount: 0 }, refunded: { amount: 0 } });
    expect(await stockOf(sut, kreuzberg.id, shoe43.id)).toEqual({ on_hand: before.shoe43.on_hand - 1, reserved: 0 });
    // The exchange credit is the returned goods' value, not a store-credit balance: nothing was debited.
    expect(await sut.count('store_credit_entry', 'reference_id = $1', [replacementOrder.id])).toBe(0);
  });

  it('an exchange collects the difference for a dearer item, refunds it for a cheaper one, and records nothing when unpaid', async () => {
    const sale = await posSale(sut, mitte, [{ sku: shoe42.sku, quantity: 2 }], [{ method: 'CARD', amount: 11_998, externalReference: 'auth-two' }], { occurredAt: clock.now().toISOString() });
    const [line] = sale.order.lines;
    const cashier = await tillLogin(sut, kreuzberg);
    const one = [{ orderLineId: line.id, quantity: 1, reason: 'WRONG_SIZE', condition: 'RESELLABLE' }];
    const before = { footprint: await returnsFootprint(sut), orders: await sut.count('"order"') };
    const unpaid = await exchange(cashier, { orderId: sale.order.id, returnLines: one, newLines: [{ sku: shoe43.sku, quantity: 2 }] });
    expect(unpaid).toMatchObject({ __typename: 'PaymentShortfallError', errorCode: 'PAYMENT_SHORTFALL' });
    expect(await returnsFootprint(sut)).toEqual(before.footprint);
    expect(await sut.count('"order"')).toBe(before.orders);

    const dearer = await exchange(cashier, { orderId: sale.order.id, returnLines: one, newLines: [{ sku: shoe43.sku, quantity: 2 }], payments: [{ method: 'CASH', amount: 6000 }] });
    expect(dearer).toMatchObject({ __typename: 'Exchange', collected: { amount: 5999 }, refunded: { amount: 0 }, replacementOrder: { total: { amount: 11_998 } } });
    expect(dearer.replacementOrder.payments.map((p) => [p.method, p.amount.amount])).toEqual([['STORE_CREDIT', 5999], ['CASH', 5999]]);

    const cheaper = await exchange(cashier, { orderId: sale.order.id, returnLines: one, newLines: [{ sku: socks.sku, quantity: 1 }] });
    expect(cheaper).toMatchObject({
      __typename: 'Exchange', collected: { amount: 0 }, refunded: { amount: 3499 },
      return: { refundAmount: { amount: 5999 }, refunds: [{ method: 'ORIGINAL_TENDER', tender: 'CARD', amount: { amount: 3499 }, paymentReference: 'auth-two', state: 'PENDING_PROVIDER' }] },
    });
    expect(await exchange(cashier, { orderId: sale.order.id, returnLines: one, newLines: [{ sku: cap.sku, quantity: 1 }] })).toMatchObject({ __typename: 'OverReturnError', returnable: 0 });
    expect(await stockInvariantViolations(sut, await admin())).toEqual({ ledger: [], reserved: [] });
  });

  // Last in this file: it moves the clock two months on.
  it('an online order paid partly with store credit that nobody collects expires, and the credit goes back', async () => {
    const customer = await signUpCustomer(sut, apiKey);
    const bought = await shippedOrder(sut, { token: customer.token }, mitte, [{ sku: socks.sku, quantity: 1 }]);
    await returnItems(sut, await tillLogin(sut, kreuzberg), returnInput(bought, [{ orderLineId: bought.lines[0].id, quantity: 1 }], { refundMethod: 'STORE_CREDIT' }));
    const placed = await sut.ok<{ placePickupOrder: OrderData }>(ORDER_DOCUMENTS.placePickupOrder, {
      input: pickupOrderInput(mitte.id, [{ sku: shoe42.sku, quantity: 1 }], { storeCreditAmount: 2500 }),
    }, { token: customer.token });
    expect(placed.placePickupOrder.payments.map((p) => [p.method, p.amount.amount]).sort()).toEqual([['EXTERNAL', 3499], ['STORE_CREDIT', 2500]]);
    const balance = async () => (await sut.ok<{ storeCreditBalance: StoreCreditData }>(
      RETURNS_DOCUMENTS.storeCreditBalance, { customerId: customer.id }, { token: await tillLogin(sut, kreuzberg) },
    )).storeCreditBalance.balance;
    expect(await balance()).toEqual({ amount: 0, currency: 'EUR' });
    clock.advance(60 * 24 * 60 * 60 * 1000);
    await sut.ok(ORDER_DOCUMENTS.expireUncollectedOrders, {}, { token: await admin() });
    const expired = await sut.ok<{ order: OrderData }>(ORDER_DOCUMENTS.order, { id: placed.placePickupOrder.id }, { token: await admin() });
    expect(expired.order).toMatchObject({ state: 'EXPIRED', refundDue: { amount: 3499 } });
    expect(await balance()).toEqual({ amount: 2500, currency: 'EUR' });
  });
});
