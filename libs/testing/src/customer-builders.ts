import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { TestApp } from './test-app';
import { unique } from './builders';

export interface SignedUpCustomer {
  id: string;
  email: string;
  password: string;
  token: string;
  emailVerificationToken: string;
  loyaltyNumber: string;
}

export interface CustomerOverrides {
  email?: string;
  password?: string;
  firstName?: string;
  lastName?: string;
  phone?: string | null;
  marketingEmailConsent?: boolean;
}

/** Signs a customer up through the storefront (x-api-key). */
export async function signUpCustomer(app: TestApp, apiKey: string, overrides: CustomerOverrides = {}): Promise<SignedUpCustomer> {
  const email = overrides.email ?? `shopper-${unique()}@test.local`.toLowerCase();
  const password = overrides.password ?? 'shopper-password-1';
  const data = await app.ok<{
    customerSignUp: { __typename: string; token?: string; emailVerificationToken?: string; customer?: { id: string; loyaltyNumber: string }; message?: string };
  }>(
    `mutation($input: CustomerSignUpInput!) {
      customerSignUp(input: $input) {
        __typename
        ... on CustomerSession { token emailVerificationToken customer { id loyaltyNumber } }
        ... on ErrorResult { message }
      }
    }`,
    {
      input: {
        email,
        password,
        firstName: overrides.firstName ?? 'Sam',
        lastName: overrides.lastName ?? 'Shopper',
        phone: overrides.phone ?? null,
        marketingEmailConsent: overrides.marketingEmailConsent ?? true,
      },
    },
    { apiKey },
  );
  const result = data.customerSignUp;
  if (!result.token || !result.customer || !result.emailVerificationToken) {
    throw new Error(`sign-up failed: ${result.__typename} ${result.message ?? ''}`);
  }
  return { id: result.customer.id, email, password, token: result.token, emailVerificationToken: result.emailVerificationToken, loyaltyNumber: result.customer.loyaltyNumber };
}

export interface CampaignOverrides {
  name?: string;
  source?: string;
  discountType?: 'PERCENT' | 'FIXED_AMOUNT';
  percent?: number | null;
  maxDiscountAmount?: number | null;
  fixedAmount?: number | null;
  currency?: string;
  minBasketAmount?: number;
  eligibleSkus?: string[] | null;
  eligibleChannels?: ('ONLINE' | 'POS')[];
  eligibleStoreIds?: string[] | null;
  validFrom?: string;
  validUntil?: string;
  totalRedemptionCap?: number | null;
  perCustomerCap?: number | null;
  restoreOnFullReturn?: boolean;
}

const DAY = 24 * 3600 * 1000;

/** A campaign valid from yesterday for 30 days, 10% off, in both channels and every store. */
export function campaignInput(overrides: CampaignOverrides = {}): Record<string, unknown> {
  const isFixed = overrides.discountType === 'FIXED_AMOUNT';
  return {
    name: 'Test campaign',
    source: 'test-ad',
    discountType: 'PERCENT',
    percent: isFixed ? null : 10,
    fixedAmount: null,
    currency: 'EUR',
    minBasketAmount: 0,
    eligibleChannels: ['ONLINE', 'POS'],
    validFrom: new Date(Date.now() - DAY).toISOString(),
    validUntil: new Date(Date.now() + 30 * DAY).toISOString(),
    ...overrides,
  };
}

export async function createCampaign(app: TestApp, adminToken: string, overrides: CampaignOverrides = {}): Promise<{ id: string }> {
  const data = await app.ok<{ createCampaign: { id: string } }>(
    'mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }',
    { input: campaignInput(overrides) },
    { token: adminToken },
  );
  return data.createCampaign;
}

export async function generateCouponCodes(app: TestApp, adminToken: string, campaignId: string, count: number): Promise<number> {
  const data = await app.ok<{ generateCouponCodes: number }>(
    'mutation($campaignId: ID!, $count: Int!) { generateCouponCodes(campaignId: $campaignId, count: $count) }',
    { campaignId, count },
    { token: adminToken },
  );
  return data.generateCouponCodes;
}

export async function createSharedCode(app: TestApp, adminToken: string, campaignId: string, code: string, maxUses: number | null = null): Promise<string> {
  const data = await app.ok<{ createSharedCode: { __typename: string; code?: string } }>(
    'mutation($campaignId: ID!, $code: String!, $maxUses: Int) { createSharedCode(campaignId: $campaignId, code: $code, maxUses: $maxUses) { __typename ... on CouponCode { code } } }',
    { campaignId, code, maxUses },
    { token: adminToken },
  );
  if (!data.createSharedCode.code) {
    throw new Error(`createSharedCode failed: ${data.createSharedCode.__typename}`);
  }
  return data.createSharedCode.code;
}

export interface IssuedCouponData {
  code: string;
  token: string;
  pngBase64: string;
  svg: string;
}

export async function issueCoupon(app: TestApp, auth: { apiKey?: string; token?: string }, campaignId: string, customerId: string): Promise<IssuedCouponData> {
  const data = await app.ok<{ issueCoupon: { __typename: string; code?: string; qr?: { token: string; pngBase64: string; svg: string } } }>(
    `mutation($campaignId: ID!, $customerId: ID!) {
      issueCoupon(campaignId: $campaignId, customerId: $customerId) { __typename ... on IssuedCoupon { code qr { token pngBase64 svg } } }
    }`,
    { campaignId, customerId },
    auth,
  );
  const issued = data.issueCoupon;
  if (!issued.code || !issued.qr) {
    throw new Error(`issueCoupon failed: ${issued.__typename}`);
  }
  return { code: issued.code, token: issued.qr.token, pngBase64: issued.qr.pngBase64, svg: issued.qr.svg };
}

/** A product with one active variant, for baskets. */
export async function createSellableVariant(app: TestApp, adminToken: string, priceAmount: number, sku = unique('CPN-')): Promise<{ variantId: string; sku: string }> {
  const data = await app.ok<{ createProduct: { variants: { id: string; sku: string }[] } }>(
    `mutation($input: CreateProductInput!) { createProduct(input: $input) { ... on Product { variants { id sku } } } }`,
    { input: { name: `Product ${sku}`, variants: [{ sku, name: sku, priceAmount, currency: 'EUR' }] } },
    { token: adminToken },
  );
  const [variant] = data.createProduct.variants;
  return { variantId: variant.id, sku: variant.sku };
}

/** Every field of every coupon error, for `... on` selections. */
export const COUPON_RESULT_FIELDS = `__typename
  ... on ErrorResult { errorCode message }
  ... on CouponMinimumNotMetError { minimumAmount basketAmount }
  ... on CouponAlreadyUsedByCustomerError { perCustomerCap }`;

/** What a scanner reads from a base64 PNG QR code (jsQR), or null when it finds none. */
export function decodeQrPng(pngBase64: string): string | null {
  const image = PNG.sync.read(Buffer.from(pngBase64, 'base64'));
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null;
}
