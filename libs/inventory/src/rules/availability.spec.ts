import { availabilityBeforeOwnChange, availableOf, isLowStock } from './availability';

describe('availableOf', () => {
  it.each([
    [{ onHand: 10, reserved: 3, safetyStock: 2 }, 5],
    [{ onHand: 10, reserved: 0, safetyStock: 0 }, 10],
    [{ onHand: 5, reserved: 5, safetyStock: 0 }, 0],
    [{ onHand: 3, reserved: 2, safetyStock: 5 }, 0],
    [{ onHand: -4, reserved: 0, safetyStock: 0 }, 0],
  ])('%j -> %i (never below 0)', (figures, expected) => {
    expect(availableOf(figures)).toBe(expected);
  });
});

describe('isLowStock', () => {
  const level = { onHand: 10, reserved: 2, safetyStock: 3 };

  it('is low when available is at or below the threshold', () => {
    expect(isLowStock({ ...level, lowStockThreshold: 5 })).toBe(true);
    expect(isLowStock({ ...level, lowStockThreshold: 6 })).toBe(true);
    expect(isLowStock({ ...level, lowStockThreshold: 4 })).toBe(false);
  });

  it('is never low without a threshold', () => {
    expect(isLowStock({ onHand: 0, reserved: 0, safetyStock: 0, lowStockThreshold: null })).toBe(false);
  });
});

describe('availabilityBeforeOwnChange', () => {
  const lines = [{ variantId: 'a', quantity: 2 }, { variantId: 'b', quantity: 5 }, { variantId: 'c', quantity: 1 }];
  const levels = new Map([
    ['a', { onHand: 10, reserved: 6, safetyStock: 0 }],
    ['b', { onHand: 4, reserved: 1, safetyStock: 1 }],
  ]);

  it('does not report our own (to be rolled back) hold as taken', () => {
    expect(availabilityBeforeOwnChange(lines, levels, { kind: 'RESERVED', variantIds: new Set(['a']) })).toEqual([
      { variantId: 'a', requested: 2, available: 6 },
      { variantId: 'b', requested: 5, available: 2 },
      { variantId: 'c', requested: 1, available: 0 },
    ]);
  });

  it('puts back what our own statement took out of on hand', () => {
    expect(availabilityBeforeOwnChange(lines, levels, { kind: 'REMOVED', variantIds: new Set(['a']) })).toEqual([
      { variantId: 'a', requested: 2, available: 6 },
      { variantId: 'b', requested: 5, available: 2 },
      { variantId: 'c', requested: 1, available: 0 },
    ]);
    expect(availabilityBeforeOwnChange([{ variantId: 'a', quantity: 3 }], levels, { kind: 'REMOVED', variantIds: new Set(['a']) })).toEqual([
      { variantId: 'a', requested: 3, available: 7 },
    ]);
  });
});
