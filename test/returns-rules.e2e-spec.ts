import { FakeClock } from '@omnitill/common';
import {
  collectedPickupOrder, createSellableVariants, createStaff, createStorefrontKey, createStoreWithStaff, ORDER_DOCUMENTS, OrderData, pickupOrderInput,
  posSale, RETURNS_DOCUMENTS, ReturnData, ReturnableOrderData, returnInput, returnItems, returnsFootprint, SellableVariant, stockOf, StoreWithStaff,
  stockUp, TestApp, tillLogin,
} from '@omnitill/testing';

const DAY = 24 * 3600 * 1000;

describe('Returns: window, authorisations, bad input', () => {
  const clock = new FakeClock();
  let sut: TestApp;
  let apiKey: string;
  let mitte: StoreWithStaff;
  let kreuzberg: StoreWithStaff;
  let agent: { email: string; password: string };
  let shoe: SellableVariant;
  let cap: SellableVariant;

  const admin = () => sut.login('root@test.local', 'root-password-123');
  // Sessions expire on the fake clock too: log in again after moving it.
  const supportLogin = () => sut.login(agent.email, agent.password);
  const sell = (store: StoreWithStaff, quantity = 1) =>
    posSale(sut, store, [{ sku: shoe.sku, quantity }], [{ method: 'CARD', amount: 5999 * quantity, externalReference: 'auth-1' }], { occurredAt: clock.now().toISOString() });

  async function authorise(order: OrderData, quantity: number, extra: Record<string, unknown> = {}): Promise<ReturnData> {
    const data = await sut.ok<{ authoriseReturn: ReturnData }>(RETURNS_DOCUMENTS.authoriseReturn, {
      input: { orderId: order.id, lines: [{ orderLineId: order.lines[0].id, quantity, reason: 'DEFECTIVE' }], reason: 'Sole came off after a week', ...extra },
    }, { token: await supportLogin() });
    return data.authoriseReturn;
  }

  async function receive(returned: ReturnData, token: string, condition = 'RESELLABLE'): Promise<ReturnData> {
    const data = await sut.ok<{ receiveAuthorisedReturn: ReturnData }>(RETURNS_DOCUMENTS.receiveAuthorisedReturn, {
      input: { returnId: returned.id, lines: returned.lines.map((line) => ({ returnLineId: line.id, condition })) },
    }, { token });
    return data.receiveAuthorisedReturn;
  }

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
    [shoe, cap] = await createSellableVariants(sut, token, [5999, 1000]);
    await stockUp(sut, token, mitte.id, [shoe, cap], 100);
    await stockUp(sut, token, kreuzberg.id, [shoe, cap], 100);
    agent = await createStaff(sut, token, 'SUPPORT_AGENT', []);
  });

  afterAll(async () => {
    await sut.close();
  });

  it('a return after the window is refused, a cashier cannot override it, a manager can with a recorded reason', async () => {
    const sale = await sell(mitte);
    clock.advance(31 * DAY);
    const input = returnInput(sale.order, [{ orderLineId: sale.order.lines[0].id, quantity: 1 }]);
    const cashier = await tillLogin(sut, kreuzberg);
    const before = await returnsFootprint(sut);

    const late = await returnItems(sut, cashier, input);
    expect(late).toMatchObject({ __typename: 'ReturnWindowExpiredError', errorCode: 'RETURN_WINDOW_EXPIRED' });
    expect(Date.parse((late as unknown as { windowEndsAt: string }).windowEndsAt)).toBe(Date.parse(sale.order.occurredAt) + 30 * DAY);
    const byCashier = await returnItems(sut, cashier, { ...input, managerOverrideReason: 'Customer was abroad' });
    expect(byCashier).toMatchObject({ __typename: 'NotAuthorisedToOverrideError', errorCode: 'NOT_AUTHORISED_TO_OVERRIDE' });
    expect(await returnsFootprint(sut)).toEqual(before);

    const manager = await tillLogin(sut, kreuzberg, 'manager');
    const accepted = await returnItems(sut, manager, { ...input, managerOverrideReason: 'Customer was abroad' });
    expect(accepted).toMatchObject({
      __typename: 'Return', state: 'REFUNDED', windowOverrideReason: 'Customer was abroad', overriddenBy: expect.stringMatching(/^staff:/),
      receivedBy: expect.stringMatching(/^staff:/), refundAmount: { amount: 5999 },
    });
    const [row] = await sut.query<{ window_override_reason: string; overridden_by: string }>('SELECT window_override_reason, overridden_by FROM return_request WHERE id = $1', [accepted.id]);
    expect(row).toEqual({ window_override_reason: 'Customer was abroad', overridden_by: accepted.overriddenBy });
  });

  it("uses the selling store's own window when it sets one", async () => {
    const sale = await sell(mitte);
    clock.advance(40 * DAY);
    const input = returnInput(sale.order, [{ orderLineId: sale.order.lines[0].id, quantity: 1 }]);
    const cashier = await tillLogin(sut, kreuzberg);
    expect((await returnItems(sut, cashier, input)).__typename).toBe('ReturnWindowExpiredError');
    const policy = await sut.ok<{ setStoreReturnPolicy: { windowDays: number; isDefault: boolean } }>(
      RETURNS_DOCUMENTS.setStoreReturnPolicy, { input: { storeId: mitte.id, windowDays: 60 } }, { token: await admin() },
    );
    expect(policy.setStoreReturnPolicy).toEqual({ storeId: mitte.id, windowDays: 60, isDefault: false });
    expect((await returnItems(sut, cashier, input)).__typename).toBe('Return');
    const reset = await sut.ok<{ setStoreReturnPolicy: { windowDays: number; isDefault: boolean } }>(
      RETURNS_DOCUMENTS.setStoreReturnPolicy, { input: { storeId: mitte.id, windowDays: null } }, { token: await admin() },
    );
    expect(reset.setStoreReturnPolicy).toMatchObject({ windowDays: 30, isDefault: true });
    const byManager = await sut.graphql(RETURNS_DOCUMENTS.setStoreReturnPolicy, { input: { storeId: mitte.id, windowDays: 90 } }, { token: await tillLogin(sut, mitte, 'manager') });
    expect(byManager.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('support authorises a return online; a store receives it later: stock and money move only then', async () => {
    const order = await collectedPickupOrder(sut, { apiKey }, mitte, [{ sku: shoe.sku, quantity: 2 }]);
    const stockBefore = await stockOf(sut, kreuzberg.id, shoe.id);
    const authorised = await authorise(order, 1, { refundMethod: 'ORIGINAL_TENDER', expiresInDays: 14 });
    expect(authorised).toMatchObject({
      __typename: 'Return', state: 'AUTHORISED', receivingStoreId: null, reason: 'Sole came off after a week', refundAmount: { amount: 5999 },
      lines: [{ quantity: 1, condition: null, reason: 'DEFECTIVE' }], refunds: [],
    });
    expect(Date.parse(authorised.authorisedExpiresAt ?? '') - Date.parse(authorised.createdAt)).toBe(14 * DAY);
    expect(await sut.count('stock_movement', "reference_type = 'RETURN' AND reference_id = $1", [authorised.id])).toBe(0);
    const cashier = await tillLogin(sut, kreuzberg);
    const found = await sut.ok<{ findReturnableOrder: ReturnableOrderData }>(RETURNS_DOCUMENTS.findReturnableOrder, { q: order.number }, { token: cashier });
    expect(found.findReturnableOrder.lines[0]).toMatchObject({ returnableQuantity: 2, authorisedQuantity: 1, returnedQuantity: 0 });
    // The authorisation holds its unit: support cannot promise it twice.
    expect(await authorise(order, 2)).toMatchObject({ __typename: 'OverReturnError', returnable: 1 });

    const received = await receive(authorised, cashier, 'DAMAGED');
    expect(received).toMatchObject({
      __typename: 'Return', state: 'REFUNDED', receivingStoreId: kreuzberg.id, lines: [{ condition: 'DAMAGED', refund: { amount: 5999 } }],
      refunds: [{ method: 'ORIGINAL_TENDER', tender: 'EXTERNAL', amount: { amount: 5999 }, paymentReference: order.paymentReference, state: 'PENDING_PROVIDER' }],
    });
    expect(await stockOf(sut, kreuzberg.id, shoe.id)).toEqual(stockBefore);
    const movements = await sut.query<{ type: string; quantity: number; store_id: string }>(
      "SELECT type::text AS type, quantity, store_id FROM stock_movement WHERE reference_type = 'RETURN' AND reference_id = $1 ORDER BY id", [authorised.id],
    );
    expect(movements).toEqual([{ type: 'RETURN_RESTOCK', quantity: 1, store_id: kreuzberg.id }, { type: 'DAMAGE', quantity: -1, store_id: kreuzberg.id }]);
    expect((await receive(authorised, cashier)).__typename).toBe('ReturnStateError');
  });

  it('a rejected authorisation cannot be received; an expired one neither', async () => {
    const order = await collectedPickupOrder(sut, { apiKey }, mitte, [{ sku: cap.sku, quantity: 2 }]);
    const cashier = await tillLogin(sut, kreuzberg);
    const rejectedAuth = await authorise(order, 1);
    const cashierReject = await sut.graphql(RETURNS_DOCUMENTS.rejectReturn, { input: { returnId: rejectedAuth.id, reason: 'Worn' } }, { token: cashier });
    expect(cashierReject.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const rejected = await sut.ok<{ rejectReturn: ReturnData }>(RETURNS_DOCUMENTS.rejectReturn, { input: { returnId: rejectedAuth.id, reason: 'Worn, not a defect' } }, { token: await supportLogin() });
    expect(rejected.rejectReturn).toMatchObject({ state: 'REJECTED', rejectedReason: 'Worn, not a defect' });
    const before = await returnsFootprint(sut);
    expect(await receive(rejectedAuth, cashier)).toMatchObject({ __typename: 'ReturnStateError', fromState: 'REJECTED', toState: 'RECEIVED' });

    const lapsing = await authorise(order, 1, { expiresInDays: 1 });
    clock.advance(2 * DAY);
    const later = await tillLogin(sut, kreuzberg);
    const afterAuth = await returnsFootprint(sut);
    expect(await receive(lapsing, later)).toMatchObject({ __typename: 'ReturnStateError', fromState: 'AUTHORISED', toState: 'RECEIVED', message: expect.stringContaining('expired') });
    expect(await returnsFootprint(sut)).toEqual(afterAuth);
    expect(afterAuth.return_request).toBe(before.return_request + 1);
    const expired = await sut.ok<{ expireReturnAuthorisations: number }>(RETURNS_DOCUMENTS.expireReturnAuthorisations, {}, { token: await supportLogin() });
    expect(expired.expireReturnAuthorisations).toBeGreaterThanOrEqual(1);
    const [row] = await sut.query<{ state: string }>('SELECT state::text AS state FROM return_request WHERE id = $1', [lapsing.id]);
    expect(row.state).toBe('EXPIRED');
    // Both units can still be returned at a till.
    expect((await returnItems(sut, later, returnInput(order, [{ orderLineId: order.lines[0].id, quantity: 2 }]))).__typename).toBe('Return');
  });

  it('refuses orders whose goods never reached the customer, and who may do what', async () => {
    const placed = await sut.ok<{ placePickupOrder: OrderData }>(ORDER_DOCUMENTS.placePickupOrder, { input: pickupOrderInput(mitte.id, [{ sku: cap.sku, quantity: 1 }]) }, { apiKey });
    const order = placed.placePickupOrder;
    const cashier = await tillLogin(sut, kreuzberg);
    const sale = await sell(mitte);
    const before = await returnsFootprint(sut);
    expect(await returnItems(sut, cashier, returnInput(order, [{ orderLineId: order.lines[0].id, quantity: 1 }]))).toMatchObject({
      __typename: 'OrderNotReturnableError', errorCode: 'ORDER_NOT_RETURNABLE', orderState: 'PLACED',
    });
    expect(await authorise(order, 1)).toMatchObject({ __typename: 'OrderNotReturnableError', orderState: 'PLACED' });
    // Support authorises, it does not take goods in; a storefront never reaches returns.
    const input = returnInput(sale.order, [{ orderLineId: sale.order.lines[0].id, quantity: 1 }]);
    expect((await sut.graphql(RETURNS_DOCUMENTS.returnItems, { input }, { token: await supportLogin() })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await sut.graphql(RETURNS_DOCUMENTS.returnItems, { input }, { apiKey })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await sut.graphql(RETURNS_DOCUMENTS.authoriseReturn, {
      input: { orderId: sale.order.id, lines: [{ orderLineId: sale.order.lines[0].id, quantity: 1, reason: 'OTHER' }], reason: 'x'.repeat(10) },
    }, { token: cashier })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await returnsFootprint(sut)).toEqual(before);
  });

  it('bad input answers typed errors and changes nothing', async () => {
    const sale = await sell(mitte, 2);
    const line = sale.order.lines[0];
    const cashier = await tillLogin(sut, kreuzberg);
    const before = await returnsFootprint(sut);
    const code = async (variables: Record<string, unknown>, document: string = RETURNS_DOCUMENTS.returnItems) =>
      (await sut.graphql(document, variables, { token: cashier })).errors?.[0].extensions?.code;
    const base = returnInput(sale.order, [{ orderLineId: line.id, quantity: 1 }]);

    for (const quantity of [0, -1, 1001]) {
      expect(await code({ input: { ...base, lines: [{ ...(base.lines as object[])[0], quantity }] } })).toBe('BAD_USER_INPUT');
    }
    expect(await code({ input: { ...base, lines: [] } })).toBe('BAD_USER_INPUT');
    expect(await code({ input: { ...base, orderId: 'not-a-uuid' } })).toBe('BAD_USER_INPUT');
    expect(await code({ input: { ...base, note: 'x'.repeat(501) } })).toBe('BAD_USER_INPUT');
    expect(await code({ input: { ...base, managerOverrideReason: 'y'.repeat(201) } })).toBe('BAD_USER_INPUT');
    expect(await code({ input: { ...base, refundMethod: 'EXCHANGE' } })).toBe('BAD_USER_INPUT');
    // An unknown enum value is refused by GraphQL itself, before any resolver runs.
    expect(await code({ input: { ...base, lines: [{ ...(base.lines as object[])[0], condition: 'BROKEN' }] } })).toMatch(/^(BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED)$/);
    expect(await code({ input: { ...base, lines: [(base.lines as object[])[0], (base.lines as object[])[0]] } })).toBe('BAD_USER_INPUT');
    expect(await code({ input: { ...base, orderId: '00000000-0000-4000-8000-000000000000' } })).toBe('NOT_FOUND');
    expect(await code({ input: { ...base, lines: [{ ...(base.lines as object[])[0], orderLineId: '00000000-0000-4000-8000-000000000001' }] } })).toBe('NOT_FOUND');
    for (const q of ['garbage', 'eyJvIjoiMSJ9.AAAA', `${sale.receipt.qrToken}x`, 'x'.repeat(5000), 'NOPE-P-000001', '']) {
      expect(await code({ q }, RETURNS_DOCUMENTS.findReturnableOrder)).toBe('NOT_FOUND');
    }
    expect(await code({ input: { returnId: '00000000-0000-4000-8000-000000000000', lines: [{ returnLineId: line.id, condition: 'RESELLABLE' }] } }, RETURNS_DOCUMENTS.receiveAuthorisedReturn)).toBe('NOT_FOUND');
    expect(await returnsFootprint(sut)).toEqual(before);
    // And the order is still fully returnable.
    expect((await returnItems(sut, cashier, returnInput(sale.order, [{ orderLineId: line.id, quantity: 2 }]))).__typename).toBe('Return');
  });
});
