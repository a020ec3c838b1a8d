import { paidAmountForUnits } from '@omnitill/order';
import { linePaidAmount, refundForUnits, remainingRefundable, shareOfUnits, unitPaidAmounts } from './refund-proration';

describe('linePaidAmount', () => {
  it('is unit price × quantity − the allocated discount', () => {
    expect(linePaidAmount({ unitPriceAmount: 5999, quantity: 3, discountAmount: 1800 })).toBe(16_197);
    expect(linePaidAmount({ unitPriceAmount: 0, quantity: 1, discountAmount: 0 })).toBe(0);
  });

  it('refuses impossible lines', () => {
    expect(() => linePaidAmount({ unitPriceAmount: 100, quantity: 1, discountAmount: 101 })).toThrow('exceeds');
    expect(() => linePaidAmount({ unitPriceAmount: 100, quantity: 0, discountAmount: 0 })).toThrow();
    expect(() => linePaidAmount({ unitPriceAmount: 1.5, quantity: 1, discountAmount: 0 })).toThrow();
    expect(() => linePaidAmount({ unitPriceAmount: 100, quantity: 1, discountAmount: -1 })).toThrow();
  });
});

describe('unitPaidAmounts', () => {
  it('gives the last units the remainder, one minor unit each', () => {
    // 3 × 59.99 with 18.00 off: 161.97 over 3 units.
    expect(unitPaidAmounts(16_197, 3)).toEqual([5399, 5399, 5399]);
    expect(unitPaidAmounts(1000, 3)).toEqual([333, 333, 334]);
    expect(unitPaidAmounts(1001, 3)).toEqual([333, 334, 334]);
    expect(unitPaidAmounts(1002, 4)).toEqual([250, 250, 251, 251]);
    expect(unitPaidAmounts(2, 5)).toEqual([0, 0, 0, 1, 1]);
    expect(unitPaidAmounts(0, 2)).toEqual([0, 0]);
  });

  it('always adds up to the line exactly, units differing by at most one', () => {
    for (let quantity = 1; quantity <= 12; quantity++) {
      for (const paid of [0, 1, 7, 99, 1000, 4999, 12_345, 999_999]) {
        const units = unitPaidAmounts(paid, quantity);
        expect(units.reduce((sum, unit) => sum + unit, 0)).toBe(paid);
        expect(Math.max(...units) - Math.min(...units)).toBeLessThanOrEqual(1);
        expect([...units].sort((a, b) => a - b)).toEqual(units);
      }
    }
  });

  it('matches shareOfUnits for every slice', () => {
    for (const [paid, quantity] of [[1000, 3], [1002, 4], [7, 5], [12_345, 7]] as const) {
      const units = unitPaidAmounts(paid, quantity);
      for (let from = 0; from <= quantity; from++) {
        for (let count = 0; from + count <= quantity; count++) {
          expect(shareOfUnits(paid, quantity, from, count)).toBe(units.slice(from, from + count).reduce((a, b) => a + b, 0));
        }
      }
    }
    expect(() => shareOfUnits(100, 2, 1, 2)).toThrow();
  });
});

describe('refundForUnits', () => {
  const line = (settledUnits: number, refundedAmount: number) => ({ paidAmount: 1000, quantity: 3, settledUnits, refundedAmount });

  it('refunds each unit its share; the last unit takes exactly what is left', () => {
    expect(refundForUnits(line(0, 0), 1)).toBe(333);
    expect(refundForUnits(line(1, 333), 1)).toBe(333);
    expect(refundForUnits(line(2, 666), 1)).toBe(334);
    expect(refundForUnits(line(0, 0), 3)).toBe(1000);
    expect(refundForUnits(line(1, 333), 2)).toBe(667);
  });

  it('never refunds more than is left, whatever was refunded before (refused units, rounding elsewhere)', () => {
    expect(refundForUnits(line(1, 999), 1)).toBe(1);
    expect(refundForUnits(line(1, 1000), 1)).toBe(0);
    expect(refundForUnits(line(2, 1200), 1)).toBe(0);
    expect(remainingRefundable(line(2, 1200))).toBe(0);
  });

  it('sums to the line exactly over any sequence of partial returns', () => {
    for (let quantity = 1; quantity <= 9; quantity++) {
      for (const paidAmount of [0, 1, 99, 1000, 12_345]) {
        for (const steps of [[1], [2, 1], [3, 1, 2], [1, 1, 1, 1, 5]]) {
          let settledUnits = 0;
          let refundedAmount = 0;
          for (const step of steps) {
            const units = Math.min(step, quantity - settledUnits);
            if (units === 0) {
              break;
            }
            const refund = refundForUnits({ paidAmount, quantity, settledUnits, refundedAmount }, units);
            expect(refund).toBeGreaterThanOrEqual(0);
            refundedAmount += refund;
            settledUnits += units;
            expect(refundedAmount).toBeLessThanOrEqual(paidAmount);
          }
          if (settledUnits < quantity) {
            refundedAmount += refundForUnits({ paidAmount, quantity, settledUnits, refundedAmount }, quantity - settledUnits);
          }
          expect(refundedAmount).toBe(paidAmount);
        }
      }
    }
  });

  it('agrees with the order lib on whole lines, and on units refused at the counter refunded by its rule', () => {
    for (let quantity = 1; quantity <= 7; quantity++) {
      for (const paidAmount of [1, 1000, 12_345]) {
        expect(refundForUnits({ paidAmount, quantity, settledUnits: 0, refundedAmount: 0 }, quantity)).toBe(paidAmountForUnits(paidAmount, quantity, 0, quantity));
        for (let refused = 1; refused < quantity; refused++) {
          const refusedRefund = paidAmountForUnits(paidAmount, quantity, 0, refused);
          const rest = refundForUnits({ paidAmount, quantity, settledUnits: refused, refundedAmount: refusedRefund }, quantity - refused);
          expect(refusedRefund + rest).toBe(paidAmount);
        }
      }
    }
  });

  it('refuses more units than remain and non-positive counts', () => {
    expect(() => refundForUnits(line(2, 666), 2)).toThrow('cannot return');
    expect(() => refundForUnits(line(0, 0), 0)).toThrow();
    expect(() => refundForUnits(line(0, 0), -1)).toThrow();
  });
});

describe('one per-unit rule across libs', () => {
  it('splits every line exactly as the order lib does (refused lines, returns)', () => {
    for (let quantity = 1; quantity <= 6; quantity++) {
      for (const paid of [0, 1, 5, 1000, 1001, 12_345]) {
        const units = unitPaidAmounts(paid, quantity);
        units.forEach((amount, index) => expect(paidAmountForUnits(paid, quantity, index, 1)).toBe(amount));
      }
    }
  });
});
