import { randomUUID } from 'node:crypto';
import {
  COUPON_RESULT_FIELDS, createCampaign, createSellableVariant, createStaff, createStore, createStorefrontKey, decodeQrPng, generateCouponCodes,
  issueCoupon, registerTerminal, signUpCustomer, TestApp,
} from '@omnitill/testing';

const PREVIEW = `query($input: CouponBasketInput!) {
  previewCoupon(input: $input) {
    ${COUPON_RESULT_FIELDS}
    ... on CouponPreview { code campaignId discountAmount currency lines { lineIndex variantId sku discountAmount } }
  }
}`;
const REDEEM = `mutation($input: RedeemCouponInput!) {
  redeemCoupon(input: $input) {
    ${COUPON_RESULT_FIELDS}
    ... on CouponRedemption { id code campaignId discountAmount customerId issuedToCustomerId lines { lineIndex discountAmount } }
  }
}`;
const REVERSE = 'mutation($order: ID!) { reverseCouponRedemptions(orderReference: $order) }';
const CAMPAIGN = `query($id: ID!) {
  campaign(id: $id) { redemptionCount counts { codeCount issuedCodeCount usedCodeCount activeRedemptionCount reversedRedemptionCount discountGivenAmount } }
}`;
const TIMELINE = `query($id: ID!) { customerTimeline(customerId: $id) { totalCount items { kind channel storeId summary referenceId } } }`;
const MY_COUPONS = 'query { myCoupons { code campaignName used qr { token pngBase64 } } }';

interface Redemption {
  __typename: string;
  id: string;
  code: string;
  discountAmount: number;
  customerId: string | null;
  issuedToCustomerId: string | null;
  lines: { lineIndex: number; discountAmount: number }[];
}

