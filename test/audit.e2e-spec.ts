import { FakeClock } from '@omnitill/common';
import {
  createSellableVariants, createStaff, createStorefrontKey, createStoreWithStaff, ORDER_DOCUMENTS, OrderData, posSale, returnInput, returnItems,
  SellableVariant, signUpCustomer, StoreWithStaff, stockUp, TestApp, tillLogin,
} from '@omnitill/testing';

interface AuditEntryData {
  id: string;
  occurredAt: string;
  action: string;
  actorId: string | null;
  actorLabel: string;
  actorRole: string | null;
  terminalId: string | null;
  channel: string;
  storeId: string | null;
  subjectType: string;
  subjectId: string;
  before: string | null;
  after: string | null;
  reason: string | null;
}

interface AuditPage {
  totalCount: number;
  hasNextPage: boolean;
  items: AuditEntryData[];
}

const AUDIT_TRAIL = `query($storeId: ID, $action: AuditAction, $actorId: String, $subjectId: String, $from: DateTime, $skip: Int, $take: Int) {
  auditTrail(storeId: $storeId, action: $action, actorId: $actorId, subjectId: $subjectId, from: $from, skip: $skip, take: $take) {
    totalCount hasNextPage
    items { id occurredAt action actorId actorLabel actorRole terminalId channel storeId subjectType subjectId before after reason }
  }
}`;
const ADJUST = `mutation($input: AdjustStockInput!) { adjustStock(input: $input) { __typename ... on ErrorResult { errorCode } } }`;
const COUNT = `mutation($input: RecordStockCountInput!) { recordStockCount(input: $input) { __typename ... on ErrorResult { errorCode } } }`;
const UPDATE_STAFF = 'mutation($id: ID!, $input: UpdateStaffUserInput!) { updateStaffUser(id: $id, input: $input) { id role active } }';
const REGISTER_TERMINAL = 'mutation($input: RegisterTerminalInput!) { registerTerminal(input: $input) { terminal { id keyPrefix } terminalKey } }';
const ROTATE_TERMINAL = 'mutation($id: ID!) { rotateTerminalKey(id: $id) { terminal { id keyPrefix active } terminalKey } }';
const REVOKE_TERMINAL = 'mutation($id: ID!) { revokeTerminal(id: $id) { id active } }';
const STOREFRONT_KEYS = 'query { storefrontApiKeys { id keyPrefix } }';
const ROTATE_STOREFRONT = 'mutation($id: ID!) { rotateStorefrontApiKey(id: $id) { apiKey { id keyPrefix active } key } }';
const REVOKE_STOREFRONT = 'mutation($id: ID!) { revokeStorefrontApiKey(id: $id) { id active } }';
const TERMINAL_LOGIN = 'mutation($input: LoginInput!) { terminalLogin(input: $input) { __typename } }';
const MERGE = 'mutation($s: ID!, $m: ID!) { mergeCustomers(survivorId: $s, mergedId: $m) { id } }';
const ERASE = 'mutation($id: ID!) { eraseCustomer(customerId: $id) { id erasedAt } }';
const STORES = 'query { stores(take: 1) { totalCount } }';

const DAY = 24 * 3600 * 1000;
const json = (value: string | null): unknown => (value === null ? null : JSON.parse(value));

