import { CustomerConsentEntity, CustomerEntity } from '@omnitill/customer';
import {
  createStaff, createStore, createStorefrontKey, decodeQrPng, readBothWays, registerTerminal, signUpCustomer, SignedUpCustomer, TestApp, unique,
} from '@omnitill/testing';

const CUSTOMER_FIELDS = `id email emailVerified phone firstName lastName loyaltyNumber hasOnlineAccount createdChannel
  consents { purpose granted channel } mergedIntoId erasedAt`;

const SIGN_UP = `mutation($input: CustomerSignUpInput!) {
  customerSignUp(input: $input) {
    __typename
    ... on CustomerSession { token expiresAt emailVerificationToken customer { ${CUSTOMER_FIELDS} } }
    ... on EmailTakenError { email }
    ... on PhoneTakenError { phone }
    ... on ErrorResult { errorCode }
  }
}`;
const SIGN_IN = `mutation($input: CustomerSignInInput!) {
  customerSignIn(input: $input) { __typename ... on CustomerSession { token customer { id } } ... on ErrorResult { errorCode } }
}`;
const VERIFY = 'mutation($token: String!) { verifyCustomerEmail(token: $token) { __typename ... on Customer { emailVerified } ... on ErrorResult { errorCode } } }';
const MY_PROFILE = `query { myProfile { ${CUSTOMER_FIELDS} } }`;
const MY_QR = 'query { myQrCode { token svg pngBase64 } }';
const UPDATE_CONSENTS = `mutation($input: UpdateMyConsentsInput!) { updateMyConsents(input: $input) { consents { purpose granted channel } } }`;
const IDENTIFY = `query($identifier: String!, $cc: String) {
  identifyCustomer(identifier: $identifier, phoneCountryCode: $cc) { __typename ... on Customer { id email } ... on ErrorResult { errorCode } }
}`;
const AT_TILL = `mutation($input: CreateCustomerAtTillInput!) {
  createCustomerAtTill(input: $input) { __typename ... on Customer { ${CUSTOMER_FIELDS} } ... on ErrorResult { errorCode } }
}`;
const CUSTOMERS = 'query($search: String) { customers(search: $search) { totalCount items { id } } }';
const CUSTOMER = `query($id: ID!) { customer(id: $id) { ${CUSTOMER_FIELDS} } }`;
const MERGE = 'mutation($s: ID!, $m: ID!) { mergeCustomers(survivorId: $s, mergedId: $m) { id phone consents { purpose granted } } }';
const MERGES = 'query($id: ID!) { customerMerges(customerId: $id) { survivorId mergedId mergedBy moved { participant count } } }';
const EXPORT = 'query($id: ID!) { exportCustomerData(customerId: $id) }';
const ERASE = `mutation($id: ID!) { eraseCustomer(customerId: $id) { ${CUSTOMER_FIELDS} } }`;
const TIMELINE = `query($id: ID!, $skip: Int, $take: Int) {
  customerTimeline(customerId: $id, skip: $skip, take: $take) { totalCount hasNextPage items { kind channel summary occurredAt } }
}`;

interface Profile {
  id: string;
  email: string | null;
  emailVerified: boolean;
  phone: string | null;
  firstName: string | null;
  lastName: string | null;
  loyaltyNumber: string | null;
  hasOnlineAccount: boolean;
  createdChannel: string;
  consents: { purpose: string; granted: boolean; channel: string }[];
  mergedIntoId: string | null;
  erasedAt: string | null;
}

function signUpInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { email: `new-${unique()}@test.local`.toLowerCase(), password: 'long-enough-pw', firstName: 'Nora', lastName: 'New', ...overrides };
}