// Journey 2 of DOMAIN.md: online ad -> QR coupon -> in-store sale -> online profile.
describe('Journey: an Instagram ad coupon, scanned at the till, lands on the online profile', () => {
  let sut: TestApp;
  let adminToken: string;
  let apiKey: string;
  let store: { id: string };
  let tillToken: string;
  let supportToken: string;

  beforeAll(async () => {
    sut = await TestApp.start();
    adminToken = await sut.bootstrapAdmin();
    apiKey = await createStorefrontKey(sut, adminToken);
    store = await createStore(sut, adminToken);
    const terminal = await registerTerminal(sut, adminToken, store.id);
    const cashier = await createStaff(sut, adminToken, 'CASHIER', [store.id]);
    tillToken = await sut.login(cashier.email, cashier.password, terminal.key);
    const agent = await createStaff(sut, adminToken, 'SUPPORT_AGENT', []);
    supportToken = await sut.login(agent.email, agent.password);
  });

  afterAll(async () => {
    await sut.close();
  });

  it('signs up, issues, scans, previews, redeems once, shows on the timeline and in the campaign counts, and reverses', async () => {
    // Marketing sets up the campaign: 20% off shoes, at most 25.00, in stores, 1 per customer.
    const shoe = await createSellableVariant(sut, adminToken, 8999);
    const socks = await createSellableVariant(sut, adminToken, 999);
    const campaign = await createCampaign(sut, adminToken, {
      name: 'Instagram November', source: 'instagram-ad-nov', percent: 20, maxDiscountAmount: 2500, eligibleSkus: [shoe.sku], eligibleChannels: ['POS'], perCustomerCap: 1,
    });
    expect(await generateCouponCodes(sut, adminToken, campaign.id, 50)).toBe(50);

    // The storefront signs the shopper up from the ad and issues them a coupon with a QR code.
    const shopper = await signUpCustomer(sut, apiKey);
    const issued = await issueCoupon(sut, { apiKey }, campaign.id, shopper.id);
    expect(issued.code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTVWXYZ]{12}$/);
    expect(await issueCoupon(sut, { apiKey }, campaign.id, shopper.id)).toMatchObject({ code: issued.code });
    const mine = await sut.ok<{ myCoupons: { code: string; campaignName: string; used: boolean; qr: { token: string; pngBase64: string } }[] }>(MY_COUPONS, {}, { token: shopper.token });
    expect(mine.myCoupons).toEqual([expect.objectContaining({ code: issued.code, campaignName: 'Instagram November', used: false })]);

    // In the store, the cashier scans the QR code from the shopper's phone.
    const scanned = decodeQrPng(mine.myCoupons[0].qr.pngBase64);
    expect(scanned).toBe(issued.token);
    const basket = {
      codeOrToken: scanned,
      channel: 'POS',
      currency: 'EUR',
      lines: [
        { variantId: shoe.variantId, quantity: 2, unitPriceAmount: 8999 },
        { sku: socks.sku.toLowerCase(), quantity: 3, unitPriceAmount: 999 },
      ],
    };
    const preview = await sut.ok<{ previewCoupon: { __typename: string; code: string; discountAmount: number; lines: { lineIndex: number; sku: string; discountAmount: number }[] } }>(
      PREVIEW, { input: basket }, { token: tillToken },
    );
    // 20% of 179.98 = 35.99, capped at 25.00, all on the shoes.
    expect(preview.previewCoupon).toMatchObject({
      __typename: 'CouponPreview', code: issued.code, discountAmount: 2500,
      lines: [{ lineIndex: 0, sku: shoe.sku, discountAmount: 2500 }, { lineIndex: 1, sku: socks.sku, discountAmount: 0 }],
    });

    // The sale redeems the code (no customer identified at the till: the sale joins the shopper's profile).
    const orderId = randomUUID();
    const redeemed = await sut.ok<{ redeemCoupon: Redemption }>(REDEEM, { input: { ...basket, storeId: store.id, orderReference: orderId } }, { token: adminToken });
    expect(redeemed.redeemCoupon).toMatchObject({
      __typename: 'CouponRedemption', code: issued.code, discountAmount: 2500, customerId: shopper.id, issuedToCustomerId: shopper.id,
      lines: [{ lineIndex: 0, discountAmount: 2500 }, { lineIndex: 1, discountAmount: 0 }],
    });
    const replay = await sut.ok<{ redeemCoupon: Redemption }>(REDEEM, { input: { ...basket, storeId: store.id, orderReference: orderId } }, { token: adminToken });
    expect(replay.redeemCoupon.id).toBe(redeemed.redeemCoupon.id);
    const secondSale = await sut.ok<{ redeemCoupon: Redemption }>(REDEEM, { input: { ...basket, storeId: store.id, orderReference: randomUUID() } }, { token: adminToken });
    expect(secondSale.redeemCoupon.__typename).toBe('CouponExhaustedError');
    const [row] = await sut.query<{ id: string; use_count: number }>('SELECT id, use_count FROM coupon_code WHERE code = $1', [issued.code]);
    expect(row.use_count).toBe(1);

    // Integrations hear of it once, with the shopper's consent, never with the code itself.
    const events = await sut.query<{ type: string; customer_id: string; store_id: string | null; channel: string; consent: unknown; payload: Record<string, unknown> }>(
      'SELECT type, customer_id, store_id, channel, consent, payload FROM domain_event WHERE aggregate_id = $1 ORDER BY id', [row.id],
    );
    expect(events.map((event) => [event.type, event.customer_id, event.store_id, event.channel])).toEqual([
      ['coupon.issued', shopper.id, null, 'ONLINE'],
      ['coupon.redeemed', shopper.id, store.id, 'POS'],
    ]);
    expect(events[1].consent).toEqual({ emailMarketing: true, smsMarketing: false });
    expect(events[1].payload).toMatchObject({ orderId, campaignId: campaign.id, source: 'instagram-ad-nov', discount: { amount: 2500, currency: 'EUR' } });
    expect(JSON.stringify(events)).not.toContain(issued.code);

    // Support sees it on the one timeline; marketing sees it in the campaign.
    const timeline = await sut.ok<{ customerTimeline: { items: { kind: string; channel: string | null; storeId: string | null; summary: string; referenceId: string }[] } }>(
      TIMELINE, { id: shopper.id }, { token: supportToken },
    );
    expect(timeline.customerTimeline.items[0]).toEqual({
      kind: 'COUPON_REDEEMED', channel: 'POS', storeId: store.id, summary: `Coupon ${issued.code} redeemed (Instagram November): 25.00 EUR off`, referenceId: orderId,
    });
    expect(timeline.customerTimeline.items.map((item) => item.kind)).toEqual(['COUPON_REDEEMED', 'COUPON_ISSUED', 'CONSENT_CHANGED', 'PROFILE_CREATED']);
    const counts = await sut.ok<{ campaign: { redemptionCount: number; counts: Record<string, number> } }>(CAMPAIGN, { id: campaign.id }, { token: adminToken });
    expect(counts.campaign).toEqual({
      redemptionCount: 1,
      counts: { codeCount: 50, issuedCodeCount: 1, usedCodeCount: 1, activeRedemptionCount: 1, reversedRedemptionCount: 0, discountGivenAmount: 2500 },
    });
    const used = await sut.ok<{ myCoupons: { used: boolean }[] }>(MY_COUPONS, {}, { token: shopper.token });
    expect(used.myCoupons[0].used).toBe(true);

    // The sale is voided: the use comes back, the history stays.
    expect((await sut.ok<{ reverseCouponRedemptions: number }>(REVERSE, { order: orderId }, { token: adminToken })).reverseCouponRedemptions).toBe(1);
    expect((await sut.ok<{ reverseCouponRedemptions: number }>(REVERSE, { order: orderId }, { token: adminToken })).reverseCouponRedemptions).toBe(0);
    const afterVoid = await sut.ok<{ campaign: { redemptionCount: number; counts: Record<string, number> } }>(CAMPAIGN, { id: campaign.id }, { token: adminToken });
    expect(afterVoid.campaign).toMatchObject({ redemptionCount: 0, counts: { usedCodeCount: 0, activeRedemptionCount: 0, reversedRedemptionCount: 1 } });
    const again = await sut.ok<{ previewCoupon: { __typename: string } }>(PREVIEW, { input: basket }, { token: tillToken });
    expect(again.previewCoupon.__typename).toBe('CouponPreview');
    const reversedTimeline = await sut.ok<{ customerTimeline: { items: { kind: string }[] } }>(TIMELINE, { id: shopper.id }, { token: supportToken });
    expect(reversedTimeline.customerTimeline.items[0].kind).toBe('COUPON_REDEMPTION_REVERSED');
  });

  it('merging the shopper into another profile moves the coupon and its redemption with the export following', async () => {
    const shoe = await createSellableVariant(sut, adminToken, 5000);
    const campaign = await createCampaign(sut, adminToken, { percent: 10 });
    await generateCouponCodes(sut, adminToken, campaign.id, 2);
    const duplicate = await signUpCustomer(sut, apiKey);
    const survivor = await signUpCustomer(sut, apiKey);
    const issued = await issueCoupon(sut, { token: adminToken }, campaign.id, duplicate.id);
    const orderId = randomUUID();
    const redeemed = await sut.ok<{ redeemCoupon: Redemption }>(
      REDEEM,
      { input: { codeOrToken: issued.code, storeId: store.id, channel: 'POS', customerId: duplicate.id, currency: 'EUR', orderReference: orderId, lines: [{ variantId: shoe.variantId, quantity: 1, unitPriceAmount: 5000 }] } },
      { token: adminToken },
    );
    expect(redeemed.redeemCoupon).toMatchObject({ __typename: 'CouponRedemption', discountAmount: 500, customerId: duplicate.id });

    await sut.ok('mutation($s: ID!, $m: ID!) { mergeCustomers(survivorId: $s, mergedId: $m) { id } }', { s: survivor.id, m: duplicate.id }, { token: supportToken });
    expect(await sut.count('coupon_redemption', 'order_id = $1 AND customer_id = $2', [orderId, survivor.id])).toBe(1);
    expect(await sut.count('coupon_code', 'code = $1 AND issued_to_customer_id = $2', [issued.code, survivor.id])).toBe(1);
    const merges = await sut.ok<{ customerMerges: { moved: { participant: string; count: number }[] }[] }>(
      'query($id: ID!) { customerMerges(customerId: $id) { moved { participant count } } }', { id: survivor.id }, { token: supportToken },
    );
    expect(merges.customerMerges[0].moved).toContainEqual({ participant: 'coupon', count: 2 });

    const exported = JSON.parse((await sut.ok<{ exportCustomerData: string }>('query($id: ID!) { exportCustomerData(customerId: $id) }', { id: survivor.id }, { token: supportToken })).exportCustomerData) as {
      coupon: { issuedCodes: { code: string }[]; redemptions: { orderId: string; discountAmount: number }[] };
    };
    expect(exported.coupon.issuedCodes).toEqual([expect.objectContaining({ code: issued.code, used: true })]);
    expect(exported.coupon.redemptions).toEqual([expect.objectContaining({ orderId, discountAmount: 500, state: 'ACTIVE' })]);

    // Erasure removes the person, never the redemption the books need.
    await sut.ok('mutation($id: ID!) { eraseCustomer(customerId: $id) { id } }', { id: survivor.id }, { token: supportToken });
    expect(await sut.count('coupon_redemption', 'order_id = $1 AND customer_id = $2 AND discount_amount = 500', [orderId, survivor.id])).toBe(1);
    expect(await sut.count('customer', 'id = ANY($1::uuid[]) AND email IS NULL AND first_name IS NULL AND phone IS NULL', [[survivor.id, duplicate.id]])).toBe(2);
  });
});
