import { generateApiKey, hashApiKey, SignedTokenCodec } from './signed-token';

describe('SignedTokenCodec', () => {
  const sut = new SignedTokenCodec('x'.repeat(40));

  it('round-trips a payload for the same purpose', () => {
    const token = sut.sign('pickup', { orderId: 'o1', exp: 123 });
    expect(sut.verify('pickup', token)).toEqual({ orderId: 'o1', exp: 123 });
  });

  it('rejects a token minted for another purpose', () => {
    const token = sut.sign('pickup', { orderId: 'o1' });
    expect(sut.verify('coupon', token)).toBeNull();
  });

  it('rejects tampered and malformed tokens', () => {
    const token = sut.sign('pickup', { orderId: 'o1' });
    const [body, signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ orderId: 'o2' })).toString('base64url');
    expect(sut.verify('pickup', `${forged}.${signature}`)).toBeNull();
    expect(sut.verify('pickup', `${body}.${signature.slice(1)}`)).toBeNull();
    for (const junk of ['', '.', 'abc', 'a.b.c', `${body}.`, '%%%.%%%']) {
      expect(sut.verify('pickup', junk)).toBeNull();
    }
  });

  it('rejects a token signed with another secret', () => {
    const other = new SignedTokenCodec('y'.repeat(40));
    expect(sut.verify('pickup', other.sign('pickup', { a: 1 }))).toBeNull();
  });
});

describe('API keys', () => {
  it('are random, prefixed and hashed deterministically', () => {
    const a = generateApiKey('sf');
    const b = generateApiKey('sf');
    expect(a).toMatch(/^sf_[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(hashApiKey(a)).toBe(hashApiKey(a));
    expect(hashApiKey(a)).not.toBe(hashApiKey(b));
  });
});
