import { createHmac, randomBytes, timingSafeEqual, createHash } from 'node:crypto';

/**
 * Compact HMAC-SHA256 signed tokens: `<base64url(json payload)>.<base64url(signature)>`.
 * The purpose ("staff-session", "pickup", "coupon"...) is part of what is signed, so a token
 * minted for one purpose is never accepted for another.
 */
export class SignedTokenCodec {
  private readonly key: Buffer;

  constructor(secret: string) {
    if (secret.length < 32) {
      throw new Error('Token secret must be at least 32 characters');
    }
    this.key = Buffer.from(secret, 'utf8');
  }

  sign<T extends object>(purpose: string, payload: T): string {
    const body = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
    return `${body}.${this.signature(purpose, body)}`;
  }

  /** Returns the payload when the signature is valid for this purpose, else null. Never throws. */
  verify<T extends object>(purpose: string, token: string): T | null {
    if (typeof token !== 'string' || token.length > 4096) {
      return null;
    }
    const dot = token.indexOf('.');
    if (dot <= 0 || dot !== token.lastIndexOf('.')) {
      return null;
    }
    const body = token.slice(0, dot);
    const given = Buffer.from(token.slice(dot + 1), 'base64url');
    const expected = Buffer.from(this.signature(purpose, body), 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return null;
    }
    try {
      const payload: unknown = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
      return typeof payload === 'object' && payload !== null ? (payload as T) : null;
    } catch {
      return null;
    }
  }

  private signature(purpose: string, body: string): string {
    return createHmac('sha256', this.key).update(purpose).update('.').update(body).digest('base64url');
  }
}

/** A random secret for API and terminal keys: prefix for humans, 256 bits of entropy. */
export function generateApiKey(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

/** Keys carry 256 bits of entropy, so a fast hash is enough to store them (no stretching needed). */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}
