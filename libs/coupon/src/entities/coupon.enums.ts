import { registerEnumType } from '@nestjs/graphql';

/** The channels a campaign can be valid in. */
export enum CouponChannel {
  ONLINE = 'ONLINE',
  POS = 'POS',
}
registerEnumType(CouponChannel, { name: 'CouponChannel' });

export enum CouponDiscountType {
  PERCENT = 'PERCENT',
  FIXED_AMOUNT = 'FIXED_AMOUNT',
}
registerEnumType(CouponDiscountType, { name: 'CouponDiscountType' });

export enum CouponCodeKind {
  /** One code many people type (WELCOME10); uses limited by max_uses and the campaign caps. */
  SHARED = 'SHARED',
  /** Generated in bulk, single use, optionally issued to one customer. */
  UNIQUE = 'UNIQUE',
}
registerEnumType(CouponCodeKind, { name: 'CouponCodeKind' });

export enum CouponRedemptionState {
  ACTIVE = 'ACTIVE',
  REVERSED = 'REVERSED',
}
registerEnumType(CouponRedemptionState, { name: 'CouponRedemptionState' });

/** Why redemptions of an order are reversed; a full return honours the campaign's restore_on_full_return. */
export enum CouponReversalReason {
  ORDER_CANCELLED = 'ORDER_CANCELLED',
  ORDER_VOIDED = 'ORDER_VOIDED',
  FULL_RETURN = 'FULL_RETURN',
}
registerEnumType(CouponReversalReason, { name: 'CouponReversalReason' });
