import { randomUUID } from 'node:crypto';
import { CampaignEntity, CouponCodeEntity } from '@omnitill/coupon';
import {
  campaignInput, COUPON_RESULT_FIELDS, createCampaign, createSellableVariant, createSharedCode, createStaff, createStore, createStorefrontKey,
  decodeQrPng, generateCouponCodes, issueCoupon, readBothWays, registerTerminal, signUpCustomer, SignedUpCustomer, TestApp, unique,
} from '@omnitill/testing';

const PREVIEW = `query($input: CouponBasketInput!) {
  previewCoupon(input: $input) {
    ${COUPON_RESULT_FIELDS}
    ... on CouponPreview { code campaignId discountAmount currency lines { lineIndex variantId sku discountAmount } }
  }
}`;
const REDEEM = `mutation($input: RedeemCouponInput!) { redeemCoupon(input: $input) { ${COUPON_RESULT_FIELDS} ... on CouponRedemption { id discountAmount } } }`;
const CREATE_CAMPAIGN = `mutation($input: CreateCampaignInput!) {
  createCampaign(input: $input) { id name source discountType percent eligibleSkus eligibleChannels validFrom validUntil totalRedemptionCap counts { codeCount } }
}`;
const UPDATE_CAMPAIGN = 'mutation($id: ID!, $input: UpdateCampaignInput!) { updateCampaign(id: $id, input: $input) { id name percent totalRedemptionCap eligibleSkus } }';
const DAY = 24 * 3600 * 1000;

interface PreviewResult {
  __typename: string;
  errorCode?: string;
  discountAmount?: number;
  minimumAmount?: number;
  basketAmount?: number;
  perCustomerCap?: number;
  lines?: { lineIndex: number; variantId: string | null; sku: string; discountAmount: number }[];
}

