import { registerEnumType } from '@nestjs/graphql';

/** Where a customer touchpoint happened. Values match the RequestContext channel. */
export enum CustomerChannel {
  ONLINE = 'ONLINE',
  POS = 'POS',
  BACK_OFFICE = 'BACK_OFFICE',
}
registerEnumType(CustomerChannel, { name: 'CustomerChannel', description: 'Where a customer touchpoint happened.' });

export enum ConsentPurpose {
  EMAIL_MARKETING = 'EMAIL_MARKETING',
  SMS_MARKETING = 'SMS_MARKETING',
}
registerEnumType(ConsentPurpose, { name: 'ConsentPurpose' });

/**
 * Every kind of entry on the one customer timeline. Libs above customer contribute entries through
 * a CustomerTimelineSource; a kind they need is added here (a GraphQL enum is closed).
 */
export enum TimelineEntryKind {
  PROFILE_CREATED = 'PROFILE_CREATED',
  PROFILE_MERGED = 'PROFILE_MERGED',
  CONSENT_CHANGED = 'CONSENT_CHANGED',
  COUPON_ISSUED = 'COUPON_ISSUED',
  COUPON_REDEEMED = 'COUPON_REDEEMED',
  COUPON_REDEMPTION_REVERSED = 'COUPON_REDEMPTION_REVERSED',
  ORDER_PLACED = 'ORDER_PLACED',
  ORDER_PICKED_UP = 'ORDER_PICKED_UP',
  ORDER_CANCELLED = 'ORDER_CANCELLED',
  POS_SALE = 'POS_SALE',
  RETURN = 'RETURN',
}
registerEnumType(TimelineEntryKind, { name: 'TimelineEntryKind' });

export const CHANNEL_VALUES = Object.values(CustomerChannel);
export const CONSENT_PURPOSE_VALUES = Object.values(ConsentPurpose);

/** The caller's channel (POS on a terminal, BACK_OFFICE for other staff, ONLINE otherwise). */
export function customerChannelOf(ctx: { readonly channel: keyof typeof CustomerChannel }): CustomerChannel {
  return CustomerChannel[ctx.channel];
}
