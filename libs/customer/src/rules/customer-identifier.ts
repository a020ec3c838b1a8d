import { normalisePhone } from './phone-number';
import { parseLoyaltyNumber } from './loyalty-number';

/** Emails are compared and stored trimmed and lower-cased. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// A signed token: base64url body, one dot, base64url signature (see SignedTokenCodec).
const SIGNED_TOKEN_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

export type CustomerIdentifier =
  | { readonly kind: 'qr-token'; readonly token: string }
  | { readonly kind: 'loyalty-number'; readonly loyaltyNumber: string }
  | { readonly kind: 'email'; readonly email: string }
  | { readonly kind: 'phone'; readonly phone: string };

/**
 * What a cashier scanned or typed: a personal QR token, a loyalty number, an email or a phone
 * number, normalised; null when it is none of them. The shapes cannot overlap: only emails hold an
 * `@`, only tokens a `.` between base64url parts, only loyalty numbers start with OT.
 */
export function classifyIdentifier(raw: string, defaultCallingCode?: string): CustomerIdentifier | null {
  const value = raw.trim();
  if (value.length === 0 || value.length > 512) {
    return null;
  }
  if (value.includes('@')) {
    return value.length <= 254 && EMAIL_SHAPE.test(value) ? { kind: 'email', email: normaliseEmail(value) } : null;
  }
  if (SIGNED_TOKEN_SHAPE.test(value)) {
    return { kind: 'qr-token', token: value };
  }
  const loyaltyNumber = parseLoyaltyNumber(value);
  if (loyaltyNumber !== null) {
    return { kind: 'loyalty-number', loyaltyNumber };
  }
  const phone = normalisePhone(value, defaultCallingCode);
  return phone === null ? null : { kind: 'phone', phone };
}
