import { FakeClock } from '@omnitill/common';
import { createStaff, createStore, createStorefrontKey, registerTerminal, TestApp } from '@omnitill/testing';

const LOGIN = `mutation($input: LoginInput!) {
  login(input: $input) {
    __typename
    ... on StaffSession { token expiresAt user { email role storeIds } terminalId storeId }
    ... on LoginThrottledError { retryAfterSeconds }
    ... on ErrorResult { errorCode message }
  }
}`;
const TERMINAL_LOGIN = LOGIN.replace('login(input', 'terminalLogin(input');
const UPDATE_STORE = 'mutation($id: ID!, $input: UpdateStoreInput!) { updateStore(id: $id, input: $input) { __typename } }';
const REGISTER_TERMINAL = 'mutation($input: RegisterTerminalInput!) { registerTerminal(input: $input) { terminalKey } }';

describe('Access: actors, roles and store scoping', () => {
  const clock = new FakeClock();
  let sut: TestApp;
  let adminToken: string;
  let storeA: { id: string };
  let storeB: { id: string };
  let terminalA: { id: string; key: string };
  let cashierA: { email: string; password: string };
  let managerA: { email: string; password: string };

  beforeAll(async () => {
    sut = await TestApp.start({ clock, env: { LOGIN_MAX_FAILURES: '3', AUTH_TOKEN_TTL_SECONDS: '3600' } });
    adminToken = await sut.bootstrapAdmin();
    storeA = await createStore(sut, adminToken);
    storeB = await createStore(sut, adminToken);
    terminalA = await registerTerminal(sut, adminToken, storeA.id);
    cashierA = await createStaff(sut, adminToken, 'CASHIER', [storeA.id]);
    managerA = await createStaff(sut, adminToken, 'STORE_MANAGER', [storeA.id]);
  });

  afterAll(async () => {
    await sut.close();
  });

  // Some tests move the clock past the session lifetime: start each test with a fresh admin session.
  beforeEach(async () => {
    adminToken = await sut.login('root@test.local', 'root-password-123');
  });

  describe('login', () => {
    it('issues a session with the user, role and stores, and records the attempt', async () => {
      const data = await sut.ok<{ login: { __typename: string; token: string; user: { role: string; storeIds: string[] }; terminalId: string | null } }>(
        LOGIN, { input: { email: cashierA.email.toUpperCase(), password: cashierA.password } },
      );
      expect(data.login).toMatchObject({ __typename: 'StaffSession', user: { role: 'CASHIER', storeIds: [storeA.id] }, terminalId: null });
      const me = await sut.ok<{ me: { email: string } }>('query { me { email } }', {}, { token: data.login.token });
      expect(me.me.email).toBe(cashierA.email);
      expect(await sut.count('login_attempt', 'email = $1 AND succeeded', [cashierA.email])).toBeGreaterThan(0);
    });

    it('answers the same typed error for a wrong password and an unknown email', async () => {
      const wrong = await sut.ok<{ login: { __typename: string } }>(LOGIN, { input: { email: managerA.email, password: 'nope-nope-nope' } });
      const unknown = await sut.ok<{ login: { __typename: string } }>(LOGIN, { input: { email: 'ghost@test.local', password: 'nope-nope-nope' } });
      expect(wrong.login.__typename).toBe('InvalidCredentialsError');
      expect(unknown.login.__typename).toBe('InvalidCredentialsError');
    });

    it('throttles an email after repeated failures, even with the right password, until the window passes', async () => {
      const victim = await createStaff(sut, adminToken, 'CASHIER', [storeA.id]);
      for (let i = 0; i < 3; i++) {
        await sut.ok(LOGIN, { input: { email: victim.email, password: 'wrong-password' } });
      }
      const throttled = await sut.ok<{ login: { __typename: string; retryAfterSeconds: number } }>(LOGIN, { input: { email: victim.email, password: victim.password } });
      expect(throttled.login.__typename).toBe('LoginThrottledError');
      expect(throttled.login.retryAfterSeconds).toBeGreaterThan(0);

      clock.advance(16 * 60 * 1000);
      const later = await sut.ok<{ login: { __typename: string } }>(LOGIN, { input: { email: victim.email, password: victim.password } });
      expect(later.login.__typename).toBe('StaffSession');
    });

    it('rejects expired, forged and malformed tokens as UNAUTHENTICATED', async () => {
      const token = await sut.login(managerA.email, managerA.password);
      const [body, signature] = token.split('.');
      const forged = `${Buffer.from(JSON.stringify({ k: 'staff', sub: 'x', role: 'ADMIN', stores: [], exp: 9e9 })).toString('base64url')}.${signature}`;
      for (const bad of [forged, `${body}.AAAA`, 'garbage']) {
        const response = await sut.graphql('query { me { email } }', {}, { token: bad });
        expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      }
      clock.advance(3601 * 1000);
      const expired = await sut.graphql('query { me { email } }', {}, { token });
      expect(expired.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('terminals', () => {
    it("binds a cashier's session to the terminal's store", async () => {
      const data = await sut.ok<{ terminalLogin: { __typename: string; terminalId: string; storeId: string } }>(
        TERMINAL_LOGIN, { input: { email: cashierA.email, password: cashierA.password } }, { terminalKey: terminalA.key },
      );
      expect(data.terminalLogin).toMatchObject({ __typename: 'StaffSession', terminalId: terminalA.id, storeId: storeA.id });
    });

    it("refuses staff who do not belong to the terminal's store, and unknown keys", async () => {
      const cashierB = await createStaff(sut, adminToken, 'CASHIER', [storeB.id]);
      const notMember = await sut.ok<{ terminalLogin: { __typename: string } }>(
        TERMINAL_LOGIN, { input: { email: cashierB.email, password: cashierB.password } }, { terminalKey: terminalA.key },
      );
      expect(notMember.terminalLogin.__typename).toBe('NotStoreMemberError');
      const badKey = await sut.ok<{ terminalLogin: { __typename: string } }>(
        TERMINAL_LOGIN, { input: { email: cashierA.email, password: cashierA.password } }, { terminalKey: 'term_forged' },
      );
      expect(badKey.terminalLogin.__typename).toBe('InvalidTerminalKeyError');
    });

    it("a manager of both stores, logged in on store A's till, cannot act on store B", async () => {
      const managerAB = await createStaff(sut, adminToken, 'STORE_MANAGER', [storeA.id, storeB.id]);
      const tillToken = await sut.login(managerAB.email, managerAB.password, terminalA.key);
      const onA = await sut.graphql(REGISTER_TERMINAL, { input: { storeId: storeA.id, name: 'till 2' } }, { token: tillToken });
      expect(onA.errors).toBeUndefined();
      const onB = await sut.graphql(REGISTER_TERMINAL, { input: { storeId: storeB.id, name: 'till 2' } }, { token: tillToken });
      expect(onB.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });
  });

  describe('roles and store scoping', () => {
    it('a manager of store A cannot act on store B, and nothing changes', async () => {
      const token = await sut.login(managerA.email, managerA.password);
      const before = await sut.count('terminal', 'store_id = $1', [storeB.id]);
      const response = await sut.graphql(REGISTER_TERMINAL, { input: { storeId: storeB.id, name: 'rogue' } }, { token });
      expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(await sut.count('terminal', 'store_id = $1', [storeB.id])).toBe(before);
    });

    it('a cashier cannot do manager or admin work', async () => {
      const token = await sut.login(cashierA.email, cashierA.password);
      for (const [query, variables] of [
        [REGISTER_TERMINAL, { input: { storeId: storeA.id, name: 'x' } }],
        [UPDATE_STORE, { id: storeA.id, input: { name: 'Renamed' } }],
        ['query { staffUsers { totalCount } }', {}],
      ] as const) {
        const response = await sut.graphql(query, variables, { token });
        expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      }
    });

    it('a storefront key reads public data but never reaches staff operations', async () => {
      const apiKey = await createStorefrontKey(sut, adminToken);
      const stores = await sut.graphql('query { stores { totalCount } }', {}, { apiKey });
      expect(stores.errors).toBeUndefined();
      for (const [query, variables] of [
        [REGISTER_TERMINAL, { input: { storeId: storeA.id, name: 'x' } }],
        ['query { me { email } }', {}],
        ['query { staffUsers { totalCount } }', {}],
        ['query($s: ID!) { terminals(storeId: $s) { id } }', { s: storeA.id }],
      ] as const) {
        const response = await sut.graphql(query, variables, { apiKey });
        expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      }
    });

    it('a revoked or unknown storefront key is UNAUTHENTICATED', async () => {
      const unknown = await sut.graphql('query { stores { totalCount } }', {}, { apiKey: 'sf_unknown' });
      expect(unknown.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      const created = await sut.ok<{ createStorefrontApiKey: { key: string; apiKey: { id: string } } }>(
        'mutation { createStorefrontApiKey(input: { name: "temp" }) { key apiKey { id } } }', {}, { token: adminToken },
      );
      await sut.ok('mutation($id: ID!) { revokeStorefrontApiKey(id: $id) { active } }', { id: created.createStorefrontApiKey.apiKey.id }, { token: adminToken });
      const revoked = await sut.graphql('query { stores { totalCount } }', {}, { apiKey: created.createStorefrontApiKey.key });
      expect(revoked.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('an anonymous caller gets public reads only', async () => {
      expect((await sut.graphql('query { stores { totalCount } }')).errors).toBeUndefined();
      for (const query of ['query { me { email } }', 'query { staffUsers { totalCount } }', 'mutation { createStorefrontApiKey(input: {name: "x"}) { key } }']) {
        const response = await sut.graphql(query);
        expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      }
    });

    it('only admins manage staff; a duplicate email is a typed error', async () => {
      const input = { email: 'dup@test.local', name: 'Dup', password: 'long-enough-pw', role: 'CASHIER', storeIds: [storeA.id] };
      const CREATE = 'mutation($input: CreateStaffUserInput!) { createStaffUser(input: $input) { __typename ... on ErrorResult { errorCode } } }';
      expect((await sut.ok<{ createStaffUser: { __typename: string } }>(CREATE, { input }, { token: adminToken })).createStaffUser.__typename).toBe('StaffUser');
      const again = await sut.ok<{ createStaffUser: { __typename: string; errorCode: string } }>(CREATE, { input: { ...input, email: 'DUP@test.local' } }, { token: adminToken });
      expect(again.createStaffUser).toEqual({ __typename: 'DuplicateEmailError', errorCode: 'DUPLICATE_EMAIL' });
      const weak = await sut.graphql(CREATE, { input: { ...input, email: 'weak@test.local', password: 'short' } }, { token: adminToken });
      expect(weak.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(await sut.count('staff_user', "email IN ('dup@test.local', 'weak@test.local')")).toBe(1);
    });
  });
});

describe('Hardening of the GraphQL endpoint', () => {
  let sut: TestApp;

  beforeAll(async () => {
    sut = await TestApp.start({ env: { GRAPHQL_MAX_DEPTH: '6', GRAPHQL_MAX_FIELDS: '50', BODY_LIMIT_BYTES: '20000' } });
  });

  afterAll(async () => {
    await sut.close();
  });

  it('rejects queries deeper than the limit', async () => {
    const response = await sut.graphql('query { stores { items { address { city } openingHours { dayOfWeek } } } }');
    expect(response.errors).toBeUndefined();
    const deep = await sut.graphql('query { __schema { types { fields { type { ofType { ofType { ofType { name } } } } } } } }');
    expect(deep.status).toBe(400);
    expect(deep.errors?.[0].extensions?.code).toBe('QUERY_TOO_DEEP');
  });

  it('rejects operations selecting too many fields, fragments included', async () => {
    const aliases = Array.from({ length: 60 }, (_, i) => `s${i}: stores { totalCount }`).join(' ');
    const response = await sut.graphql(`query { ${aliases} }`);
    expect(response.status).toBe(400);
    expect(response.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('rejects batched queries and oversized bodies', async () => {
    const batch = await sut.http().post('/graphql').send([{ query: '{ stores { totalCount } }' }, { query: '{ stores { totalCount } }' }]);
    expect(batch.status).toBeGreaterThanOrEqual(400);
    const huge = await sut.http().post('/graphql').send({ query: `query { stores(search: "${'x'.repeat(30_000)}") { totalCount } }` });
    expect(huge.status).toBe(413);
  });

  it('answers syntax errors and unknown fields with a 400 and a code, never a stack trace', async () => {
    const syntax = await sut.graphql('query { stores { ');
    expect(syntax.status).toBe(400);
    expect(syntax.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const unknown = await sut.graphql('query { storez { id } }');
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.errors)).not.toMatch(/at .*\.js|node_modules|stack/);
  });

  it('gives every response a request id, echoing a valid one from the caller', async () => {
    const response = await sut.http().post('/graphql').set('x-request-id', 'till-42-abc').send({ query: '{ stores { totalCount } }' });
    expect(response.headers['x-request-id']).toBe('till-42-abc');
    const generated = await sut.http().post('/graphql').send({ query: '{ stores { totalCount } }' });
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('reports liveness and readiness', async () => {
    expect((await sut.http().get('/health/live')).body).toEqual({ status: 'ok' });
    expect((await sut.http().get('/health/ready')).body).toEqual({ status: 'ok', database: 'up' });
  });
});
