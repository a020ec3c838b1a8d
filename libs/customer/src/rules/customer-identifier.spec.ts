import { classifyIdentifier } from './customer-identifier';
import { generateLoyaltyNumber } from './loyalty-number';

describe('classifyIdentifier', () => {
  it('tells a QR token, a loyalty number, an email and a phone number apart', () => {
    const loyalty = generateLoyaltyNumber();
    expect(classifyIdentifier('eyJjIjoiYWJjIn0.c2lnbmF0dXJl')).toEqual({ kind: 'qr-token', token: 'eyJjIjoiYWJjIn0.c2lnbmF0dXJl' });
    expect(classifyIdentifier(` ${loyalty.toLowerCase()} `)).toEqual({ kind: 'loyalty-number', loyaltyNumber: loyalty });
    expect(classifyIdentifier(' Jane.Doe@Example.COM ')).toEqual({ kind: 'email', email: 'jane.doe@example.com' });
    expect(classifyIdentifier('0170 1234567')).toEqual({ kind: 'phone', phone: '+491701234567' });
    expect(classifyIdentifier('0664 1234567', '+43')).toEqual({ kind: 'phone', phone: '+436641234567' });
  });

  it.each(['', '   ', 'hello', 'a@b', '@example.com', 'x'.repeat(600), 'OT12345678901', 'a.b.c', "'; DROP TABLE customer; --"])('answers null for %s', (raw) => {
    expect(classifyIdentifier(raw)).toBeNull();
  });
});
