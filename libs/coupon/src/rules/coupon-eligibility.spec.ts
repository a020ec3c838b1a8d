import { CouponChannel } from '../entities/coupon.enums';
import {
  CouponCurrencyMismatchError, CouponExpiredError, CouponMinimumNotMetError, CouponNoEligibleItemsError, CouponNotIssuedToCustomerError,
  CouponNotYetValidError, CouponWrongChannelError, CouponWrongStoreError,
} from '../errors/coupon.errors';
import { CampaignRules, firstRuleViolation, RedemptionSituation } from './coupon-eligibility';
import { DiscountBreakdown } from './discount-calculator';

const FROM = new Date('2025-11-01T00:00:00Z');
const UNTIL = new Date('2025-12-01T00:00:00Z');

const rules: CampaignRules = {
  validFrom: FROM,
  validUntil: UNTIL,
  eligibleChannels: [CouponChannel.POS],
  eligibleStoreIds: ['store-a'],
  currency: 'EUR',
  minBasketAmount: 5000,
};

const situation: RedemptionSituation = {
  now: new Date('2025-11-15T12:00:00Z'),
  channel: CouponChannel.POS,
  storeId: 'store-a',
  currency: 'EUR',
  customerId: null,
  issuedToCustomerId: null,
};

const breakdown: DiscountBreakdown = { basketAmount: 6000, eligibleAmount: 6000, discountAmount: 600, lineDiscounts: [600] };

describe('firstRuleViolation', () => {
  it('passes a basket that meets every rule', () => {
    expect(firstRuleViolation(rules, situation, breakdown)).toBeNull();
    expect(firstRuleViolation({ ...rules, eligibleStoreIds: null }, { ...situation, storeId: null }, breakdown)).toBeNull();
  });

  it.each([
    ['before validFrom', { now: new Date(FROM.getTime() - 1) }, {}, CouponNotYetValidError],
    ['at validUntil (exclusive)', { now: UNTIL }, {}, CouponExpiredError],
    ['in another channel', { channel: CouponChannel.ONLINE }, {}, CouponWrongChannelError],
    ['in another store', { storeId: 'store-b' }, {}, CouponWrongStoreError],
    ['without a store when stores are restricted', { storeId: null }, {}, CouponWrongStoreError],
    ['in another currency', { currency: 'USD' }, {}, CouponCurrencyMismatchError],
    ['for another identified customer', { customerId: 'y', issuedToCustomerId: 'x' }, {}, CouponNotIssuedToCustomerError],
    ['below the minimum', {}, { basketAmount: 4999 }, CouponMinimumNotMetError],
    ['with no eligible item', {}, { eligibleAmount: 0 }, CouponNoEligibleItemsError],
  ])('refuses a basket %s', (_label, situationOverride, breakdownOverride, expected) => {
    expect(firstRuleViolation(rules, { ...situation, ...situationOverride }, { ...breakdown, ...breakdownOverride })).toBeInstanceOf(expected);
  });

  it('lets an issued code be used by its owner or with no identified customer', () => {
    expect(firstRuleViolation(rules, { ...situation, customerId: 'x', issuedToCustomerId: 'x' }, breakdown)).toBeNull();
    expect(firstRuleViolation(rules, { ...situation, customerId: null, issuedToCustomerId: 'x' }, breakdown)).toBeNull();
  });

  it('reports the minimum it was not met by', () => {
    expect(firstRuleViolation(rules, situation, { ...breakdown, basketAmount: 100 })).toEqual(new CouponMinimumNotMetError(5000, 100));
  });
});
