import { OrderChannel } from '../entities/order.enums';
import { normaliseEmail, normalisePhone } from './contact';
import { formatOrderNumber, normaliseOrderNumber, orderNumberPrefix } from './order-number';
import { assertSaleTime, MAX_CLOCK_SKEW_MS, MAX_OFFLINE_AGE_MS } from './sale-time';

describe('order numbers', () => {
  it('carry the store code, the channel and a zero-padded running number', () => {
    expect(formatOrderNumber('BER-MITTE', OrderChannel.POS, 123)).toBe('BER-MITTE-P-000123');
    expect(formatOrderNumber('ber-mitte', OrderChannel.ONLINE, 45)).toBe('BER-MITTE-W-000045');
    expect(formatOrderNumber('X', OrderChannel.POS, 1_234_567)).toBe('X-P-1234567');
    expect(orderNumberPrefix('X', OrderChannel.ONLINE)).toBe('X-W-');
    expect(normaliseOrderNumber(' ber-mitte-p-000123 ')).toBe('BER-MITTE-P-000123');
  });
});

describe('contact details', () => {
  it('normalise email and phone', () => {
    expect(normaliseEmail('  Ana@Example.COM ')).toBe('ana@example.com');
    expect(normalisePhone('+49 (30) 123-45')).toBe('+493012345');
    expect(normalisePhone('0049 30 12345')).toBe('+493012345');
    expect(normalisePhone('030 12345')).toBe('03012345');
  });
});

describe('assertSaleTime', () => {
  const now = new Date('2030-05-01T12:00:00Z');

  it('accepts now, a little clock skew and offline sales up to 30 days old', () => {
    expect(() => assertSaleTime(now, now)).not.toThrow();
    expect(() => assertSaleTime(new Date(now.getTime() + MAX_CLOCK_SKEW_MS), now)).not.toThrow();
    expect(() => assertSaleTime(new Date(now.getTime() - MAX_OFFLINE_AGE_MS), now)).not.toThrow();
  });

  it('refuses the future beyond the skew, very old sales and invalid times', () => {
    expect(() => assertSaleTime(new Date(now.getTime() + MAX_CLOCK_SKEW_MS + 1), now)).toThrow('future');
    expect(() => assertSaleTime(new Date(now.getTime() - MAX_OFFLINE_AGE_MS - 1), now)).toThrow('30 days');
    expect(() => assertSaleTime(new Date(Number.NaN), now)).toThrow('valid');
  });
});
