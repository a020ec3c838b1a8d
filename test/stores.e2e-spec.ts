import { createStaff, createStore, registerTerminal, storeInput, TestApp } from '@omnitill/testing';

const CREATE_STORE = `mutation($input: CreateStoreInput!) {
  createStore(input: $input) {
    __typename
    ... on Store { id code name address { city countryCode } timezone latitude longitude offersPickup pickupPromiseMinutes holdPeriodDays openingHours { dayOfWeek opens closes } }
    ... on ErrorResult { errorCode message }
  }
}`;

describe('Stores and terminals', () => {
  let sut: TestApp;
  let adminToken: string;

  beforeAll(async () => {
    sut = await TestApp.start();
    adminToken = await sut.bootstrapAdmin();
  });

  afterAll(async () => {
    await sut.close();
  });

  it('an admin creates a store that anyone can then read', async () => {
    const input = storeInput({ code: 'BER-01', name: 'Berlin Mitte', holdPeriodDays: 5 });
    const created = await sut.ok<{ createStore: { __typename: string; id: string; code: string; holdPeriodDays: number } }>(CREATE_STORE, { input }, { token: adminToken });
    expect(created.createStore).toMatchObject({ __typename: 'Store', code: 'BER-01', holdPeriodDays: 5 });

    const read = await sut.ok<{ store: { name: string; address: { city: string }; openingHours: unknown[] } }>(
      'query($id: ID!) { store(id: $id) { name address { city } openingHours { dayOfWeek opens closes } } }',
      { id: created.createStore.id },
    );
    expect(read.store).toEqual({ name: 'Berlin Mitte', address: { city: 'Berlin' }, openingHours: [{ dayOfWeek: 1, opens: '09:00', closes: '18:00' }] });
  });

  it('a duplicate code is a typed error and creates nothing', async () => {
    await createStore(sut, adminToken, { code: 'DUP-01' });
    const before = await sut.count('store');
    const result = await sut.ok<{ createStore: { __typename: string; errorCode: string } }>(CREATE_STORE, { input: storeInput({ code: 'DUP-01' }) }, { token: adminToken });
    expect(result.createStore).toMatchObject({ __typename: 'DuplicateStoreCodeError', errorCode: 'DUPLICATE_STORE_CODE' });
    expect(await sut.count('store')).toBe(before);
  });

  it.each([
    ['a lower-case code', { code: 'bad code' }, 'code'],
    ['an unknown time zone', { timezone: 'Mars/Olympus' }, 'timezone'],
    ['a latitude out of range', { latitude: 123 }, 'latitude'],
    ['an oversized name', { name: 'x'.repeat(10_000) }, 'name'],
    ['a negative hold period', { holdPeriodDays: -1 }, 'holdPeriodDays'],
  ])('rejects %s with BAD_USER_INPUT naming the field, changing nothing', async (_label, override, field) => {
    const before = await sut.count('store');
    const response = await sut.graphql(CREATE_STORE, { input: { ...storeInput(), ...override } }, { token: adminToken });
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].extensions?.fields?.map((f) => f.field)).toContain(field);
    expect(await sut.count('store')).toBe(before);
  });

  it('answers NOT_FOUND for an unknown id and BAD_USER_INPUT for a malformed one', async () => {
    const missing = await sut.graphql('query { store(id: "00000000-0000-4000-8000-000000000000") { id } }');
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const malformed = await sut.graphql('query { store(id: "not-a-uuid") { id } }');
    expect(malformed.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('lists stores with filters, sorting and pagination', async () => {
    await createStore(sut, adminToken, { code: 'LST-A', name: 'Alpha', offersPickup: false });
    await createStore(sut, adminToken, { code: 'LST-B', name: 'Beta', offersPickup: true });
    await createStore(sut, adminToken, { code: 'LST-C', name: 'Gamma', offersPickup: true });
    const page = await sut.ok<{ stores: { items: { code: string }[]; totalCount: number; hasNextPage: boolean } }>(
      'query { stores(search: "LST-", sortBy: NAME, sortDirection: DESC, take: 2) { items { code } totalCount hasNextPage } }',
    );
    expect(page.stores).toEqual({ items: [{ code: 'LST-C' }, { code: 'LST-B' }], totalCount: 3, hasNextPage: true });
    const pickup = await sut.ok<{ stores: { items: { code: string }[] } }>('query { stores(search: "LST-", offersPickup: true) { items { code } } }');
    expect(pickup.stores.items.map((s) => s.code)).toEqual(['LST-B', 'LST-C']);
    const tooMany = await sut.graphql('query { stores(take: 1000) { totalCount } }');
    expect(tooMany.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it("a store manager updates their own store but not another one", async () => {
    const own = await createStore(sut, adminToken);
    const other = await createStore(sut, adminToken);
    const manager = await createStaff(sut, adminToken, 'STORE_MANAGER', [own.id]);
    const token = await sut.login(manager.email, manager.password);
    const UPDATE = 'mutation($id: ID!, $input: UpdateStoreInput!) { updateStore(id: $id, input: $input) { ... on Store { pickupPromiseMinutes } } }';

    const updated = await sut.ok<{ updateStore: { pickupPromiseMinutes: number } }>(UPDATE, { id: own.id, input: { pickupPromiseMinutes: 45 } }, { token });
    expect(updated.updateStore.pickupPromiseMinutes).toBe(45);

    const refused = await sut.graphql(UPDATE, { id: other.id, input: { pickupPromiseMinutes: 45 } }, { token });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const [row] = await sut.query<{ pickup_promise_minutes: number }>('SELECT pickup_promise_minutes FROM store WHERE id = $1', [other.id]);
    expect(row.pickup_promise_minutes).toBe(120);
  });

  it('registers a terminal whose key is stored only as a hash, and revokes it', async () => {
    const store = await createStore(sut, adminToken);
    const terminal = await registerTerminal(sut, adminToken, store.id);
    expect(terminal.key).toMatch(/^term_/);
    const [row] = await sut.query<{ key_hash: string }>('SELECT key_hash FROM terminal WHERE id = $1', [terminal.id]);
    expect(row.key_hash).not.toContain(terminal.key);
    expect(row.key_hash).toHaveLength(64);

    const listed = await sut.ok<{ terminals: { id: string; active: boolean }[] }>('query($s: ID!) { terminals(storeId: $s) { id active } }', { s: store.id }, { token: adminToken });
    expect(listed.terminals).toEqual([{ id: terminal.id, active: true }]);

    await sut.ok('mutation($id: ID!) { revokeTerminal(id: $id) { active } }', { id: terminal.id }, { token: adminToken });
    const cashier = await createStaff(sut, adminToken, 'CASHIER', [store.id]);
    const login = await sut.ok<{ terminalLogin: { __typename: string } }>(
      'mutation($input: LoginInput!) { terminalLogin(input: $input) { __typename } }',
      { input: { email: cashier.email, password: cashier.password } },
      { terminalKey: terminal.key },
    );
    expect(login.terminalLogin.__typename).toBe('InvalidTerminalKeyError');
  });
});
