import { CouponChannel } from '../entities/coupon.enums';
import {
  CouponCurrencyMismatchError, CouponExpiredError, CouponMinimumNotMetError, CouponNoEligibleItemsError, CouponNotIssuedToCustomerError,
  CouponNotYetValidError, CouponWrongChannelError, CouponWrongStoreError,
} from '../errors/coupon.errors';
import { DiscountBreakdown } from './discount-calculator';

export interface CampaignRules {
  readonly validFrom: Date;
  readonly validUntil: Date;
  readonly eligibleChannels: readonly CouponChannel[];
  readonly eligibleStoreIds: readonly string[] | null;
  readonly currency: string;
  readonly minBasketAmount: number;
}

export interface RedemptionSituation {
  readonly now: Date;
  readonly channel: CouponChannel;
  readonly storeId: string | null;
  readonly currency: string;
  /** The customer identified for the sale, if any. */
  readonly customerId: string | null;
  /** Whom the code was issued to, if anyone. */
  readonly issuedToCustomerId: string | null;
}

export type RuleViolation =
  | CouponNotYetValidError
  | CouponExpiredError
  | CouponWrongChannelError
  | CouponWrongStoreError
  | CouponCurrencyMismatchError
  | CouponNotIssuedToCustomerError
  | CouponMinimumNotMetError
  | CouponNoEligibleItemsError;

/**
 * The first rule the basket breaks, in the order a cashier would explain it (when, where, whose,
 * how much), or null. Counters (exhausted, per-customer cap) need the database and come after.
 * `validUntil` is exclusive. A code issued to X may be used without an identified customer (the
 * sale is then attached to X), but not by an identified customer Y.
 */
export function firstRuleViolation(rules: CampaignRules, situation: RedemptionSituation, breakdown: DiscountBreakdown): RuleViolation | null {
  const now = situation.now.getTime();
  if (now < rules.validFrom.getTime()) {
    return new CouponNotYetValidError(rules.validFrom);
  }
  if (now >= rules.validUntil.getTime()) {
    return new CouponExpiredError(rules.validUntil);
  }
  if (!rules.eligibleChannels.includes(situation.channel)) {
    return new CouponWrongChannelError(rules.eligibleChannels);
  }
  if (rules.eligibleStoreIds !== null && (situation.storeId === null || !rules.eligibleStoreIds.includes(situation.storeId))) {
    return new CouponWrongStoreError();
  }
  if (situation.currency !== rules.currency) {
    return new CouponCurrencyMismatchError(rules.currency);
  }
  if (situation.issuedToCustomerId !== null && situation.customerId !== null && situation.customerId !== situation.issuedToCustomerId) {
    return new CouponNotIssuedToCustomerError();
  }
  if (breakdown.basketAmount < rules.minBasketAmount) {
    return new CouponMinimumNotMetError(rules.minBasketAmount, breakdown.basketAmount);
  }
  if (breakdown.eligibleAmount <= 0) {
    return new CouponNoEligibleItemsError();
  }
  return null;
}
