import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

export const PICKUP_CODE_DIGITS = 6;
/** Wrong codes in a row before the order is locked... */
export const PICKUP_MAX_FAILED_ATTEMPTS = 5;
/** ...for this long. With 6 digits that caps guessing at 5 tries per 15 minutes per order. */
export const PICKUP_LOCK_MS = 15 * 60 * 1000;
export const PICKUP_TOKEN_PURPOSE = 'pickup';

/** What the pickup QR carries (signed): the order and the nonce of the credentials issued last. */
export interface PickupTokenPayload {
  readonly o: string;
  readonly n: string;
}

/** A uniformly random numeric code, e.g. "048213". */
export function generatePickupCode(): string {
  return String(randomInt(0, 10 ** PICKUP_CODE_DIGITS)).padStart(PICKUP_CODE_DIGITS, '0');
}

export function generatePickupNonce(): string {
  return randomBytes(12).toString('base64url');
}

/** Staff type what the customer reads out: spaces and dashes are ignored. */
export function normalisePickupCode(input: string): string {
  return input.replace(/[\s-]/g, '');
}

/**
 * Keyed with the server secret and bound to the order: a leaked table cannot be brute-forced
 * offline (10^6 codes) without the secret, and a hash cannot be replayed on another order.
 */
export function hashPickupCode(secret: string, orderId: string, code: string): string {
  return createHmac('sha256', secret).update(`pickup-code:${orderId.toLowerCase()}:${code}`).digest('hex');
}

export function pickupCodeMatches(secret: string, orderId: string, code: string, storedHash: string | null): boolean {
  const normalised = normalisePickupCode(code);
  if (storedHash === null || !/^\d+$/.test(normalised) || normalised.length !== PICKUP_CODE_DIGITS) {
    return false;
  }
  const given = Buffer.from(hashPickupCode(secret, orderId, normalised), 'hex');
  const expected = Buffer.from(storedHash, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** After this failure (1-based count of failures so far), whether the order locks now. */
export function locksAfterFailure(failedAttempts: number): boolean {
  return failedAttempts > 0 && failedAttempts % PICKUP_MAX_FAILED_ATTEMPTS === 0;
}

/** Wrong codes left before the next lock. */
export function attemptsRemaining(failedAttempts: number): number {
  return PICKUP_MAX_FAILED_ATTEMPTS - (failedAttempts % PICKUP_MAX_FAILED_ATTEMPTS);
}
