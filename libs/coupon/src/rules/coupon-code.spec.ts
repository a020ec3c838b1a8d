import { COUPON_CODE_ALPHABET, generateCouponCodes, normaliseCouponCode } from './coupon-code';

describe('coupon codes', () => {
  it('generates codes of 12 unambiguous symbols, practically unique', () => {
    const codes = generateCouponCodes(10_000);
    expect(codes).toHaveLength(10_000);
    expect(new Set(codes).size).toBe(10_000);
    for (const code of codes.slice(0, 100)) {
      expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTVWXYZ]{12}$/);
    }
  });

  it('uses every symbol about equally often (no modulo bias)', () => {
    const counts = new Map<string, number>();
    for (const symbol of generateCouponCodes(5_000).join('')) {
      counts.set(symbol, (counts.get(symbol) ?? 0) + 1);
    }
    expect(counts.size).toBe(COUPON_CODE_ALPHABET.length);
    const expected = (5_000 * 12) / COUPON_CODE_ALPHABET.length;
    for (const count of counts.values()) {
      expect(Math.abs(count - expected) / expected).toBeLessThan(0.1);
    }
  });

  it('normalises typed codes and refuses what cannot be one', () => {
    expect(normaliseCouponCode(' welcome10 ')).toBe('WELCOME10');
    expect(normaliseCouponCode('summer-24')).toBe('SUMMER-24');
    expect(normaliseCouponCode('K7M2 X9QP RT4H')).toBe('K7M2X9QPRT4H');
    for (const junk of ['', 'AB', 'x'.repeat(33), "A'; DROP TABLE coupon_code", 'ÄBC123', '-ABC']) {
      expect(normaliseCouponCode(junk)).toBeNull();
    }
  });
});
