import { assertLineQuantities, firstDuplicateVariant, MAX_LINE_QUANTITY, mergeStockLines } from './stock-lines';

const A = '0a5e5f2c-0000-4000-8000-000000000001';
const B = '0a5e5f2c-0000-4000-8000-000000000002';
const C = 'ffffffff-0000-4000-8000-000000000003';

describe('mergeStockLines', () => {
  it('sums repeated variants (any case) and sorts by variant id, the lock order', () => {
    const sut = mergeStockLines([
      { variantId: C, quantity: 1 },
      { variantId: B.toUpperCase(), quantity: 2 },
      { variantId: A, quantity: 3 },
      { variantId: B, quantity: 4 },
    ]);
    expect(sut).toEqual([
      { variantId: A, quantity: 3 },
      { variantId: B, quantity: 6 },
      { variantId: C, quantity: 1 },
    ]);
  });

  it('gives the same order whatever the input order', () => {
    const forward = mergeStockLines([{ variantId: A, quantity: 1 }, { variantId: B, quantity: 1 }]);
    const backward = mergeStockLines([{ variantId: B, quantity: 1 }, { variantId: A, quantity: 1 }]);
    expect(backward).toEqual(forward);
  });
});

describe('assertLineQuantities', () => {
  it('accepts 1 up to the maximum', () => {
    expect(() => assertLineQuantities([{ variantId: A, quantity: 1 }, { variantId: B, quantity: MAX_LINE_QUANTITY }])).not.toThrow();
  });

  it.each([[0], [-1], [1.5], [MAX_LINE_QUANTITY + 1], [Number.NaN]])('refuses quantity %p', (quantity) => {
    expect(() => assertLineQuantities([{ variantId: A, quantity }])).toThrow(/Quantity/);
  });

  it('refuses no lines', () => {
    expect(() => assertLineQuantities([])).toThrow(/At least one line/);
  });

  it('checks merged totals, so duplicates cannot sneak past the maximum', () => {
    const merged = mergeStockLines([{ variantId: A, quantity: MAX_LINE_QUANTITY }, { variantId: A, quantity: 1 }]);
    expect(() => assertLineQuantities(merged)).toThrow(/Quantity/);
  });
});

describe('firstDuplicateVariant', () => {
  it('finds a repeat in any case, or null', () => {
    expect(firstDuplicateVariant([A, B, A.toUpperCase()])).toBe(A.toUpperCase());
    expect(firstDuplicateVariant([A, B])).toBeNull();
  });
});
