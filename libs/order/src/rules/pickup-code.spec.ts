import {
  attemptsRemaining, generatePickupCode, hashPickupCode, locksAfterFailure, normalisePickupCode, pickupCodeMatches,
} from './pickup-code';

const secret = 's'.repeat(40);
const orderId = '7b0e2f55-7a4f-4c39-9f43-0d4c3f7e0b11';

describe('pickup codes', () => {
  it('are six random digits', () => {
    const codes = new Set(Array.from({ length: 200 }, generatePickupCode));
    for (const code of codes) {
      expect(code).toMatch(/^\d{6}$/);
    }
    expect(codes.size).toBeGreaterThan(190);
  });

  it('match only the right code for the right order', () => {
    const hash = hashPickupCode(secret, orderId, '048213');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(pickupCodeMatches(secret, orderId, '048213', hash)).toBe(true);
    expect(pickupCodeMatches(secret, orderId, ' 048-213 ', hash)).toBe(true);
    expect(pickupCodeMatches(secret, orderId, '048214', hash)).toBe(false);
    expect(pickupCodeMatches(secret, orderId, '48213', hash)).toBe(false);
    expect(pickupCodeMatches(secret, orderId, 'abcdef', hash)).toBe(false);
    expect(pickupCodeMatches(secret, '00000000-0000-4000-8000-000000000000', '048213', hash)).toBe(false);
    expect(pickupCodeMatches('t'.repeat(40), orderId, '048213', hash)).toBe(false);
    expect(pickupCodeMatches(secret, orderId, '048213', null)).toBe(false);
  });

  it('normalises what staff type', () => {
    expect(normalisePickupCode(' 12 34-56 ')).toBe('123456');
  });

  it('lock after every fifth failure', () => {
    expect([1, 2, 3, 4, 5, 6, 9, 10].map(locksAfterFailure)).toEqual([false, false, false, false, true, false, false, true]);
    expect([0, 1, 4, 5, 6].map(attemptsRemaining)).toEqual([5, 4, 1, 5, 4]);
  });
});
