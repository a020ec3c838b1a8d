import { createHmac } from 'node:crypto';
import { signWebhookPayload, verifyWebhookSignature } from './webhook-signature';

describe('webhook signatures', () => {
  const secret = 'whsec_test-secret';
  const body = '{"id":"e1","type":"order.placed"}';
  const now = new Date('2025-05-01T12:00:00Z');
  const timestamp = String(Math.floor(now.getTime() / 1000));

  it('signs v1=<hex HMAC-SHA256(secret, timestamp.body)>, as documented for integrators', () => {
    const expected = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
    expect(signWebhookPayload(secret, timestamp, body)).toBe(`v1=${expected}`);
  });

  it('verifies its own signature', () => {
    expect(verifyWebhookSignature(secret, timestamp, body, signWebhookPayload(secret, timestamp, body), { now })).toBe(true);
  });

  it('refuses another secret, a changed body or a changed timestamp', () => {
    const header = signWebhookPayload(secret, timestamp, body);
    expect(verifyWebhookSignature('whsec_other', timestamp, body, header, { now })).toBe(false);
    expect(verifyWebhookSignature(secret, timestamp, body.replace('e1', 'e2'), header, { now })).toBe(false);
    expect(verifyWebhookSignature(secret, String(Number(timestamp) + 1), body, header, { now })).toBe(false);
  });

  it('refuses timestamps outside the tolerance (5 minutes by default), unless told otherwise', () => {
    const old = String(Number(timestamp) - 301);
    const header = signWebhookPayload(secret, old, body);
    expect(verifyWebhookSignature(secret, old, body, header, { now })).toBe(false);
    expect(verifyWebhookSignature(secret, old, body, header, { now, toleranceSeconds: 600 })).toBe(true);
    expect(verifyWebhookSignature(secret, old, body, header, { now, toleranceSeconds: Infinity })).toBe(true);
  });

  it('accepts a list of signatures when one matches, and never throws on garbage', () => {
    const good = signWebhookPayload(secret, timestamp, body);
    expect(verifyWebhookSignature(secret, timestamp, body, `v1=deadbeef, ${good}`, { now })).toBe(true);
    for (const header of ['', 'v1=', 'v0=abc', 'v1=zz', good.slice(0, -2), 'x'.repeat(5000)]) {
      expect(verifyWebhookSignature(secret, timestamp, body, header, { now })).toBe(false);
    }
    expect(verifyWebhookSignature(secret, 'not-a-number', body, good, { now })).toBe(false);
    expect(verifyWebhookSignature('', timestamp, body, good, { now })).toBe(false);
  });
});
