import {
  createCampaign, createSellableVariants, createStaff, createStorefrontKey, createStoreWithStaff, generateCouponCodes, issueCoupon,
  ORDER_DOCUMENTS, OrderData, PickupCredentialsData, pickupOrderInput, saleInput, SaleData, SellableVariant, signUpCustomer, StoreWithStaff,
  stockUp, TestApp, tillLogin,
} from '@omnitill/testing';

const VERIFY = 'mutation($token: String!) { verifyCustomerEmail(token: $token) { __typename } }';
const TIMELINE = 'query($id: ID!) { customerTimeline(customerId: $id, take: 50) { totalCount items { kind channel storeId summary referenceId } } }';
const MERGE = 'mutation($survivorId: ID!, $mergedId: ID!) { mergeCustomers(survivorId: $survivorId, mergedId: $mergedId) { id } }';
const ERASE = 'mutation($id: ID!) { eraseCustomer(customerId: $id) { id } }';
const EXPORT = 'query($id: ID!) { exportCustomerData(customerId: $id) }';

describe('Orders and customers: linking, QR coupons at the till, timeline, merge and erasure', () => {
  let sut: TestApp;
  let apiKey: string;
  let store: StoreWithStaff;
  let shoe: SellableVariant;
  let cap: SellableVariant;
  let supportToken: string;

  async function sell(input: Record<string, unknown>, token?: string): Promise<SaleData> {
    const data = await sut.ok<{ recordSale: SaleData }>(ORDER_DOCUMENTS.recordSale, { input }, { token: token ?? (await tillLogin(sut, store)) });
    return data.recordSale;
  }

  async function collectedGuestOrder(email: string): Promise<OrderData> {
    const placed = await sut.ok<{ placePickupOrder: OrderData }>(
      ORDER_DOCUMENTS.placePickupOrder,
      { input: pickupOrderInput(store.id, [{ sku: cap.sku, quantity: 1 }], { contact: { email, name: 'Guest' } }) },
      { apiKey },
    );
    const cashier = await tillLogin(sut, store);
    await sut.ok(ORDER_DOCUMENTS.startPicking, { id: placed.placePickupOrder.id }, { token: cashier });
    const ready = await sut.ok<{ markReadyForPickup: PickupCredentialsData }>(ORDER_DOCUMENTS.markReadyForPickup, { id: placed.placePickupOrder.id }, { token: cashier });
    const collected = await sut.ok<{ collectPickupOrder: OrderData }>(ORDER_DOCUMENTS.collectPickupOrder, { input: { qrToken: ready.markReadyForPickup.qrToken } }, { token: cashier });
    expect(collected.collectPickupOrder.state).toBe('PICKED_UP');
    return collected.collectPickupOrder;
  }

  beforeAll(async () => {
    const saved = { ...process.env };
    process.env.ORDER_EXPIRY_INTERVAL_MS = '0';
    process.env.RESERVATION_SWEEP_INTERVAL_MS = '0';
    sut = await TestApp.start();
    process.env = saved;
    const admin = await sut.bootstrapAdmin();
    apiKey = await createStorefrontKey(sut, admin);
    store = await createStoreWithStaff(sut, admin);
    [shoe, cap] = await createSellableVariants(sut, admin, [5000, 1000]);
    await stockUp(sut, admin, store.id, [shoe, cap], 100);
    const support = await createStaff(sut, admin, 'SUPPORT_AGENT', []);
    supportToken = await sut.login(support.email, support.password);
  });

  afterAll(async () => {
    await sut.close();
  });

  it('links a guest pickup order to the customer with that verified email at the counter, not to an unverified one', async () => {
    const verified = await signUpCustomer(sut, apiKey);
    await sut.ok(VERIFY, { token: verified.emailVerificationToken }, { apiKey });
    const unverified = await signUpCustomer(sut, apiKey);

    expect((await collectedGuestOrder(verified.email)).customerId).toBe(verified.id);
    expect((await collectedGuestOrder(unverified.email)).customerId).toBeNull();
    const mine = await sut.ok<{ myOrders: { items: { id: string }[] } }>(ORDER_DOCUMENTS.myOrders, {}, { token: verified.token });
    expect(mine.myOrders.items).toHaveLength(1);
  });

  it('attaches a till sale to the customer identified by loyalty number', async () => {
    const shopper = await signUpCustomer(sut, apiKey);
    const sale = await sell(saleInput([{ sku: cap.sku, quantity: 1 }], [{ method: 'CASH', amount: 1000 }], { customerIdentifier: shopper.loyaltyNumber }));
    expect(sale).toMatchObject({ __typename: 'Sale', notices: [], order: { customerId: shopper.id } });
    const mine = await sut.ok<{ myOrders: { items: { id: string; channel: string }[] } }>(ORDER_DOCUMENTS.myOrders, {}, { token: shopper.token });
    expect(mine.myOrders.items).toEqual([{ id: sale.order.id, number: sale.order.number, customerId: shopper.id, channel: 'POS' }]);

    // At any counter, staff find the customer's purchases (for a return) after identifying them.
    const CUSTOMER_ORDERS = 'query($id: ID!) { customerOrders(customerId: $id) { totalCount items { id channel } } }';
    const atCounter = await sut.ok<{ customerOrders: { totalCount: number; items: { id: string }[] } }>(CUSTOMER_ORDERS, { id: shopper.id }, { token: await tillLogin(sut, store) });
    expect(atCounter.customerOrders).toEqual({ totalCount: 1, items: [{ id: sale.order.id, channel: 'POS' }] });
    const asCustomer = await sut.graphql(CUSTOMER_ORDERS, { id: shopper.id }, { token: shopper.token });
    expect(asCustomer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const asStorefront = await sut.graphql(CUSTOMER_ORDERS, { id: shopper.id }, { apiKey });
    expect(asStorefront.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('an online QR coupon scanned at the till: discount applied, used once, the sale lands on the shopper profile; a void gives it back', async () => {
    const campaign = await createCampaign(sut, await sut.login('root@test.local', 'root-password-123'), { eligibleChannels: ['POS'] });
    await generateCouponCodes(sut, await sut.login('root@test.local', 'root-password-123'), campaign.id, 5);
    const shopper = await signUpCustomer(sut, apiKey);
    const issued = await issueCoupon(sut, { apiKey }, campaign.id, shopper.id);

    const lines = [{ sku: shoe.sku, quantity: 1 }, { sku: cap.sku, quantity: 2 }];
    const sale = await sell(saleInput(lines, [{ method: 'CARD', amount: 6300 }], { couponCode: issued.token }));
    expect(sale.__typename).toBe('Sale');
    expect(sale.order).toMatchObject({ customerId: shopper.id, couponCode: issued.code, subtotal: { amount: 7000 }, discount: { amount: 700 }, total: { amount: 6300 } });
    expect(sale.order.lines.map((l) => l.discount.amount)).toEqual([500, 200]);
    expect(sale.receipt.text).toContain(`Discount (${issued.code})`);

    const ordersBefore = await sut.count('"order"');
    const again = await sell(saleInput(lines, [{ method: 'CARD', amount: 6300 }], { couponCode: issued.code }));
    expect(again).toMatchObject({ __typename: 'CouponExhaustedError', errorCode: 'COUPON_EXHAUSTED' });
    expect(await sut.count('"order"')).toBe(ordersBefore);

    const manager = await tillLogin(sut, store, 'manager');
    const voided = await sut.ok<{ voidSale: OrderData }>(ORDER_DOCUMENTS.voidSale, { input: { orderId: sale.order.id, reason: 'customer changed mind' } }, { token: manager });
    expect(voided.voidSale.state).toBe('VOIDED');
    const reused = await sell(saleInput(lines, [{ method: 'CARD', amount: 6300 }], { couponCode: issued.code }));
    expect(reused).toMatchObject({ __typename: 'Sale', order: { customerId: shopper.id, discount: { amount: 700 } } });
  });

  it('shows orders and sales on the customer timeline, moves them on a merge and anonymises them on erasure', async () => {
    const duplicate = await signUpCustomer(sut, apiKey);
    const survivor = await signUpCustomer(sut, apiKey);
    const online = await sut.ok<{ placePickupOrder: OrderData }>(
      ORDER_DOCUMENTS.placePickupOrder,
      { input: pickupOrderInput(store.id, [{ sku: cap.sku, quantity: 1 }], { contact: { email: duplicate.email, phone: '+49 30 999999', name: 'Dup Licate' } }) },
      { token: duplicate.token },
    );
    const sale = await sell(saleInput([{ sku: cap.sku, quantity: 1 }], [{ method: 'CASH', amount: 1000 }], { customerIdentifier: duplicate.email }));

    const timeline = await sut.ok<{ customerTimeline: { items: { kind: string; channel: string; summary: string; referenceId: string }[] } }>(TIMELINE, { id: duplicate.id }, { token: supportToken });
    expect(timeline.customerTimeline.items).toEqual(expect.arrayContaining([
      expect.objectContaining({ kind: 'ORDER_PLACED', channel: 'ONLINE', referenceId: online.placePickupOrder.id, summary: expect.stringContaining(online.placePickupOrder.number) }),
      expect.objectContaining({ kind: 'POS_SALE', channel: 'POS', referenceId: sale.order.id, summary: expect.stringContaining('10.00 EUR') }),
    ]));
    const exported = await sut.ok<{ exportCustomerData: string }>(EXPORT, { id: duplicate.id }, { token: supportToken });
    expect(JSON.stringify(JSON.parse(exported.exportCustomerData))).toContain(online.placePickupOrder.number);

    await sut.ok(MERGE, { survivorId: survivor.id, mergedId: duplicate.id }, { token: supportToken });
    expect(await sut.count('"order"', 'customer_id = $1', [duplicate.id])).toBe(0);
    expect(await sut.count('"order"', 'customer_id = $1', [survivor.id])).toBe(2);

    await sut.ok(ERASE, { id: survivor.id }, { token: supportToken });
    const [row] = await sut.query<{ guest_email: string | null; guest_phone: string | null; contact_name: string | null; total_amount: number }>(
      'SELECT guest_email, guest_phone, contact_name, total_amount FROM "order" WHERE id = $1',
      [online.placePickupOrder.id],
    );
    expect(row).toEqual({ guest_email: null, guest_phone: null, contact_name: null, total_amount: 1000 });
  });
});
