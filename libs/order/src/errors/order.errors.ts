import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ErrorResult, Money } from '@omnitill/common';
import { OrderState } from '../entities/order.enums';
import '../api/types/order-enums.type';

@ObjectType('OrderStateTransitionError', {
  implements: () => [ErrorResult],
  description: 'The order is not in a state that allows this (e.g. collecting an order that is not ready). Nothing changed.',
})
export class OrderStateTransitionError extends ErrorResult {
  @Field(() => OrderState)
  readonly fromState: OrderState;

  @Field(() => OrderState)
  readonly toState: OrderState;

  @Field(() => String, { nullable: true, description: 'Why a guard refused an otherwise allowed transition.' })
  readonly reason: string | null;

  constructor(fromState: OrderState, toState: OrderState, reason: string | null = null) {
    super('ORDER_STATE_TRANSITION', reason ? `Cannot go from ${fromState} to ${toState}: ${reason}` : `Cannot go from ${fromState} to ${toState}`);
    this.fromState = fromState;
    this.toState = toState;
    this.reason = reason;
  }
}

@ObjectType('UnknownSkuError', {
  implements: () => [ErrorResult],
  description: 'Some lines name a SKU, barcode or variant that does not exist or is not for sale. Nothing changed.',
})
export class UnknownSkuError extends ErrorResult {
  @Field(() => [String], { description: 'The SKUs, barcodes or variant ids as sent.' })
  readonly references: string[];

  constructor(references: readonly string[]) {
    super('UNKNOWN_SKU', `Unknown or unavailable: ${references.join(', ')}`);
    this.references = [...references];
  }
}

@ObjectType('StoreDoesNotOfferPickupError', { implements: () => [ErrorResult] })
export class StoreDoesNotOfferPickupError extends ErrorResult {
  @Field(() => ID)
  readonly storeId: string;

  constructor(storeId: string) {
    super('STORE_DOES_NOT_OFFER_PICKUP', 'This store does not offer click-and-collect');
    this.storeId = storeId;
  }
}

@ObjectType('InvalidPickupCodeError', {
  implements: () => [ErrorResult],
  description: 'The pickup code or QR does not match the order. Repeated failures lock the order for a while.',
})
export class InvalidPickupCodeError extends ErrorResult {
  @Field(() => Int, { nullable: true, description: 'Wrong codes left before the order is locked (null for a QR that is not valid).' })
  readonly attemptsRemaining: number | null;

  constructor(attemptsRemaining: number | null) {
    super('INVALID_PICKUP_CODE', 'The pickup code or QR is not valid for this order');
    this.attemptsRemaining = attemptsRemaining;
  }
}

@ObjectType('PickupLockedError', {
  implements: () => [ErrorResult],
  description: 'Too many wrong pickup codes: the order cannot be handed over until lockedUntil, even with the right code.',
})
export class PickupLockedError extends ErrorResult {
  @Field(() => Date)
  readonly lockedUntil: Date;

  constructor(lockedUntil: Date) {
    super('PICKUP_LOCKED', `Too many wrong pickup codes; try again after ${lockedUntil.toISOString()}`);
    this.lockedUntil = lockedUntil;
  }
}

@ObjectType('PaymentShortfallError', { implements: () => [ErrorResult], description: 'The payments do not cover the total. Nothing was recorded.' })
export class PaymentShortfallError extends ErrorResult {
  @Field(() => Money)
  readonly dueAmount: Money;

  @Field(() => Money)
  readonly paidAmount: Money;

  constructor(dueAmount: Money, paidAmount: Money) {
    super('PAYMENT_SHORTFALL', `Paid ${paidAmount.format()} of ${dueAmount.format()}`);
    this.dueAmount = dueAmount;
    this.paidAmount = paidAmount;
  }
}

@ObjectType('PriceOverrideNotAllowedError', { implements: () => [ErrorResult], description: 'Only a store manager or admin may override a price.' })
export class PriceOverrideNotAllowedError extends ErrorResult {
  constructor() {
    super('PRICE_OVERRIDE_NOT_ALLOWED', 'Only a store manager may override a price');
  }
}

@ObjectType('InsufficientStoreCreditError', { implements: () => [ErrorResult], description: 'The balance does not cover the amount. Nothing changed.' })
export class InsufficientStoreCreditError extends ErrorResult {
  @Field(() => Money)
  readonly available: Money;

  @Field(() => Money)
  readonly requested: Money;

  constructor(available: Money, requested: Money) {
    super('INSUFFICIENT_STORE_CREDIT', `Store credit of ${available.format()} does not cover ${requested.format()}`);
    this.available = available;
    this.requested = requested;
  }
}

@ObjectType('StoreCreditNeedsSignedInCustomerError', {
  implements: () => [ErrorResult],
  description: 'Store credit is spent from a customer profile: identify the customer at the till, or sign in on the storefront. Nothing changed.',
})
export class StoreCreditNeedsSignedInCustomerError extends ErrorResult {
  constructor() {
    super('STORE_CREDIT_NEEDS_CUSTOMER_PROFILE', 'Store credit can only be spent by an identified customer (at the till) or a signed-in customer (online)');
  }
}
