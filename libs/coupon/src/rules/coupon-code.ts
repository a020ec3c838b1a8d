import { randomBytes } from 'node:crypto';

/** No 0/O, 1/I/L or U: nothing a cashier can misread or type wrong, and fewer accidental words. */
export const COUPON_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 12 symbols of 30: about 59 bits, so guessing one of 10 million live codes stays hopeless. */
export const GENERATED_CODE_LENGTH = 12;

/** What any code (typed, shared or generated) may look like once normalised. */
export const COUPON_CODE_PATTERN = /^[A-Z0-9][A-Z0-9_-]{2,31}$/;

// 240 is the largest multiple of 30 below 256: bytes from 240 up are dropped so every symbol is equally likely.
const UNBIASED_LIMIT = 256 - (256 % COUPON_CODE_ALPHABET.length);

/** `count` random codes from the crypto RNG (duplicates are possible, if astronomically rare: the caller dedupes). */
export function generateCouponCodes(count: number, length = GENERATED_CODE_LENGTH): string[] {
  const codes: string[] = [];
  let pool = randomBytes(count * length * 2);
  let offset = 0;
  for (let i = 0; i < count; i++) {
    let code = '';
    while (code.length < length) {
      if (offset >= pool.length) {
        pool = randomBytes(length * 16);
        offset = 0;
      }
      const byte = pool[offset++];
      if (byte < UNBIASED_LIMIT) {
        code += COUPON_CODE_ALPHABET[byte % COUPON_CODE_ALPHABET.length];
      }
    }
    codes.push(code);
  }
  return codes;
}

/** A typed code, upper-cased and without spaces; null when it cannot be a code at all. */
export function normaliseCouponCode(raw: string): string | null {
  const code = raw.replace(/\s+/g, '').toUpperCase();
  return COUPON_CODE_PATTERN.test(code) ? code : null;
}
