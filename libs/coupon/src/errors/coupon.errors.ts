import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ErrorResult } from '@omnitill/common';
import { CouponChannel } from '../entities/coupon.enums';

@ObjectType('UnknownCouponError', { implements: () => [ErrorResult], description: 'No such code (also for malformed codes).' })
export class UnknownCouponError extends ErrorResult {
  constructor() {
    super('UNKNOWN_COUPON', 'This coupon code does not exist');
  }
}

@ObjectType('InvalidCouponTokenError', {
  implements: () => [ErrorResult],
  description: 'A scanned token that is tampered with, malformed, or not a coupon token (e.g. a personal QR code).',
})
export class InvalidCouponTokenError extends ErrorResult {
  constructor() {
    super('INVALID_COUPON_TOKEN', 'This QR code is not a valid coupon');
  }
}

@ObjectType('CouponNotYetValidError', { implements: () => [ErrorResult] })
export class CouponNotYetValidError extends ErrorResult {
  @Field(() => Date)
  readonly validFrom: Date;

  constructor(validFrom: Date) {
    super('COUPON_NOT_YET_VALID', `This coupon is valid from ${validFrom.toISOString()}`);
    this.validFrom = validFrom;
  }
}

@ObjectType('CouponExpiredError', { implements: () => [ErrorResult] })
export class CouponExpiredError extends ErrorResult {
  @Field(() => Date)
  readonly validUntil: Date;

  constructor(validUntil: Date) {
    super('COUPON_EXPIRED', `This coupon expired at ${validUntil.toISOString()}`);
    this.validUntil = validUntil;
  }
}

@ObjectType('CouponWrongStoreError', { implements: () => [ErrorResult], description: 'The campaign is not valid in this store (or without a store).' })
export class CouponWrongStoreError extends ErrorResult {
  constructor() {
    super('COUPON_WRONG_STORE', 'This coupon is not valid in this store');
  }
}

@ObjectType('CouponWrongChannelError', { implements: () => [ErrorResult] })
export class CouponWrongChannelError extends ErrorResult {
  @Field(() => [CouponChannel])
  readonly eligibleChannels: CouponChannel[];

  constructor(eligibleChannels: readonly CouponChannel[]) {
    super('COUPON_WRONG_CHANNEL', `This coupon is only valid ${eligibleChannels.map((c) => (c === CouponChannel.POS ? 'in store' : 'online')).join(' or ')}`);
    this.eligibleChannels = [...eligibleChannels];
  }
}

@ObjectType('CouponCurrencyMismatchError', { implements: () => [ErrorResult], description: 'The basket is in another currency than the campaign.' })
export class CouponCurrencyMismatchError extends ErrorResult {
  @Field(() => String)
  readonly campaignCurrency: string;

  constructor(campaignCurrency: string) {
    super('COUPON_CURRENCY_MISMATCH', `This coupon applies to baskets in ${campaignCurrency}`);
    this.campaignCurrency = campaignCurrency;
  }
}

@ObjectType('CouponMinimumNotMetError', { implements: () => [ErrorResult], description: 'The basket total is below the campaign minimum.' })
export class CouponMinimumNotMetError extends ErrorResult {
  @Field(() => Int, { description: 'Minor units.' })
  readonly minimumAmount: number;

  @Field(() => Int, { description: 'The basket total, minor units.' })
  readonly basketAmount: number;

  constructor(minimumAmount: number, basketAmount: number) {
    super('COUPON_MINIMUM_NOT_MET', `This coupon needs a basket of at least ${minimumAmount} (minor units)`);
    this.minimumAmount = minimumAmount;
    this.basketAmount = basketAmount;
  }
}

@ObjectType('CouponNoEligibleItemsError', { implements: () => [ErrorResult], description: 'No line of the basket is an item the campaign discounts.' })
export class CouponNoEligibleItemsError extends ErrorResult {
  constructor() {
    super('COUPON_NO_ELIGIBLE_ITEMS', 'This coupon does not apply to any item in the basket');
  }
}

@ObjectType('CouponExhaustedError', { implements: () => [ErrorResult], description: 'The code or the campaign has no uses left.' })
export class CouponExhaustedError extends ErrorResult {
  constructor() {
    super('COUPON_EXHAUSTED', 'This coupon has already been used up');
  }
}

@ObjectType('CouponAlreadyUsedByCustomerError', { implements: () => [ErrorResult] })
export class CouponAlreadyUsedByCustomerError extends ErrorResult {
  @Field(() => Int)
  readonly perCustomerCap: number;

  constructor(perCustomerCap: number) {
    super('COUPON_ALREADY_USED_BY_CUSTOMER', `This customer has already used this campaign ${perCustomerCap} time(s)`);
    this.perCustomerCap = perCustomerCap;
  }
}

@ObjectType('CouponNotIssuedToCustomerError', {
  implements: () => [ErrorResult],
  description: 'The code was issued to another customer than the one identified.',
})
export class CouponNotIssuedToCustomerError extends ErrorResult {
  constructor() {
    super('COUPON_NOT_ISSUED_TO_CUSTOMER', 'This coupon belongs to another customer');
  }
}

@ObjectType('NoCouponCodesAvailableError', { implements: () => [ErrorResult], description: 'Every generated code of the campaign has been issued.' })
export class NoCouponCodesAvailableError extends ErrorResult {
  constructor() {
    super('NO_COUPON_CODES_AVAILABLE', 'The campaign has no unissued codes left; generate more');
  }
}

@ObjectType('DuplicateCouponCodeError', { implements: () => [ErrorResult] })
export class DuplicateCouponCodeError extends ErrorResult {
  @Field(() => String)
  readonly code: string;

  constructor(code: string) {
    super('DUPLICATE_COUPON_CODE', `The code ${code} already exists`);
    this.code = code;
  }
}

/** Every reason a code does not apply to a basket. */
export type CouponError =
  | UnknownCouponError
  | InvalidCouponTokenError
  | CouponNotYetValidError
  | CouponExpiredError
  | CouponWrongStoreError
  | CouponWrongChannelError
  | CouponCurrencyMismatchError
  | CouponMinimumNotMetError
  | CouponNoEligibleItemsError
  | CouponExhaustedError
  | CouponAlreadyUsedByCustomerError
  | CouponNotIssuedToCustomerError;

export const COUPON_ERRORS = [
  UnknownCouponError,
  InvalidCouponTokenError,
  CouponNotYetValidError,
  CouponExpiredError,
  CouponWrongStoreError,
  CouponWrongChannelError,
  CouponCurrencyMismatchError,
  CouponMinimumNotMetError,
  CouponNoEligibleItemsError,
  CouponExhaustedError,
  CouponAlreadyUsedByCustomerError,
  CouponNotIssuedToCustomerError,
];
