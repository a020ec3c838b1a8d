import { RequestContext, StaffRole } from '@omnitill/common';
import { COUPON_GUESS_MAX_FAILURES, COUPON_GUESS_WINDOW_MS, couponGuessCaller, couponGuessRetryAfter } from './coupon-guessing';

describe('coupon guessing limits', () => {
  const now = new Date('2026-01-01T12:00:00Z');

  it('lets a caller try until the limit, then names the seconds until the oldest failure leaves the window', () => {
    const oldest = new Date(now.getTime() - COUPON_GUESS_WINDOW_MS + 90_000);

    expect(couponGuessRetryAfter({ count: COUPON_GUESS_MAX_FAILURES - 1, oldest }, now)).toBeNull();
    expect(couponGuessRetryAfter({ count: COUPON_GUESS_MAX_FAILURES, oldest }, now)).toBe(90);
  });

  it('counts a till as one caller whoever is logged in, and a storefront per client address', () => {
    const staff = { kind: 'staff' as const, userId: 'u1', role: StaffRole.CASHIER, storeIds: ['s1'], terminalStoreId: 's1' };

    expect(couponGuessCaller(new RequestContext({ ...staff, terminalId: 't1' }, 'r'))).toBe('terminal:t1');
    expect(couponGuessCaller(new RequestContext({ ...staff, terminalId: null, terminalStoreId: null }, 'r'))).toBe('staff:u1');
    expect(couponGuessCaller(new RequestContext({ kind: 'storefront', apiKeyId: 'k1' }, 'r', '10.0.0.7'))).toBe('storefront:k1@10.0.0.7');
    expect(couponGuessCaller(new RequestContext({ kind: 'customer', customerId: 'c1' }, 'r', '10.0.0.7'))).toBe('customer:c1');
  });
});
