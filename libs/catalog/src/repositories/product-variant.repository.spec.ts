import { duplicateKeyValueOf } from './product-variant.repository';

describe('duplicateKeyValueOf', () => {
  it('reads the value PostgreSQL names in a unique violation', () => {
    expect(duplicateKeyValueOf({ driverError: { detail: 'Key (sku)=(RUN-42) already exists.' } })).toBe('RUN-42');
    expect(duplicateKeyValueOf({ detail: 'Key (barcode)=(4006381333931) already exists.' })).toBe('4006381333931');
  });

  it('returns null when there is nothing to read', () => {
    expect(duplicateKeyValueOf(new Error('boom'))).toBeNull();
    expect(duplicateKeyValueOf(null)).toBeNull();
    expect(duplicateKeyValueOf({ driverError: { detail: 42 } })).toBeNull();
  });
});
