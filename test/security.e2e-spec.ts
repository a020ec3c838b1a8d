import {
  createCampaign, createSellableVariant, createSharedCode, createStorefrontKey, createStoreWithStaff, StoreWithStaff, TestApp, tillLogin, unique,
} from '@omnitill/testing';

const PREVIEW = `query($input: CouponBasketInput!) {
  previewCoupon(input: $input) { __typename ... on ErrorResult { errorCode } ... on CouponPreview { discountAmount } }
}`;
const LOGIN = 'mutation($input: LoginInput!) { login(input: $input) { __typename } }';

interface PreviewAnswer {
  status: number;
  typename: string | null;
  code: string | null;
}

describe('Brute force and hostile text', () => {
  let sut: TestApp;
  let adminToken: string;
  let mitte: StoreWithStaff;
  let sku: string;
  let code: string;

  const basket = (codeOrToken: string, channel: 'POS' | 'ONLINE' = 'POS') => ({
    codeOrToken, channel, currency: 'EUR', lines: [{ sku, quantity: 1, unitPriceAmount: 5000 }],
  });
  const preview = async (codeOrToken: string, auth: { token?: string; apiKey?: string; headers?: Record<string, string> }, channel: 'POS' | 'ONLINE' = 'POS'): Promise<PreviewAnswer> => {
    const response = await sut.graphql<{ previewCoupon: { __typename: string } | null }>(PREVIEW, { input: basket(codeOrToken, channel) }, auth);
    return { status: response.status, typename: response.data?.previewCoupon?.__typename ?? null, code: response.errors?.[0]?.extensions?.code ?? null };
  };

  beforeAll(async () => {
    sut = await TestApp.start({ env: { EVENT_RELAY_ENABLED: 'false' } });
    adminToken = await sut.bootstrapAdmin();
    mitte = await createStoreWithStaff(sut, adminToken);
    sku = (await createSellableVariant(sut, adminToken, 5000)).sku;
    const campaign = await createCampaign(sut, adminToken);
    code = await createSharedCode(sut, adminToken, campaign.id, unique('REAL-'));
  });

  afterAll(async () => {
    await sut.close();
  });

  it('a till guessing coupon codes is refused after 10 unknown codes, even for a real code; other callers are not', async () => {
    const till = await tillLogin(sut, mitte);

    for (let guess = 0; guess < 10; guess++) {
      expect(await preview(`GUESS-${guess}-${unique()}`, { token: till })).toEqual({ status: 200, typename: 'UnknownCouponError', code: null });
    }
    const refused = await preview(code, { token: till });
    const otherCashierSameTill = await preview(code, { token: await tillLogin(sut, mitte, 'manager') });

    expect(refused).toEqual({ status: 200, typename: null, code: 'TOO_MANY_REQUESTS' });
    // The till is the caller: another login on the same device does not reset the count.
    expect(otherCashierSameTill.code).toBe('TOO_MANY_REQUESTS');
    expect(await sut.count('coupon_guess', 'caller = $1', [`terminal:${mitte.terminal.id}`])).toBe(10);
    const otherStore = await createStoreWithStaff(sut, adminToken);
    expect((await preview(code, { token: await tillLogin(sut, otherStore) })).typename).toBe('CouponPreview');
  });

  it('a storefront key is limited per client address, so one abuser does not lock the web shop out', async () => {
    const apiKey = await createStorefrontKey(sut, adminToken);
    const abuser = { apiKey, headers: { 'x-forwarded-for': '203.0.113.9' } };

    for (let guess = 0; guess < 10; guess++) {
      await preview(`WEB-${guess}-${unique()}`, abuser, 'ONLINE');
    }

    expect((await preview(code, abuser, 'ONLINE')).code).toBe('TOO_MANY_REQUESTS');
    expect(await sut.query("SELECT DISTINCT caller FROM coupon_guess WHERE caller LIKE 'storefront:%'")).toEqual([{ caller: expect.stringMatching(/@203\.0\.113\.9$/) }]);
    // Another shopper of the same web shop (behind the same trusted proxy) is still served.
    expect((await preview(code, { apiKey, headers: { 'x-forwarded-for': '198.51.100.4' } }, 'ONLINE')).typename).toBe('CouponPreview');
  });

  it('text with a NUL character is bad input everywhere, never an internal error', async () => {
    const login = await sut.graphql(LOGIN, { input: { email: 'root@test.local\u0000', password: 'x' } });
    const coupon = await preview('WELCOME\u0000', { token: await tillLogin(sut, mitte, 'manager') });

    expect(login.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.email' }] });
    expect(coupon.code).toBe('BAD_USER_INPUT');
    expect(await sut.count('login_attempt', "email LIKE 'root@test.local%' AND NOT succeeded")).toBe(0);
  });
});