describe('Coupons: campaigns, codes, QR tokens and every reason a code does not apply', () => {
  let sut: TestApp;
  let adminToken: string;
  let apiKey: string;
  let storeA: { id: string };
  let storeB: { id: string };
  let tillToken: string;
  let shoe: { variantId: string; sku: string };
  let shirt: { variantId: string; sku: string };
  let shopper: SignedUpCustomer;
  let other: SignedUpCustomer;

  const basket = (codeOrToken: string, overrides: Record<string, unknown> = {}) => ({
    codeOrToken,
    channel: 'POS',
    currency: 'EUR',
    lines: [
      { variantId: shoe.variantId, quantity: 1, unitPriceAmount: 6000 },
      { sku: shirt.sku, quantity: 2, unitPriceAmount: 2000 },
    ],
    ...overrides,
  });

  const preview = async (input: Record<string, unknown>, auth: { token?: string; apiKey?: string } = { token: tillToken }): Promise<PreviewResult> =>
    (await sut.ok<{ previewCoupon: PreviewResult }>(PREVIEW, { input }, auth)).previewCoupon;

  const sharedCode = async (overrides: Parameters<typeof createCampaign>[2] = {}, maxUses: number | null = null): Promise<{ campaignId: string; code: string }> => {
    const campaign = await createCampaign(sut, adminToken, overrides);
    return { campaignId: campaign.id, code: await createSharedCode(sut, adminToken, campaign.id, unique('SHARED-'), maxUses) };
  };

  const redeem = async (code: string, overrides: Record<string, unknown> = {}) =>
    (await sut.ok<{ redeemCoupon: { __typename: string } }>(REDEEM, { input: { ...basket(code), storeId: storeA.id, orderReference: randomUUID(), ...overrides } }, { token: adminToken })).redeemCoupon;

  beforeAll(async () => {
    sut = await TestApp.start();
    adminToken = await sut.bootstrapAdmin();
    apiKey = await createStorefrontKey(sut, adminToken);
    storeA = await createStore(sut, adminToken);
    storeB = await createStore(sut, adminToken);
    const terminal = await registerTerminal(sut, adminToken, storeA.id);
    const cashier = await createStaff(sut, adminToken, 'CASHIER', [storeA.id]);
    tillToken = await sut.login(cashier.email, cashier.password, terminal.key);
    shoe = await createSellableVariant(sut, adminToken, 6000);
    shirt = await createSellableVariant(sut, adminToken, 2000);
    shopper = await signUpCustomer(sut, apiKey);
    other = await signUpCustomer(sut, apiKey);
  });

  afterAll(async () => {
    await sut.close();
  });

  describe('campaigns (admins)', () => {
    it('creates, lists and updates a campaign; SKUs are stored upper-cased', async () => {
      const data = await sut.ok<{ createCampaign: Record<string, unknown> & { id: string } }>(
        CREATE_CAMPAIGN, { input: campaignInput({ name: 'Winter', source: 'newsletter-dec', eligibleSkus: ['run-42'], totalRedemptionCap: 100 }) }, { token: adminToken },
      );
      expect(data.createCampaign).toMatchObject({ name: 'Winter', source: 'newsletter-dec', discountType: 'PERCENT', percent: 10, eligibleSkus: ['RUN-42'], totalRedemptionCap: 100, counts: { codeCount: 0 } });
      const updated = await sut.ok<{ updateCampaign: Record<string, unknown> }>(
        UPDATE_CAMPAIGN, { id: data.createCampaign.id, input: { name: 'Winter sale', percent: 15, totalRedemptionCap: null, eligibleSkus: null } }, { token: adminToken },
      );
      expect(updated.updateCampaign).toEqual({ id: data.createCampaign.id, name: 'Winter sale', percent: 15, totalRedemptionCap: null, eligibleSkus: null });
      const list = await sut.ok<{ campaigns: { items: { id: string }[] } }>('query { campaigns(search: "newsletter-dec") { items { id } } }', {}, { token: adminToken });
      expect(list.campaigns.items).toEqual([{ id: data.createCampaign.id }]);
    });

    it.each([
      ['a percent campaign without a percent', { percent: null }, 'percent'],
      ['a fixed campaign without an amount', { discountType: 'FIXED_AMOUNT' }, 'fixedAmount'],
      ['validUntil before validFrom', { validFrom: new Date(Date.now() + DAY).toISOString(), validUntil: new Date().toISOString() }, 'validUntil'],
      ['a percent over 100', { percent: 101 }, 'percent'],
      ['no channel', { eligibleChannels: [] }, 'eligibleChannels'],
      ['a source with spaces', { source: 'Instagram Ad' }, 'source'],
      ['an unknown currency', { currency: 'XXX' }, 'currency'],
      ['an oversized name', { name: 'x'.repeat(1000) }, 'name'],
    ])('refuses %s with BAD_USER_INPUT naming the field, creating nothing', async (_label, override, field) => {
      const before = await sut.count('campaign');
      const response = await sut.graphql(CREATE_CAMPAIGN, { input: { ...campaignInput(), ...override } }, { token: adminToken });
      expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0].extensions?.fields?.map((f) => f.field)).toContain(field);
      expect(await sut.count('campaign')).toBe(before);
    });

    it('will not lower a cap below the redemptions already made', async () => {
      const { campaignId, code } = await sharedCode({ totalRedemptionCap: 10 });
      expect((await redeem(code)).__typename).toBe('CouponRedemption');
      expect((await redeem(code)).__typename).toBe('CouponRedemption');
      const response = await sut.graphql(UPDATE_CAMPAIGN, { id: campaignId, input: { totalRedemptionCap: 1 } }, { token: adminToken });
      expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      const [row] = await sut.query<{ total_redemption_cap: number }>('SELECT total_redemption_cap FROM campaign WHERE id = $1', [campaignId]);
      expect(row.total_redemption_cap).toBe(10);
    });

    it('lets only admins manage campaigns and codes', async () => {
      const campaign = await createCampaign(sut, adminToken);
      for (const auth of [{ token: tillToken }, { apiKey }, { token: shopper.token }]) {
        for (const [query, variables] of [
          [CREATE_CAMPAIGN, { input: campaignInput() }],
          ['mutation($id: ID!) { generateCouponCodes(campaignId: $id, count: 5) }', { id: campaign.id }],
          ['query { campaigns { totalCount } }', {}],
          [REDEEM, { input: { ...basket('X'), orderReference: randomUUID() } }],
          ['mutation { reverseCouponRedemptions(orderReference: "00000000-0000-4000-8000-000000000000") }', {}],
        ] as const) {
          expect((await sut.graphql(query, variables, auth)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
        }
      }
      expect(await sut.count('coupon_code', 'campaign_id = $1', [campaign.id])).toBe(0);
    });
  });

  describe('codes', () => {
    it('generates 10,000 unique single-use codes in one call, quickly', async () => {
      const campaign = await createCampaign(sut, adminToken);
      const started = Date.now();
      expect(await generateCouponCodes(sut, adminToken, campaign.id, 10_000)).toBe(10_000);
      const elapsed = Date.now() - started;
      process.stdout.write(`\n[coupon] generateCouponCodes(10000) took ${elapsed} ms\n`);
      expect(elapsed).toBeLessThan(10_000);
      const [row] = await sut.query<{ total: string; distinct_codes: string; well_formed: string }>(
        `SELECT count(*) AS total, count(DISTINCT code) AS distinct_codes,
                count(*) FILTER (WHERE code ~ '^[23456789ABCDEFGHJKMNPQRSTVWXYZ]{12}$' AND kind = 'UNIQUE' AND max_uses = 1) AS well_formed
           FROM coupon_code WHERE campaign_id = $1`,
        [campaign.id],
      );
      expect(row).toEqual({ total: '10000', distinct_codes: '10000', well_formed: '10000' });
      const page = await sut.ok<{ couponCodes: { totalCount: number; items: { kind: string; useCount: number }[] } }>(
        'query($id: ID!) { couponCodes(campaignId: $id, take: 3) { totalCount items { kind useCount } } }', { id: campaign.id }, { token: adminToken },
      );
      expect(page.couponCodes).toEqual({ totalCount: 10_000, items: Array(3).fill({ kind: 'UNIQUE', useCount: 0 }) });
      for (const count of [0, 10_001, -5]) {
        const refused = await sut.graphql('mutation($id: ID!, $n: Int!) { generateCouponCodes(campaignId: $id, count: $n) }', { id: campaign.id, n: count }, { token: adminToken });
        expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      }
    });

    it('creates a shared code (upper-cased) and refuses a duplicate with a typed error', async () => {
      const campaign = await createCampaign(sut, adminToken);
      const code = unique('welcome-').toLowerCase();
      expect(await createSharedCode(sut, adminToken, campaign.id, code)).toBe(code.toUpperCase());
      const again = await sut.ok<{ createSharedCode: { __typename: string } }>(
        'mutation($id: ID!, $code: String!) { createSharedCode(campaignId: $id, code: $code) { __typename } }', { id: campaign.id, code: code.toUpperCase() }, { token: adminToken },
      );
      expect(again.createSharedCode.__typename).toBe('DuplicateCouponCodeError');
    });

    it('renders a QR code (PNG and SVG) per code holding its signed token, for staff', async () => {
      const { code } = await sharedCode();
      const qr = await sut.ok<{ couponQr: { token: string; svg: string; pngBase64: string } }>('query($code: String!) { couponQr(code: $code) { token svg pngBase64 } }', { code }, { token: tillToken });
      expect(decodeQrPng(qr.couponQr.pngBase64)).toBe(qr.couponQr.token);
      expect(qr.couponQr.svg).toMatch(/^<svg/);
      expect((await preview(basket(qr.couponQr.token))).__typename).toBe('CouponPreview');
      expect((await sut.graphql('query { couponQr(code: "NOPE-NOPE") { token } }', {}, { token: tillToken })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect((await sut.graphql('query($code: String!) { couponQr(code: $code) { token } }', { code }, { apiKey })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });

    it('issues distinct codes to distinct customers and answers NoCouponCodesAvailableError when none is left', async () => {
      const campaign = await createCampaign(sut, adminToken);
      await generateCouponCodes(sut, adminToken, campaign.id, 2);
      const a = await issueCoupon(sut, { apiKey }, campaign.id, shopper.id);
      const b = await issueCoupon(sut, { apiKey }, campaign.id, other.id);
      expect(a.code).not.toBe(b.code);
      const third = await signUpCustomer(sut, apiKey);
      const none = await sut.ok<{ issueCoupon: { __typename: string } }>(
        'mutation($c: ID!, $u: ID!) { issueCoupon(campaignId: $c, customerId: $u) { __typename } }', { c: campaign.id, u: third.id }, { apiKey },
      );
      expect(none.issueCoupon.__typename).toBe('NoCouponCodesAvailableError');
      const unknownCustomer = await sut.graphql('mutation($c: ID!) { issueCoupon(campaignId: $c, customerId: "00000000-0000-4000-8000-000000000000") { __typename } }', { c: campaign.id }, { apiKey });
      expect(unknownCustomer.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    });
  });

  describe('preview', () => {
    it('spreads a fixed discount over the eligible lines, summing exactly', async () => {
      const { campaignId, code } = await sharedCode({ discountType: 'FIXED_AMOUNT', fixedAmount: 1000 });
      const result = await preview(basket(code.toLowerCase()));
      expect(result).toMatchObject({
        __typename: 'CouponPreview', discountAmount: 1000,
        lines: [
          { lineIndex: 0, variantId: shoe.variantId, sku: shoe.sku, discountAmount: 600 },
          { lineIndex: 1, variantId: shirt.variantId, sku: shirt.sku, discountAmount: 400 },
        ],
      });
      expect(await sut.count('coupon_redemption', 'campaign_id = $1', [campaignId])).toBe(0);
    });

    it.each([
      ['UnknownCouponError', 'an unknown code', () => 'NO-SUCH-CODE'],
      ['UnknownCouponError', 'a malformed code', () => '!!'],
    ])('answers %s for %s', async (typename, _label, codeOf) => {
      expect(await preview(basket(codeOf()))).toMatchObject({ __typename: typename });
    });

    it('answers InvalidCouponTokenError for a tampered token and for a foreign (personal QR) token', async () => {
      const { code } = await sharedCode();
      const qr = await sut.ok<{ couponQr: { token: string } }>('query($code: String!) { couponQr(code: $code) { token } }', { code }, { token: adminToken });
      const [, signature] = qr.couponQr.token.split('.');
      const otherBody = Buffer.from(JSON.stringify({ k: 'ANOTHERCODE1' })).toString('base64url');
      const personal = await sut.ok<{ myQrCode: { token: string } }>('query { myQrCode { token } }', {}, { token: shopper.token });
      for (const token of [`${otherBody}.${signature}`, `${qr.couponQr.token}x`, personal.myQrCode.token, 'a.b', '.']) {
        expect(await preview(basket(token))).toMatchObject({ __typename: 'InvalidCouponTokenError', errorCode: 'INVALID_COUPON_TOKEN' });
      }
    });

    it.each([
      ['CouponNotYetValidError', { validFrom: new Date(Date.now() + DAY).toISOString(), validUntil: new Date(Date.now() + 2 * DAY).toISOString() }],
      ['CouponExpiredError', { validFrom: new Date(Date.now() - 10 * DAY).toISOString(), validUntil: new Date(Date.now() - DAY).toISOString() }],
      ['CouponWrongChannelError', { eligibleChannels: ['ONLINE' as const] }],
      ['CouponMinimumNotMetError', { minBasketAmount: 100_000 }],
      ['CouponNoEligibleItemsError', { eligibleSkus: ['NOT-IN-BASKET'] }],
    ])('answers %s', async (typename, overrides) => {
      const { code } = await sharedCode(overrides);
      expect(await preview(basket(code))).toMatchObject({ __typename: typename });
    });

    it('answers CouponWrongStoreError in a store the campaign does not run in', async () => {
      const { code } = await sharedCode({ eligibleStoreIds: [storeB.id] });
      expect(await preview(basket(code))).toMatchObject({ __typename: 'CouponWrongStoreError' });
      expect(await preview({ ...basket(code), channel: 'ONLINE' }, { apiKey })).toMatchObject({ __typename: 'CouponWrongStoreError' });
      expect(await preview({ ...basket(code), channel: 'ONLINE', storeId: storeB.id }, { apiKey })).toMatchObject({ __typename: 'CouponPreview' });
    });

    it('answers CouponMinimumNotMetError with the minimum and the basket total', async () => {
      const { code } = await sharedCode({ minBasketAmount: 20_000 });
      expect(await preview(basket(code))).toMatchObject({ __typename: 'CouponMinimumNotMetError', minimumAmount: 20_000, basketAmount: 10_000 });
    });

    it('answers CouponCurrencyMismatchError for a basket in another currency', async () => {
      const { code } = await sharedCode();
      expect(await preview(basket(code, { currency: 'USD' }))).toMatchObject({ __typename: 'CouponCurrencyMismatchError' });
    });

    it('answers CouponExhaustedError once a code or a campaign is used up', async () => {
      const single = await sharedCode({}, 1);
      expect((await redeem(single.code)).__typename).toBe('CouponRedemption');
      expect(await preview(basket(single.code))).toMatchObject({ __typename: 'CouponExhaustedError' });
      const capped = await sharedCode({ totalRedemptionCap: 1 });
      expect((await redeem(capped.code)).__typename).toBe('CouponRedemption');
      expect(await preview(basket(capped.code))).toMatchObject({ __typename: 'CouponExhaustedError' });
    });

    it('answers CouponAlreadyUsedByCustomerError for a customer at the per-customer cap, not for others', async () => {
      const { code } = await sharedCode({ perCustomerCap: 1 });
      expect((await redeem(code, { customerId: shopper.id })).__typename).toBe('CouponRedemption');
      expect(await preview(basket(code, { customerId: shopper.id }))).toMatchObject({ __typename: 'CouponAlreadyUsedByCustomerError', perCustomerCap: 1 });
      expect(await preview(basket(code, { customerId: other.id }))).toMatchObject({ __typename: 'CouponPreview' });
    });

    it('answers CouponNotIssuedToCustomerError when another customer presents an issued code', async () => {
      const campaign = await createCampaign(sut, adminToken);
      await generateCouponCodes(sut, adminToken, campaign.id, 1);
      const issued = await issueCoupon(sut, { apiKey }, campaign.id, shopper.id);
      expect(await preview(basket(issued.token, { customerId: other.id }))).toMatchObject({ __typename: 'CouponNotIssuedToCustomerError' });
      expect(await preview(basket(issued.token, { customerId: shopper.id }))).toMatchObject({ __typename: 'CouponPreview' });
      expect(await preview({ ...basket(issued.token), channel: 'ONLINE' }, { token: other.token })).toMatchObject({ __typename: 'CouponNotIssuedToCustomerError' });
      expect(await preview({ ...basket(issued.token), channel: 'ONLINE' }, { token: shopper.token })).toMatchObject({ __typename: 'CouponPreview' });
    });

    it('takes the store and channel from the session, and a customer only speaks for itself', async () => {
      const { code } = await sharedCode();
      const forbidden = [
        [{ ...basket(code), storeId: storeB.id }, { token: tillToken }],
        [{ ...basket(code), channel: 'ONLINE', customerId: other.id }, { token: shopper.token }],
      ] as const;
      for (const [input, auth] of forbidden) {
        expect((await sut.graphql(PREVIEW, { input }, auth)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      }
      const wrongChannel = [
        [{ ...basket(code), channel: 'ONLINE' }, { token: tillToken }],
        [basket(code), { apiKey }],
      ] as const;
      for (const [input, auth] of wrongChannel) {
        expect((await sut.graphql(PREVIEW, { input }, auth)).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      }
      expect((await sut.graphql(PREVIEW, { input: basket(code) })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });

    it.each([
      ['a zero quantity', { lines: [{ sku: 'A', quantity: 0, unitPriceAmount: 100 }] }, 'lines.0.quantity'],
      ['a negative quantity', { lines: [{ sku: 'A', quantity: -2, unitPriceAmount: 100 }] }, 'lines.0.quantity'],
      ['a negative price', { lines: [{ sku: 'A', quantity: 1, unitPriceAmount: -1 }] }, 'lines.0.unitPriceAmount'],
      ['a line without variant or SKU', { lines: [{ quantity: 1, unitPriceAmount: 100 }] }, 'lines.0'],
      ['an unknown variant', { lines: [{ variantId: '00000000-0000-4000-8000-000000000000', quantity: 1, unitPriceAmount: 100 }] }, 'lines.0.variantId'],
      ['a malformed variant id', { lines: [{ variantId: 'nope', quantity: 1, unitPriceAmount: 100 }] }, 'lines.0.variantId'],
      ['no lines', { lines: [] }, 'lines'],
      ['an oversized code', { codeOrToken: 'X'.repeat(600) }, 'codeOrToken'],
      ['an oversized SKU', { lines: [{ sku: 'S'.repeat(100), quantity: 1, unitPriceAmount: 100 }] }, 'lines.0.sku'],
    ])('rejects %s with BAD_USER_INPUT, recording nothing', async (_label, override, field) => {
      const { code } = await sharedCode();
      const before = await sut.count('coupon_redemption');
      for (const [query, input, auth] of [
        [PREVIEW, basket(code, override), { token: tillToken }],
        [REDEEM, { ...basket(code, override), storeId: storeA.id, orderReference: randomUUID() }, { token: adminToken }],
      ] as const) {
        const response = await sut.graphql(query, { input }, auth);
        expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
        expect(response.errors?.[0].extensions?.fields?.map((f) => f.field)).toContain(field);
      }
      expect(await sut.count('coupon_redemption')).toBe(before);
      expect(await sut.count('coupon_code', 'code = $1 AND use_count = 0', [code])).toBe(1);
    });
  });

  describe('reversal', () => {
    it('a full return gives the use back only when the campaign says so', async () => {
      const restoring = await sharedCode({}, 1);
      const keeping = await sharedCode({ restoreOnFullReturn: false }, 1);
      const order = randomUUID();
      expect((await redeem(restoring.code, { orderReference: order })).__typename).toBe('CouponRedemption');
      expect((await redeem(keeping.code, { orderReference: order })).__typename).toBe('CouponRedemption');
      const reversed = await sut.ok<{ reverseCouponRedemptions: number }>(
        'mutation($o: ID!) { reverseCouponRedemptions(orderReference: $o, reason: FULL_RETURN) }', { o: order }, { token: adminToken },
      );
      expect(reversed.reverseCouponRedemptions).toBe(1);
      expect(await sut.count('coupon_code', 'code = $1 AND use_count = 0', [restoring.code])).toBe(1);
      expect(await sut.count('coupon_code', 'code = $1 AND use_count = 1', [keeping.code])).toBe(1);
      expect(await sut.count('campaign', 'id = $1 AND redemption_count = 0', [restoring.campaignId])).toBe(1);
    });
  });

  it('reads a code with its campaign in one prepared statement exactly as TypeORM\'s join does, for every code above', async () => {
    const both = await readBothWays(sut.dataSource.manager, CouponCodeEntity, { entity: CampaignEntity, on: 'b.id = a.campaign_id', property: 'campaign' });
    expect(both.typeOrm.length).toBeGreaterThan(10);
    expect(both.prepared).toEqual(both.typeOrm);
    expect(both.preparedRows.every((code) => code instanceof CouponCodeEntity && code.campaign instanceof CampaignEntity)).toBe(true);
  });
});