describe('Audit trail of privileged actions', () => {
  const clock = new FakeClock();
  let sut: TestApp;
  let adminToken: string;
  let adminId: string;
  let mitte: StoreWithStaff;
  let kreuzberg: StoreWithStaff;
  let shoe: SellableVariant;

  const trail = async (variables: Record<string, unknown>, token = adminToken): Promise<AuditPage> =>
    (await sut.ok<{ auditTrail: AuditPage }>(AUDIT_TRAIL, variables, { token })).auditTrail;

  beforeAll(async () => {
    const saved = { ...process.env };
    process.env.ORDER_EXPIRY_INTERVAL_MS = '0';
    process.env.RESERVATION_SWEEP_INTERVAL_MS = '0';
    sut = await TestApp.start({ clock, env: { EVENT_RELAY_ENABLED: 'false' } });
    process.env = saved;
    adminToken = await sut.bootstrapAdmin();
    [{ id: adminId }] = await sut.query<{ id: string }>("SELECT id FROM staff_user WHERE email = 'root@test.local'");
    mitte = await createStoreWithStaff(sut, adminToken);
    kreuzberg = await createStoreWithStaff(sut, adminToken);
    [shoe] = await createSellableVariants(sut, adminToken, [5999]);
    await stockUp(sut, adminToken, mitte.id, [shoe], 20);
    await stockUp(sut, adminToken, kreuzberg.id, [shoe], 20);
  });

  afterAll(async () => {
    await sut.close();
  });

  it('a void, a stock adjustment and a stock count on a till record who, which till, which store, and before/after', async () => {
    const sale = await posSale(sut, mitte, [{ sku: shoe.sku, quantity: 2 }], [{ method: 'CASH', amount: 11998 }], { occurredAt: clock.now().toISOString() });
    const manager = await tillLogin(sut, mitte, 'manager');

    const voided = await sut.ok<{ voidSale: OrderData }>(ORDER_DOCUMENTS.voidSale, { input: { orderId: sale.order.id, reason: 'rang up twice' } }, { token: manager });
    expect(voided.voidSale.state).toBe('VOIDED');
    const adjusted = await sut.ok<{ adjustStock: { __typename: string } }>(ADJUST, {
      input: { storeId: mitte.id, variantId: shoe.id, quantityDelta: -3, reason: 'water damage' },
    }, { token: manager });
    expect(adjusted.adjustStock.__typename).toBe('StockChange');
    const counted = await sut.ok<{ recordStockCount: { __typename: string } }>(COUNT, {
      input: { storeId: mitte.id, lines: [{ variantId: shoe.id, countedQuantity: 15 }] },
    }, { token: manager });
    expect(counted.recordStockCount.__typename).toBe('StockChange');

    // A manager's price override at the till.
    const overridden = await posSale(sut, mitte, [{ sku: shoe.sku, quantity: 1, priceOverride: { unitPriceAmount: 3999, reason: 'damaged box' } }], [{ method: 'CASH', amount: 3999 }], {
      occurredAt: clock.now().toISOString(),
    }, 'manager');

    const page = await trail({ storeId: mitte.id, actorId: mitte.manager.id });
    expect(page.items.map((entry) => entry.action)).toEqual(['PRICE_OVERRIDE', 'STOCK_COUNT', 'STOCK_ADJUSTMENT', 'SALE_VOID']);
    const [override] = page.items.splice(0, 1);
    expect(override).toMatchObject({ subjectType: 'order', subjectId: overridden.order.id, reason: 'damaged box', terminalId: mitte.terminal.id, storeId: mitte.id });
    expect([json(override.before), json(override.after)]).toEqual([
      { currency: 'EUR', lines: [{ sku: shoe.sku, unitPriceAmount: 5999 }] },
      { currency: 'EUR', lines: [{ sku: shoe.sku, unitPriceAmount: 3999, quantity: 1 }] },
    ]);
    for (const entry of page.items) {
      expect(entry).toMatchObject({
        actorId: mitte.manager.id, actorLabel: `staff:${mitte.manager.id}`, actorRole: 'STORE_MANAGER', terminalId: mitte.terminal.id, channel: 'POS', storeId: mitte.id,
      });
    }
    const [count, adjustment, voidEntry] = page.items;
    expect(voidEntry).toMatchObject({ subjectType: 'order', subjectId: sale.order.id, reason: 'rang up twice' });
    expect(json(voidEntry.before)).toEqual({ state: 'COMPLETED', totalAmount: 11998, currency: 'EUR' });
    expect(json(voidEntry.after)).toEqual({ state: 'VOIDED', refundDueAmount: 11998, storeCreditRestored: 0 });
    // 20 received, 2 sold, 2 back on the shelf by the void, 3 written off, then counted 15 (the override sale came after).
    expect(adjustment).toMatchObject({ subjectType: 'variant', subjectId: shoe.id, reason: 'water damage' });
    expect([json(adjustment.before), json(adjustment.after)]).toEqual([{ onHand: { [shoe.id]: 20 } }, { onHand: { [shoe.id]: 17 } }]);
    expect(count.subjectType).toBe('stock_count');
    expect([json(count.before), json(count.after)]).toEqual([
      { onHand: { [shoe.id]: 17 } },
      { onHand: { [shoe.id]: 15 }, counted: [{ variantId: shoe.id, quantity: 15 }] },
    ]);
  });

  it('staff changes, terminal and storefront key issue/rotate/revoke are recorded, and a rotated or revoked key stops working', async () => {
    const cashier = await createStaff(sut, adminToken, 'CASHIER', [mitte.id]);
    await sut.ok(UPDATE_STAFF, { id: cashier.id, input: { role: 'STORE_MANAGER' } }, { token: adminToken });
    await sut.ok(UPDATE_STAFF, { id: cashier.id, input: { active: false } }, { token: adminToken });

    const staffEntries = await trail({ subjectId: cashier.id });
    expect(staffEntries.items.map((entry) => [entry.action, entry.actorId, entry.channel, entry.storeId, entry.terminalId])).toEqual([
      ['STAFF_DEACTIVATED', adminId, 'BACK_OFFICE', null, null],
      ['STAFF_ROLE_CHANGE', adminId, 'BACK_OFFICE', null, null],
      ['STAFF_CREATED', adminId, 'BACK_OFFICE', null, null],
    ]);
    expect(json(staffEntries.items[1].before)).toMatchObject({ role: 'CASHIER', active: true, storeIds: [mitte.id] });
    expect(json(staffEntries.items[1].after)).toMatchObject({ role: 'STORE_MANAGER', active: true, passwordChanged: false });
    expect(json(staffEntries.items[0].after)).toMatchObject({ active: false });
    expect(JSON.stringify(staffEntries.items)).not.toMatch(/scrypt|password-123/);

    const registered = await sut.ok<{ registerTerminal: { terminal: { id: string; keyPrefix: string }; terminalKey: string } }>(
      REGISTER_TERMINAL, { input: { storeId: kreuzberg.id, name: 'till 2' } }, { token: adminToken },
    );
    const terminalId = registered.registerTerminal.terminal.id;
    const rotated = await sut.ok<{ rotateTerminalKey: { terminal: { id: string; keyPrefix: string; active: boolean }; terminalKey: string } }>(
      ROTATE_TERMINAL, { id: terminalId }, { token: adminToken },
    );
    expect(rotated.rotateTerminalKey.terminal).toMatchObject({ id: terminalId, active: true });
    expect(rotated.rotateTerminalKey.terminalKey).not.toBe(registered.registerTerminal.terminalKey);
    const login = { input: { email: kreuzberg.cashier.email, password: kreuzberg.cashier.password } };
    expect((await sut.ok<{ terminalLogin: { __typename: string } }>(TERMINAL_LOGIN, login, { terminalKey: registered.registerTerminal.terminalKey })).terminalLogin.__typename)
      .toBe('InvalidTerminalKeyError');
    expect((await sut.ok<{ terminalLogin: { __typename: string } }>(TERMINAL_LOGIN, login, { terminalKey: rotated.rotateTerminalKey.terminalKey })).terminalLogin.__typename)
      .toBe('StaffSession');
    await sut.ok(REVOKE_TERMINAL, { id: terminalId }, { token: adminToken });
    expect((await sut.ok<{ terminalLogin: { __typename: string } }>(TERMINAL_LOGIN, login, { terminalKey: rotated.rotateTerminalKey.terminalKey })).terminalLogin.__typename)
      .toBe('InvalidTerminalKeyError');
    const terminalEntries = await trail({ subjectId: terminalId });
    expect(terminalEntries.items.map((entry) => [entry.action, entry.storeId])).toEqual([
      ['TERMINAL_KEY_REVOKED', kreuzberg.id], ['TERMINAL_KEY_ROTATED', kreuzberg.id], ['TERMINAL_KEY_ISSUED', kreuzberg.id],
    ]);
    expect(json(terminalEntries.items[1].before)).toEqual({ keyPrefix: registered.registerTerminal.terminal.keyPrefix });
    expect(json(terminalEntries.items[1].after)).toEqual({ keyPrefix: rotated.rotateTerminalKey.terminal.keyPrefix });
    expect(JSON.stringify(terminalEntries.items)).not.toContain(rotated.rotateTerminalKey.terminalKey);

    const oldKey = await createStorefrontKey(sut, adminToken);
    const { storefrontApiKeys } = await sut.ok<{ storefrontApiKeys: { id: string; keyPrefix: string }[] }>(STOREFRONT_KEYS, {}, { token: adminToken });
    const keyId = storefrontApiKeys.find((key) => oldKey.startsWith(key.keyPrefix))?.id ?? '';
    expect((await sut.graphql(STORES, {}, { apiKey: oldKey })).status).toBe(200);
    const rotatedKey = await sut.ok<{ rotateStorefrontApiKey: { key: string } }>(ROTATE_STOREFRONT, { id: keyId }, { token: adminToken });
    const newKey = rotatedKey.rotateStorefrontApiKey.key;
    expect((await sut.graphql(STORES, {}, { apiKey: oldKey })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await sut.graphql(STORES, {}, { apiKey: newKey })).errors).toBeUndefined();
    await sut.ok(REVOKE_STOREFRONT, { id: keyId }, { token: adminToken });
    expect((await sut.graphql(STORES, {}, { apiKey: newKey })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const rotateRevoked = await sut.graphql(ROTATE_STOREFRONT, { id: keyId }, { token: adminToken });
    expect(rotateRevoked.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect((await trail({ subjectId: keyId })).items.map((entry) => entry.action)).toEqual(['API_KEY_REVOKED', 'API_KEY_ROTATED', 'API_KEY_ISSUED']);
  });

  it('customer merges and erasures are recorded by id, without the personal data', async () => {
    const apiKey = await createStorefrontKey(sut, adminToken);
    const survivor = await signUpCustomer(sut, apiKey);
    const duplicate = await signUpCustomer(sut, apiKey);

    await sut.ok(MERGE, { s: survivor.id, m: duplicate.id }, { token: adminToken });
    await sut.ok(ERASE, { id: survivor.id }, { token: adminToken });

    const entries = await trail({ subjectId: survivor.id });
    expect(entries.items.map((entry) => [entry.action, entry.subjectType, entry.actorId])).toEqual([
      ['CUSTOMER_ERASURE', 'customer', adminId], ['CUSTOMER_MERGE', 'customer', adminId],
    ]);
    expect(json(entries.items[0].after)).toEqual({ erasedProfiles: expect.arrayContaining([survivor.id, duplicate.id]) });
    expect(json(entries.items[1].before)).toEqual({ survivorId: survivor.id, mergedId: duplicate.id });
    expect(JSON.stringify(entries.items)).not.toContain(survivor.email);
  });

  it('a late return accepted by a manager records the override and the refund', async () => {
    const sale = await posSale(sut, mitte, [{ sku: shoe.sku, quantity: 1 }], [{ method: 'CASH', amount: 5999 }], { occurredAt: clock.now().toISOString() });
    clock.advance(31 * DAY);
    // Sessions expire with time too.
    adminToken = await sut.login('root@test.local', 'root-password-123');
    const manager = await tillLogin(sut, kreuzberg, 'manager');

    const accepted = await returnItems(sut, manager, {
      ...returnInput(sale.order, [{ orderLineId: sale.order.lines[0].id, quantity: 1 }]), managerOverrideReason: 'Customer was abroad',
    });
    expect(accepted.__typename).toBe('Return');

    const entries = await trail({ subjectId: accepted.id });
    expect(entries.items.map((entry) => entry.action).sort()).toEqual(['REFUND', 'RETURN_WINDOW_OVERRIDE']);
    const override = entries.items.find((entry) => entry.action === 'RETURN_WINDOW_OVERRIDE');
    const refund = entries.items.find((entry) => entry.action === 'REFUND');
    expect(override).toMatchObject({ actorId: kreuzberg.manager.id, terminalId: kreuzberg.terminal.id, storeId: kreuzberg.id, reason: 'Customer was abroad' });
    expect(json(override?.before ?? null)).toMatchObject({ orderId: sale.order.id });
    expect(refund).toMatchObject({ actorId: kreuzberg.manager.id, storeId: kreuzberg.id, subjectType: 'return' });
    expect(json(refund?.after ?? null)).toEqual({
      returnNumber: `${sale.order.number}-R1`, orderId: sale.order.id, currency: 'EUR', amount: 5999,
      refunds: [{ method: 'ORIGINAL_TENDER', tender: 'CASH', amount: 5999, state: 'COMPLETED' }],
    });
  });

  it('admins page through everything; a manager reads only their stores; cashiers and support agents cannot read it', async () => {
    const all = await trail({ take: 100 });
    const firstPage = await trail({ take: 2 });
    const secondPage = await trail({ take: 2, skip: 2 });
    expect(firstPage).toMatchObject({ totalCount: all.totalCount, hasNextPage: true });
    expect([...firstPage.items, ...secondPage.items].map((entry) => entry.id)).toEqual(all.items.slice(0, 4).map((entry) => entry.id));
    const times = all.items.map((entry) => Date.parse(entry.occurredAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect((await trail({ action: 'SALE_VOID' })).totalCount).toBe(1);
    expect((await trail({ from: new Date(clock.now().getTime() + 1000).toISOString() })).totalCount).toBe(0);

    const mitteManager = await sut.login(mitte.manager.email, mitte.manager.password);
    const own = await trail({ take: 100 }, mitteManager);
    expect(own.totalCount).toBe(all.items.filter((entry) => entry.storeId === mitte.id).length);
    expect(own.totalCount).toBeGreaterThanOrEqual(3);
    expect(own.items.every((entry) => entry.storeId === mitte.id)).toBe(true);
    const foreign = await sut.graphql(AUDIT_TRAIL, { storeId: kreuzberg.id }, { token: mitteManager });
    expect(foreign.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const cashier = await tillLogin(sut, mitte);
    const support = await createStaff(sut, adminToken, 'SUPPORT_AGENT', []);
    for (const token of [cashier, await sut.login(support.email, support.password)]) {
      const refused = await sut.graphql(AUDIT_TRAIL, {}, { token });
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(refused.data).toBeNull();
    }
  });

  it('nobody can edit or delete an entry, not even with SQL through the application database user', async () => {
    const before = await sut.query<{ id: string; action: string }>('SELECT id, action FROM audit_entry ORDER BY id');
    expect(before.length).toBeGreaterThan(10);

    await expect(sut.query("UPDATE audit_entry SET action = 'STAFF_UPDATED' WHERE action = 'SALE_VOID'")).rejects.toThrow(/append-only/);
    await expect(sut.query('DELETE FROM audit_entry')).rejects.toThrow(/append-only/);
    await expect(sut.query('TRUNCATE audit_entry')).rejects.toThrow(/append-only/);

    expect(await sut.query('SELECT id, action FROM audit_entry ORDER BY id')).toEqual(before);
  });
});
