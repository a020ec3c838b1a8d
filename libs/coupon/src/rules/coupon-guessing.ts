import { RequestContext } from '@omnitill/common';

/** Unknown codes one caller may try within the window before its look-ups are refused. */
export const COUPON_GUESS_MAX_FAILURES = 10;
export const COUPON_GUESS_WINDOW_MS = 15 * 60 * 1000;

/**
 * Who is guessing. A till counts as one caller whoever is logged in on it; a storefront key is
 * shared by every shopper of a web shop, so it is counted per client address, never as a whole
 * (one abuser must not lock the shop out of its own coupons).
 */
export function couponGuessCaller(ctx: RequestContext): string {
  const actor = ctx.actor;
  switch (actor.kind) {
    case 'staff':
      return actor.terminalId ? `terminal:${actor.terminalId}` : `staff:${actor.userId}`;
    case 'customer':
      return `customer:${actor.customerId}`;
    case 'storefront':
      return `storefront:${actor.apiKeyId}@${ctx.ip ?? 'unknown'}`.slice(0, 160);
    case 'anonymous':
      return `anonymous@${ctx.ip ?? 'unknown'}`.slice(0, 160);
  }
}

/** Seconds until the oldest failure in the window leaves it, or null when the caller may try. */
export function couponGuessRetryAfter(failures: { count: number; oldest: Date | null }, now: Date): number | null {
  if (failures.count < COUPON_GUESS_MAX_FAILURES) {
    return null;
  }
  const freesAt = (failures.oldest?.getTime() ?? now.getTime()) + COUPON_GUESS_WINDOW_MS;
  return Math.max(1, Math.ceil((freesAt - now.getTime()) / 1000));
}
