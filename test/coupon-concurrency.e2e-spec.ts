import { randomUUID } from 'node:crypto';
import {
  COUPON_RESULT_FIELDS, createCampaign, createSellableVariant, createSharedCode, createStore, createStorefrontKey, generateCouponCodes,
  issueCoupon, signUpCustomer, TestApp, unique,
} from '@omnitill/testing';

const REDEEM = `mutation($input: RedeemCouponInput!) { redeemCoupon(input: $input) { ${COUPON_RESULT_FIELDS} ... on CouponRedemption { id } } }`;

// Caps must hold with real parallelism: a pool of 20 connections, many requests in flight at once.
describe('Coupon caps under concurrency', () => {
  let sut: TestApp;
  let adminToken: string;
  let apiKey: string;
  let store: { id: string };
  let variant: { variantId: string };

  const redeemInput = (code: string, customerId: string | null = null) => ({
    codeOrToken: code,
    storeId: store.id,
    channel: 'POS',
    customerId,
    currency: 'EUR',
    orderReference: randomUUID(),
    lines: [{ variantId: variant.variantId, quantity: 1, unitPriceAmount: 5000 }],
  });

  /** Fires every request at once and tallies the answers by type. */
  async function storm(inputs: Record<string, unknown>[]): Promise<Record<string, number>> {
    const responses = await Promise.all(inputs.map((input) => sut.graphql<{ redeemCoupon: { __typename: string } }>(REDEEM, { input }, { token: adminToken })));
    const tally: Record<string, number> = {};
    for (const response of responses) {
      const key = response.data?.redeemCoupon.__typename ?? `error:${response.errors?.[0].extensions?.code ?? response.status}`;
      tally[key] = (tally[key] ?? 0) + 1;
    }
    return tally;
  }

  beforeAll(async () => {
    sut = await TestApp.start({ env: { DATABASE_POOL_SIZE: '20' } });
    adminToken = await sut.bootstrapAdmin();
    apiKey = await createStorefrontKey(sut, adminToken);
    store = await createStore(sut, adminToken);
    variant = await createSellableVariant(sut, adminToken, 5000);
  });

  afterAll(async () => {
    await sut.close();
  });

  it('100 concurrent redemptions of one single-use code: exactly one succeeds', async () => {
    const campaign = await createCampaign(sut, adminToken);
    await generateCouponCodes(sut, adminToken, campaign.id, 1);
    const [{ code }] = await sut.query<{ code: string }>('SELECT code FROM coupon_code WHERE campaign_id = $1', [campaign.id]);

    const started = Date.now();
    const tally = await storm(Array.from({ length: 100 }, () => redeemInput(code)));
    process.stdout.write(`\n[coupon] 100 concurrent single-use redemptions: ${JSON.stringify(tally)} in ${Date.now() - started} ms\n`);

    expect(tally).toEqual({ CouponRedemption: 1, CouponExhaustedError: 99 });
    const [row] = await sut.query<{ use_count: number; redemption_count: number; active: string }>(
      `SELECT k.use_count, c.redemption_count, (SELECT count(*) FROM coupon_redemption r WHERE r.code_id = k.id AND r.state = 'ACTIVE') AS active
         FROM coupon_code k JOIN campaign c ON c.id = k.campaign_id WHERE k.code = $1`,
      [code],
    );
    // The campaign has no total cap, so it keeps no counter row (no hot row): the code's use count
    // and the redemptions are the truth, and the API reports the count from the redemptions.
    expect(row).toEqual({ use_count: 1, redemption_count: 0, active: '1' });
    const exposed = await sut.ok<{ campaign: { redemptionCount: number } }>('query($id: ID!) { campaign(id: $id) { redemptionCount } }', { id: campaign.id }, { token: adminToken });
    expect(exposed.campaign.redemptionCount).toBe(1);
  });

  it('a campaign total cap of 5 under 50 concurrent redemptions of a shared code: exactly 5', async () => {
    const campaign = await createCampaign(sut, adminToken, { totalRedemptionCap: 5 });
    const code = await createSharedCode(sut, adminToken, campaign.id, unique('CAP5-'));

    const tally = await storm(Array.from({ length: 50 }, () => redeemInput(code)));

    expect(tally).toEqual({ CouponRedemption: 5, CouponExhaustedError: 45 });
    const [row] = await sut.query<{ redemption_count: number; active: string }>(
      "SELECT redemption_count, (SELECT count(*) FROM coupon_redemption WHERE campaign_id = $1 AND state = 'ACTIVE') AS active FROM campaign WHERE id = $1",
      [campaign.id],
    );
    expect(row).toEqual({ redemption_count: 5, active: '5' });
  });

  it('a cap set later on an uncapped campaign counts the redemptions already made', async () => {
    const campaign = await createCampaign(sut, adminToken);
    const code = await createSharedCode(sut, adminToken, campaign.id, unique('LATECAP-'));
    expect(await storm(Array.from({ length: 3 }, () => redeemInput(code)))).toEqual({ CouponRedemption: 3 });

    await sut.ok('mutation($id: ID!, $input: UpdateCampaignInput!) { updateCampaign(id: $id, input: $input) { __typename } }', { id: campaign.id, input: { totalRedemptionCap: 5 } }, { token: adminToken });

    expect(await storm(Array.from({ length: 10 }, () => redeemInput(code)))).toEqual({ CouponRedemption: 2, CouponExhaustedError: 8 });
    const [row] = await sut.query<{ redemption_count: number }>('SELECT redemption_count FROM campaign WHERE id = $1', [campaign.id]);
    expect(row.redemption_count).toBe(5);
    expect(await sut.count('coupon_redemption', "campaign_id = $1 AND state = 'ACTIVE'", [campaign.id])).toBe(5);
  });

  it('a per-customer cap of 2 under 30 concurrent redemptions by one customer: exactly 2, other customers unaffected', async () => {
    const campaign = await createCampaign(sut, adminToken, { perCustomerCap: 2 });
    const code = await createSharedCode(sut, adminToken, campaign.id, unique('PERCUST-'));
    const greedy = await signUpCustomer(sut, apiKey);
    const polite = await signUpCustomer(sut, apiKey);

    const tally = await storm([...Array.from({ length: 30 }, () => redeemInput(code, greedy.id)), redeemInput(code, polite.id)]);

    expect(tally).toEqual({ CouponRedemption: 3, CouponAlreadyUsedByCustomerError: 28 });
    expect(await sut.count('coupon_redemption', "campaign_id = $1 AND customer_id = $2 AND state = 'ACTIVE'", [campaign.id, greedy.id])).toBe(2);
    expect(await sut.count('coupon_redemption', "campaign_id = $1 AND customer_id = $2 AND state = 'ACTIVE'", [campaign.id, polite.id])).toBe(1);
  });

  it('concurrent issuing hands every customer a different code, and one customer the same code however often asked', async () => {
    const campaign = await createCampaign(sut, adminToken);
    await generateCouponCodes(sut, adminToken, campaign.id, 30);
    const customers = await Promise.all(Array.from({ length: 10 }, () => signUpCustomer(sut, apiKey)));

    const issued = await Promise.all([
      ...customers.map((customer) => issueCoupon(sut, { apiKey }, campaign.id, customer.id)),
      ...Array.from({ length: 10 }, () => issueCoupon(sut, { apiKey }, campaign.id, customers[0].id)),
    ]);

    const perCustomer = new Set(issued.slice(0, 10).map((coupon) => coupon.code));
    expect(perCustomer.size).toBe(10);
    expect(new Set(issued.slice(10).map((coupon) => coupon.code))).toEqual(new Set([issued[0].code]));
    expect(await sut.count('coupon_code', 'campaign_id = $1 AND issued_to_customer_id IS NOT NULL', [campaign.id])).toBe(10);
  });
});
