import { searchTermsOf } from './order-query.service';

describe('searchTermsOf', () => {
  it('reads an order number, an email or a phone from what support types', () => {
    expect(searchTermsOf(' ber-mitte-w-000045 ')).toEqual({ number: 'BER-MITTE-W-000045', email: undefined, phone: undefined });
    expect(searchTermsOf('Ana@Example.com')).toMatchObject({ email: 'ana@example.com', phone: undefined });
    expect(searchTermsOf('+49 (30) 555-0101')).toMatchObject({ phone: '+49305550101', email: undefined });
    expect(searchTermsOf('12')).toMatchObject({ phone: undefined });
  });
});