describe('Customers across channels', () => {
  let sut: TestApp;
  let adminToken: string;
  let apiKey: string;
  let tillToken: string;
  let supportToken: string;

  beforeAll(async () => {
    sut = await TestApp.start();
    adminToken = await sut.bootstrapAdmin();
    apiKey = await createStorefrontKey(sut, adminToken);
    const store = await createStore(sut, adminToken);
    const terminal = await registerTerminal(sut, adminToken, store.id);
    const cashier = await createStaff(sut, adminToken, 'CASHIER', [store.id]);
    tillToken = await sut.login(cashier.email, cashier.password, terminal.key);
    const agent = await createStaff(sut, adminToken, 'SUPPORT_AGENT', []);
    supportToken = await sut.login(agent.email, agent.password);
  });

  afterAll(async () => {
    await sut.close();
  });

  describe('storefront accounts', () => {
    it('signs up with a normalised email and phone, an unverified email, a loyalty number and the consent given', async () => {
      const email = `Mixed.Case-${unique()}@Test.Local`;
      const data = await sut.ok<{ customerSignUp: { __typename: string; token: string; emailVerificationToken: string; customer: Profile } }>(
        SIGN_UP, { input: signUpInput({ email: `  ${email} `, phone: '0170 555 12 34', marketingEmailConsent: true }) }, { apiKey },
      );
      const { customer, token, emailVerificationToken } = data.customerSignUp;
      expect(customer).toMatchObject({
        email: email.toLowerCase(), emailVerified: false, phone: '+491705551234', hasOnlineAccount: true, createdChannel: 'ONLINE',
        consents: [{ purpose: 'EMAIL_MARKETING', granted: true, channel: 'ONLINE' }],
      });
      expect(customer.loyaltyNumber).toMatch(/^OT\d{11}$/);
      const [row] = await sut.query<{ password_hash: string }>('SELECT password_hash FROM customer WHERE id = $1', [customer.id]);
      expect(row.password_hash).toMatch(/^scrypt\$/);

      const me = await sut.ok<{ myProfile: Profile }>(MY_PROFILE, {}, { token });
      expect(me.myProfile.id).toBe(customer.id);

      const verified = await sut.ok<{ verifyCustomerEmail: { __typename: string; emailVerified: boolean } }>(VERIFY, { token: emailVerificationToken }, { apiKey });
      expect(verified.verifyCustomerEmail).toEqual({ __typename: 'Customer', emailVerified: true });
      const forged = `${emailVerificationToken.split('.')[0]}.${'A'.repeat(43)}`;
      for (const bad of [forged, 'garbage', emailVerificationToken.replace('.', 'x.')]) {
        const answer = await sut.ok<{ verifyCustomerEmail: { errorCode: string } }>(VERIFY, { token: bad }, { apiKey });
        expect(answer.verifyCustomerEmail.errorCode).toBe('INVALID_EMAIL_VERIFICATION_TOKEN');
      }
    });

    it('refuses a taken email (any case) or phone with a typed error, creating nothing', async () => {
      const first = await signUpCustomer(sut, apiKey, { phone: '+49 171 0000001' });
      const before = await sut.count('customer');
      const sameEmail = await sut.ok<{ customerSignUp: { __typename: string; email: string } }>(SIGN_UP, { input: signUpInput({ email: first.email.toUpperCase() }) }, { apiKey });
      expect(sameEmail.customerSignUp).toEqual({ __typename: 'EmailTakenError', email: first.email, errorCode: 'EMAIL_TAKEN' });
      const samePhone = await sut.ok<{ customerSignUp: { __typename: string; phone: string } }>(SIGN_UP, { input: signUpInput({ phone: '01710000001' }) }, { apiKey });
      expect(samePhone.customerSignUp).toEqual({ __typename: 'PhoneTakenError', phone: '+491710000001', errorCode: 'PHONE_TAKEN' });
      expect(await sut.count('customer')).toBe(before);
      expect(await sut.count('customer_consent')).toBeGreaterThan(0);
    });

    it.each([
      ['a malformed email', { email: 'not-an-email' }, 'email'],
      ['a short password', { password: 'short' }, 'password'],
      ['a junk phone number', { phone: 'call me maybe' }, 'phone'],
      ['an oversized name', { firstName: 'x'.repeat(5000) }, 'firstName'],
      ['a malformed calling code', { phone: '0170 1234567', phoneCountryCode: '49' }, 'phoneCountryCode'],
    ])('rejects %s with BAD_USER_INPUT, creating nothing', async (_label, override, field) => {
      const before = await sut.count('customer');
      const response = await sut.graphql(SIGN_UP, { input: signUpInput(override) }, { apiKey });
      expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0].extensions?.fields?.map((f) => f.field)).toContain(field);
      expect(await sut.count('customer')).toBe(before);
    });

    it('signs in with the right password only, answering one typed error otherwise', async () => {
      const customer = await signUpCustomer(sut, apiKey);
      const ok = await sut.ok<{ customerSignIn: { __typename: string; token: string; customer: { id: string } } }>(
        SIGN_IN, { input: { email: customer.email.toUpperCase(), password: customer.password } }, { apiKey },
      );
      expect(ok.customerSignIn).toMatchObject({ __typename: 'CustomerSession', customer: { id: customer.id } });
      for (const input of [{ email: customer.email, password: 'wrong-password' }, { email: 'ghost@test.local', password: customer.password }]) {
        const refused = await sut.ok<{ customerSignIn: { __typename: string } }>(SIGN_IN, { input }, { apiKey });
        expect(refused.customerSignIn.__typename).toBe('CustomerInvalidCredentialsError');
      }
    });

    it('throttles an email after 5 failed sign-ins, even with the right password', async () => {
      const customer = await signUpCustomer(sut, apiKey);
      for (let i = 0; i < 5; i++) {
        await sut.ok(SIGN_IN, { input: { email: customer.email, password: `wrong-${i}` } }, { apiKey });
      }
      const throttled = await sut.ok<{ customerSignIn: { __typename: string; retryAfterSeconds: number } }>(
        SIGN_IN.replace('... on ErrorResult', '... on CustomerSignInThrottledError { retryAfterSeconds } ... on ErrorResult'),
        { input: { email: customer.email, password: customer.password } },
        { apiKey },
      );
      expect(throttled.customerSignIn).toMatchObject({ __typename: 'CustomerSignInThrottledError', errorCode: 'CUSTOMER_SIGN_IN_THROTTLED' });
      expect(throttled.customerSignIn.retryAfterSeconds).toBeGreaterThan(800);
      expect(await sut.count('customer_sign_in_attempt', 'email = $1 AND NOT succeeded', [customer.email])).toBe(5);
    });

    it('keeps every consent change as history; the latest is current; repeating a choice records nothing', async () => {
      const customer = await signUpCustomer(sut, apiKey, { marketingEmailConsent: true });
      const changed = await sut.ok<{ updateMyConsents: { consents: { purpose: string; granted: boolean }[] } }>(
        UPDATE_CONSENTS, { input: { emailMarketing: false, smsMarketing: true } }, { token: customer.token },
      );
      expect(changed.updateMyConsents.consents).toEqual([
        { purpose: 'EMAIL_MARKETING', granted: false, channel: 'ONLINE' },
        { purpose: 'SMS_MARKETING', granted: true, channel: 'ONLINE' },
      ]);
      await sut.ok(UPDATE_CONSENTS, { input: { emailMarketing: false } }, { token: customer.token });
      expect(await sut.count('customer_consent', 'customer_id = $1', [customer.id])).toBe(3);
    });
  });

  describe('at the till', () => {
    let customer: SignedUpCustomer;

    beforeAll(async () => {
      customer = await signUpCustomer(sut, apiKey, { phone: '+49 172 7654321' });
    });

    it("gives the customer a personal QR code whose PNG decodes to the token the till resolves", async () => {
      const qr = await sut.ok<{ myQrCode: { token: string; svg: string; pngBase64: string } }>(MY_QR, {}, { token: customer.token });
      expect(qr.myQrCode.svg).toContain('<svg');
      expect(decodeQrPng(qr.myQrCode.pngBase64)).toBe(qr.myQrCode.token);
      const found = await sut.ok<{ identifyCustomer: { __typename: string; id: string } }>(IDENTIFY, { identifier: qr.myQrCode.token }, { token: tillToken });
      expect(found.identifyCustomer).toMatchObject({ __typename: 'Customer', id: customer.id });
    });

    it.each([
      ['its loyalty number, typed in lower case', (c: SignedUpCustomer) => c.loyaltyNumber.toLowerCase()],
      ['its email in another case', (c: SignedUpCustomer) => ` ${c.email.toUpperCase()} `],
      ['its phone in national format', () => '0172 765 43 21'],
      ['its phone with 0049', () => '0049 172 7654321'],
    ])('identifies the customer by %s', async (_label, identifierOf) => {
      const found = await sut.ok<{ identifyCustomer: { id: string } }>(IDENTIFY, { identifier: identifierOf(customer) }, { token: tillToken });
      expect(found.identifyCustomer.id).toBe(customer.id);
    });

    it('answers CustomerNotFoundError alike for unknown, malformed, forged and foreign identifiers', async () => {
      const qr = await sut.ok<{ myQrCode: { token: string } }>(MY_QR, {}, { token: customer.token });
      const [body, signature] = qr.myQrCode.token.split('.');
      const forgedBody = Buffer.from(JSON.stringify({ c: '00000000-0000-4000-8000-000000000000' })).toString('base64url');
      for (const identifier of [
        'ghost@test.local', 'OT00000000000', `${forgedBody}.${signature}`, `${body}.${signature.slice(2)}`, customer.token, 'x y z', '+1', '💥',
      ]) {
        const answer = await sut.ok<{ identifyCustomer: { __typename: string } }>(IDENTIFY, { identifier }, { token: tillToken });
        expect(answer.identifyCustomer.__typename).toBe('CustomerNotFoundError');
      }
      const oversized = await sut.graphql(IDENTIFY, { identifier: 'x'.repeat(600) }, { token: tillToken });
      expect(oversized.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('creates a profile at the till (channel POS, no online account) and refuses a taken email', async () => {
      const email = `walk-in-${unique()}@test.local`.toLowerCase();
      const created = await sut.ok<{ createCustomerAtTill: Profile & { __typename: string } }>(
        AT_TILL, { input: { email, phone: '0664 1234567', phoneCountryCode: '+43', marketingSmsConsent: true } }, { token: tillToken },
      );
      expect(created.createCustomerAtTill).toMatchObject({
        __typename: 'Customer', email, phone: '+436641234567', createdChannel: 'POS', hasOnlineAccount: false, firstName: null,
        consents: [{ purpose: 'SMS_MARKETING', granted: true, channel: 'POS' }],
      });
      const again = await sut.ok<{ createCustomerAtTill: { __typename: string } }>(AT_TILL, { input: { email } }, { token: tillToken });
      expect(again.createCustomerAtTill.__typename).toBe('EmailTakenError');
    });
  });

  describe('who may see what', () => {
    it("a customer token reads only its own profile and reaches no staff or support operation", async () => {
      const alice = await signUpCustomer(sut, apiKey);
      const bob = await signUpCustomer(sut, apiKey);
      for (const [query, variables] of [
        [CUSTOMER, { id: bob.id }],
        [CUSTOMERS, {}],
        [TIMELINE, { id: bob.id }],
        [EXPORT, { id: bob.id }],
        [MERGE, { s: alice.id, m: bob.id }],
        [ERASE, { id: bob.id }],
        [IDENTIFY, { identifier: bob.email }],
        [AT_TILL, { input: { email: 'x@test.local' } }],
        ['query { me { email } }', {}],
      ] as const) {
        const response = await sut.graphql(query, variables, { token: alice.token });
        expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      }
      expect(await sut.count('customer', 'id = $1 AND merged_into_id IS NULL AND erased_at IS NULL', [bob.id])).toBe(1);
    });

    it('a storefront key signs customers up but reaches no support or till operation', async () => {
      const customer = await signUpCustomer(sut, apiKey);
      for (const [query, variables] of [
        [CUSTOMER, { id: customer.id }],
        [CUSTOMERS, {}],
        [TIMELINE, { id: customer.id }],
        [EXPORT, { id: customer.id }],
        [ERASE, { id: customer.id }],
        [MERGE, { s: customer.id, m: customer.id }],
        [IDENTIFY, { identifier: customer.email }],
        [MY_PROFILE, {}],
      ] as const) {
        const response = await sut.graphql(query, variables, { apiKey });
        expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      }
    });

    it('a cashier cannot run support operations; anonymous callers nothing', async () => {
      const customer = await signUpCustomer(sut, apiKey);
      for (const [query, variables] of [[CUSTOMER, { id: customer.id }], [ERASE, { id: customer.id }], [EXPORT, { id: customer.id }]] as const) {
        expect((await sut.graphql(query, variables, { token: tillToken })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
        expect((await sut.graphql(query, variables)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      }
      expect((await sut.graphql(SIGN_UP, { input: signUpInput() })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('support', () => {
    it('finds customers by email fragment, name, phone and loyalty number', async () => {
      const tag = unique().toLowerCase();
      const customer = await signUpCustomer(sut, apiKey, { email: `findme-${tag}@test.local`, lastName: `Zed${tag}`, phone: '+49 173 1112223' });
      for (const search of [`findme-${tag}`, `sam zed${tag}`, '0173 111 2223', customer.loyaltyNumber]) {
        const found = await sut.ok<{ customers: { totalCount: number; items: { id: string }[] } }>(CUSTOMERS, { search }, { token: supportToken });
        expect(found.customers.items.map((c) => c.id)).toEqual([customer.id]);
      }
    });

    it('merges a till duplicate into the online profile once: consents and phone move, old identifiers lead to the survivor', async () => {
      const online = await signUpCustomer(sut, apiKey, { marketingEmailConsent: false });
      const tillEmail = `dup-${unique()}@test.local`.toLowerCase();
      const duplicate = (await sut.ok<{ createCustomerAtTill: Profile }>(AT_TILL, { input: { email: tillEmail, phone: '0174 9998887', marketingEmailConsent: true } }, { token: tillToken })).createCustomerAtTill;

      const merged = await sut.ok<{ mergeCustomers: { id: string; phone: string; consents: { purpose: string; granted: boolean }[] } }>(
        MERGE, { s: online.id, m: duplicate.id }, { token: supportToken },
      );
      expect(merged.mergeCustomers).toEqual({ id: online.id, phone: '+491749998887', consents: [{ purpose: 'EMAIL_MARKETING', granted: true }] });
      const again = await sut.ok<{ mergeCustomers: { id: string } }>(MERGE, { s: online.id, m: duplicate.id }, { token: supportToken });
      const reversed = await sut.ok<{ mergeCustomers: { id: string } }>(MERGE, { s: duplicate.id, m: online.id }, { token: supportToken });
      expect([again.mergeCustomers.id, reversed.mergeCustomers.id]).toEqual([online.id, online.id]);
      expect(await sut.count('customer_merge', 'merged_id = $1', [duplicate.id])).toBe(1);

      const merges = await sut.ok<{ customerMerges: { survivorId: string; mergedId: string; mergedBy: string; moved: { participant: string; count: number }[] }[] }>(
        MERGES, { id: duplicate.id }, { token: supportToken },
      );
      expect(merges.customerMerges).toEqual([expect.objectContaining({ survivorId: online.id, mergedId: duplicate.id, mergedBy: expect.stringMatching(/^staff:/) })]);
      expect(merges.customerMerges[0].moved).toContainEqual({ participant: 'consents', count: 1 });

      expect(await sut.count('domain_event', "type = 'customer.merged' AND customer_id = $1 AND payload->>'mergedId' = $2", [online.id, duplicate.id])).toBe(1);

      const byOldEmail = await sut.ok<{ identifyCustomer: { id: string } }>(IDENTIFY, { identifier: tillEmail }, { token: tillToken });
      expect(byOldEmail.identifyCustomer.id).toBe(online.id);
      const old = await sut.ok<{ customer: Profile }>(CUSTOMER, { id: duplicate.id }, { token: supportToken });
      expect(old.customer).toMatchObject({ mergedIntoId: online.id, phone: null });
    });

    it('exports everything about a customer as JSON', async () => {
      const customer = await signUpCustomer(sut, apiKey, { phone: '+49 175 1010101' });
      const data = await sut.ok<{ exportCustomerData: string }>(EXPORT, { id: customer.id }, { token: supportToken });
      const exported = JSON.parse(data.exportCustomerData) as { format: string; profile: Record<string, unknown>; consents: unknown[]; coupon: { issuedCodes: unknown[]; redemptions: unknown[] } };
      expect(exported.format).toBe('omnitill.customer-export.v1');
      expect(exported.profile).toMatchObject({ id: customer.id, email: customer.email, phone: '+491751010101', loyaltyNumber: customer.loyaltyNumber });
      expect(exported.profile).not.toHaveProperty('passwordHash');
      expect(exported.consents).toEqual([expect.objectContaining({ purpose: 'EMAIL_MARKETING', granted: true, channel: 'ONLINE' })]);
      expect(exported.coupon).toEqual({ issuedCodes: [], redemptions: [] });
    });

    it('erases personal data (and the duplicates merged in), withdraws consents, keeps the rows; erasing twice is harmless', async () => {
      const customer = await signUpCustomer(sut, apiKey, { phone: '+49 176 2020202', marketingEmailConsent: true });
      const duplicate = (await sut.ok<{ createCustomerAtTill: Profile }>(AT_TILL, { input: { email: `erase-dup-${unique()}@test.local`.toLowerCase() } }, { token: tillToken })).createCustomerAtTill;
      await sut.ok(MERGE, { s: customer.id, m: duplicate.id }, { token: supportToken });

      const erased = await sut.ok<{ eraseCustomer: Profile }>(ERASE, { id: customer.id }, { token: supportToken });
      expect(erased.eraseCustomer).toMatchObject({
        id: customer.id, email: null, phone: null, firstName: null, lastName: null, loyaltyNumber: null, hasOnlineAccount: false,
        consents: [{ purpose: 'EMAIL_MARKETING', granted: false, channel: 'BACK_OFFICE' }],
      });
      expect(erased.eraseCustomer.erasedAt).not.toBeNull();
      const again = await sut.ok<{ eraseCustomer: Profile }>(ERASE, { id: customer.id }, { token: supportToken });
      expect(again.eraseCustomer.erasedAt).toBe(erased.eraseCustomer.erasedAt);

      const rows = await sut.query<{ email: string | null; first_name: string | null; erased_at: Date | null }>(
        'SELECT email, first_name, erased_at FROM customer WHERE id = ANY($1::uuid[])', [[customer.id, duplicate.id]],
      );
      expect(rows).toHaveLength(2);
      expect(rows.every((row) => row.email === null && row.first_name === null && row.erased_at !== null)).toBe(true);

      const [event] = await sut.query<{ payload: { erasedProfileIds: string[] } }>("SELECT payload FROM domain_event WHERE type = 'customer.erased' AND customer_id = $1", [customer.id]);
      expect(event.payload.erasedProfileIds.sort()).toEqual([customer.id, duplicate.id].sort());
      expect(JSON.stringify(event)).not.toContain(customer.email);

      const signIn = await sut.ok<{ customerSignIn: { __typename: string } }>(SIGN_IN, { input: { email: customer.email, password: customer.password } }, { apiKey });
      expect(signIn.customerSignIn.__typename).toBe('CustomerInvalidCredentialsError');
      const identify = await sut.ok<{ identifyCustomer: { __typename: string } }>(IDENTIFY, { identifier: customer.loyaltyNumber }, { token: tillToken });
      expect(identify.identifyCustomer.__typename).toBe('CustomerNotFoundError');
      expect((await sut.graphql(MY_PROFILE, {}, { token: customer.token })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    });

    it('shows a timeline of profile and consent touchpoints, newest first, paginated', async () => {
      const customer = await signUpCustomer(sut, apiKey, { marketingEmailConsent: true });
      await sut.ok(UPDATE_CONSENTS, { input: { smsMarketing: true } }, { token: customer.token });
      await sut.ok(UPDATE_CONSENTS, { input: { emailMarketing: false } }, { token: customer.token });

      const page = await sut.ok<{ customerTimeline: { totalCount: number; hasNextPage: boolean; items: { kind: string; summary: string; occurredAt: string }[] } }>(
        TIMELINE, { id: customer.id, take: 2 }, { token: supportToken },
      );
      expect(page.customerTimeline.totalCount).toBe(4);
      expect(page.customerTimeline.hasNextPage).toBe(true);
      expect(page.customerTimeline.items.map((i) => i.summary)).toEqual(['Email marketing consent withdrawn', 'SMS marketing consent granted']);
      const rest = await sut.ok<{ customerTimeline: { items: { kind: string }[] } }>(TIMELINE, { id: customer.id, skip: 2, take: 10 }, { token: supportToken });
      expect(rest.customerTimeline.items.map((i) => i.kind)).toEqual(['CONSENT_CHANGED', 'PROFILE_CREATED']);
      const tooFar = await sut.graphql(TIMELINE, { id: customer.id, skip: 20_000 }, { token: supportToken });
      expect(tooFar.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  it('prepared reads (findPrepared) hydrate exactly what TypeORM\'s find does, for every profile and consent above, merged and erased ones included', async () => {
    for (const entity of [CustomerEntity, CustomerConsentEntity]) {
      const both = await readBothWays(sut.dataSource.manager, entity as new () => object);
      expect(both.typeOrm.length).toBeGreaterThan(10);
      expect(both.prepared).toEqual(both.typeOrm);
      expect(both.preparedRows.every((row) => row instanceof entity)).toBe(true);
    }
  });
});
