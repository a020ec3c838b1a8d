import { paidAmountForUnits } from './refund';

describe('paidAmountForUnits', () => {
  it('splits a line total over its units so every split adds up exactly', () => {
    // 3 units for 1000 (after a discount): 333 + 333 + 334.
    expect(paidAmountForUnits(1000, 3, 0, 1)).toBe(333);
    expect(paidAmountForUnits(1000, 3, 1, 1)).toBe(333);
    expect(paidAmountForUnits(1000, 3, 2, 1)).toBe(334);
    expect(paidAmountForUnits(1000, 3, 0, 3)).toBe(1000);
    expect(paidAmountForUnits(1000, 3, 1, 2)).toBe(667);
  });

  it('is consistent for every split of every small line', () => {
    for (let quantity = 1; quantity <= 7; quantity++) {
      for (const total of [0, 1, 99, 1000, 12_345]) {
        let settled = 0;
        let refunded = 0;
        for (const step of [2, 1, 3, 1, 5]) {
          const units = Math.min(step, quantity - settled);
          refunded += paidAmountForUnits(total, quantity, settled, units);
          settled += units;
        }
        refunded += paidAmountForUnits(total, quantity, settled, quantity - settled);
        expect(refunded).toBe(total);
      }
    }
  });

  it('refuses more units than remain', () => {
    expect(() => paidAmountForUnits(1000, 2, 1, 2)).toThrow('cannot settle');
    expect(() => paidAmountForUnits(1000, 0, 0, 0)).toThrow();
  });
});
