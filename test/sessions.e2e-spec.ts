import { createStaff, createStoreWithStaff, StoreWithStaff, TestApp, tillLogin } from '@omnitill/testing';

const ME = 'query { me { id role } }';
const UPDATE_STAFF = 'mutation($id: ID!, $input: UpdateStaffUserInput!) { updateStaffUser(id: $id, input: $input) { id role active } }';
const ROTATE_TERMINAL = 'mutation($id: ID!) { rotateTerminalKey(id: $id) { terminal { id } terminalKey } }';
const REVOKE_TERMINAL = 'mutation($id: ID!) { revokeTerminal(id: $id) { id active } }';

/** Signed session tokens end early when what they were issued for changes (AUTH_SESSION_CHECK_SECONDS=0: no caching). */
describe('Staff sessions end when their account, terminal or key changes', () => {
  let sut: TestApp;
  let adminToken: string;

  const whoAmI = async (token: string) => {
    const response = await sut.graphql<{ me: { id: string } }>(ME, {}, { token });
    return response.data?.me ? 'OK' : response.errors?.[0]?.extensions?.code;
  };

  beforeAll(async () => {
    sut = await TestApp.start({ env: { EVENT_RELAY_ENABLED: 'false', AUTH_SESSION_CHECK_SECONDS: '0' } });
    adminToken = await sut.bootstrapAdmin();
  });

  afterAll(async () => {
    await sut.close();
  });

  it("rotating a terminal's key ends the sessions opened with the old key; the new key signs in", async () => {
    const store: StoreWithStaff = await createStoreWithStaff(sut, adminToken);
    const before = await tillLogin(sut, store);
    const other = await createStoreWithStaff(sut, adminToken);
    const otherTill = await tillLogin(sut, other);
    expect(await whoAmI(before)).toBe('OK');
    // Tokens carry whole seconds: let the rotation fall in a later second than the session.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const rotated = await sut.ok<{ rotateTerminalKey: { terminalKey: string } }>(ROTATE_TERMINAL, { id: store.terminal.id }, { token: adminToken });
    expect(await whoAmI(before)).toBe('UNAUTHENTICATED');
    expect(await whoAmI(otherTill)).toBe('OK');
    const after = await sut.login(store.cashier.email, store.cashier.password, rotated.rotateTerminalKey.terminalKey);
    expect(await whoAmI(after)).toBe('OK');
    await sut.ok(REVOKE_TERMINAL, { id: store.terminal.id }, { token: adminToken });
    expect(await whoAmI(after)).toBe('UNAUTHENTICATED');
    // The same cashier's session without a terminal is not the terminal's.
    expect(await whoAmI(await sut.login(store.cashier.email, store.cashier.password))).toBe('OK');
  });

  it("changing a staff member's role or stores, or deactivating them, ends their sessions", async () => {
    const store = await createStoreWithStaff(sut, adminToken);
    const second = await createStoreWithStaff(sut, adminToken);
    const staff = await createStaff(sut, adminToken, 'CASHIER', [store.id]);
    const first = await sut.login(staff.email, staff.password);
    expect(await whoAmI(first)).toBe('OK');
    await sut.ok(UPDATE_STAFF, { id: staff.id, input: { role: 'STORE_MANAGER' } }, { token: adminToken });
    expect(await whoAmI(first)).toBe('UNAUTHENTICATED');
    const promoted = await sut.login(staff.email, staff.password);
    expect(await whoAmI(promoted)).toBe('OK');
    await sut.ok(UPDATE_STAFF, { id: staff.id, input: { storeIds: [store.id, second.id] } }, { token: adminToken });
    expect(await whoAmI(promoted)).toBe('UNAUTHENTICATED');
    const widened = await sut.login(staff.email, staff.password);
    // A change of name does not end anything.
    await sut.ok(UPDATE_STAFF, { id: staff.id, input: { name: 'Renamed' } }, { token: adminToken });
    expect(await whoAmI(widened)).toBe('OK');
    await sut.ok(UPDATE_STAFF, { id: staff.id, input: { active: false } }, { token: adminToken });
    expect(await whoAmI(widened)).toBe('UNAUTHENTICATED');
    // Nobody else was signed out.
    expect(await whoAmI(await tillLogin(sut, store))).toBe('OK');
  });
});
