import { createHmac, timingSafeEqual } from 'node:crypto';

export const WEBHOOK_EVENT_ID_HEADER = 'x-omnitill-event-id';
export const WEBHOOK_TIMESTAMP_HEADER = 'x-omnitill-timestamp';
export const WEBHOOK_SIGNATURE_HEADER = 'x-omnitill-signature';
export const WEBHOOK_DELIVERY_ID_HEADER = 'x-omnitill-delivery-id';
export const WEBHOOK_ATTEMPT_HEADER = 'x-omnitill-attempt';

/** Default freshness window for `verifyWebhookSignature`: older deliveries are refused (replay protection). */
export const DEFAULT_SIGNATURE_TOLERANCE_SECONDS = 300;

const SCHEME = 'v1';

function hmacHex(secret: string, timestamp: string, body: string): string {
  return createHmac('sha256', secret).update(timestamp).update('.').update(body).digest('hex');
}

/** The `x-omnitill-signature` value: `v1=<hex HMAC-SHA256(secret, timestamp + "." + body)>`. */
export function signWebhookPayload(secret: string, timestamp: string, body: string): string {
  return `${SCHEME}=${hmacHex(secret, timestamp, body)}`;
}

export interface VerifyWebhookSignatureOptions {
  /** Refuse timestamps further than this from `now` (seconds). Infinity disables the check. */
  readonly toleranceSeconds?: number;
  readonly now?: Date;
}

/**
 * For integrators: true when `header` (the x-omnitill-signature value) carries a valid v1
 * signature of exactly `body` (the raw request body, before any JSON parsing) and `timestamp` (the
 * x-omnitill-timestamp value, Unix seconds) is within the tolerance. Constant-time comparison.
 * Several signatures may be listed, separated by commas.
 */
export function verifyWebhookSignature(
  secret: string,
  timestamp: string,
  body: string,
  header: string,
  options: VerifyWebhookSignatureOptions = {},
): boolean {
  if (!secret || !/^\d{1,12}$/.test(timestamp) || typeof header !== 'string' || header.length > 2000) {
    return false;
  }
  const tolerance = options.toleranceSeconds ?? DEFAULT_SIGNATURE_TOLERANCE_SECONDS;
  const nowSeconds = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (Number.isFinite(tolerance) && Math.abs(nowSeconds - Number(timestamp)) > tolerance) {
    return false;
  }
  const expected = Buffer.from(hmacHex(secret, timestamp, body), 'hex');
  return header.split(',').some((part) => {
    const [scheme, value] = part.trim().split('=', 2);
    if (scheme !== SCHEME || !value || !/^[0-9a-f]+$/i.test(value)) {
      return false;
    }
    const given = Buffer.from(value, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
