import { CouponDiscountType } from '../entities/coupon.enums';
import { calculateDiscount, DiscountRule, PricedLine } from './discount-calculator';

const percent = (value: number, overrides: Partial<DiscountRule> = {}): DiscountRule => ({
  discountType: CouponDiscountType.PERCENT,
  percent: value,
  maxDiscountAmount: null,
  fixedAmount: null,
  eligibleSkus: null,
  ...overrides,
});

const fixed = (amount: number, overrides: Partial<DiscountRule> = {}): DiscountRule => ({
  discountType: CouponDiscountType.FIXED_AMOUNT,
  percent: null,
  maxDiscountAmount: null,
  fixedAmount: amount,
  eligibleSkus: null,
  ...overrides,
});

const line = (sku: string, quantity: number, unitPriceAmount: number): PricedLine => ({ sku, quantity, unitPriceAmount });

describe('calculateDiscount', () => {
  it('takes a percentage of the basket, rounded down, spread in proportion', () => {
    const sut = calculateDiscount(percent(10), [line('A', 1, 8999), line('B', 2, 1999)]);
    // 10% of 12997 = 1299.7 -> 1299
    expect(sut).toEqual({ basketAmount: 12997, eligibleAmount: 12997, discountAmount: 1299, lineDiscounts: [899, 400] });
  });

  it('caps a percentage at maxDiscountAmount', () => {
    const sut = calculateDiscount(percent(50, { maxDiscountAmount: 2000 }), [line('A', 1, 10000)]);
    expect(sut.discountAmount).toBe(2000);
    expect(sut.lineDiscounts).toEqual([2000]);
  });

  it('discounts eligible SKUs only, and the minimum counts the whole basket', () => {
    const sut = calculateDiscount(percent(20, { eligibleSkus: ['B'] }), [line('A', 1, 5000), line('B', 1, 3000), line('C', 2, 1000)]);
    expect(sut).toEqual({ basketAmount: 10000, eligibleAmount: 3000, discountAmount: 600, lineDiscounts: [0, 600, 0] });
  });

  it('never gives more than the eligible total for a fixed amount', () => {
    expect(calculateDiscount(fixed(1500), [line('A', 1, 999)])).toMatchObject({ discountAmount: 999, lineDiscounts: [999] });
    expect(calculateDiscount(fixed(1000, { eligibleSkus: ['X'] }), [line('A', 1, 5000)])).toMatchObject({ eligibleAmount: 0, discountAmount: 0, lineDiscounts: [0] });
  });

  it('allocates a fixed amount so the lines sum exactly and no line goes negative', () => {
    const lines = [line('A', 3, 333), line('B', 1, 1), line('C', 7, 129), line('D', 1, 0)];
    const sut = calculateDiscount(fixed(1000), lines);
    expect(sut.lineDiscounts.reduce((a, b) => a + b, 0)).toBe(1000);
    sut.lineDiscounts.forEach((discount, index) => {
      expect(discount).toBeGreaterThanOrEqual(0);
      expect(discount).toBeLessThanOrEqual(lines[index].quantity * lines[index].unitPriceAmount);
    });
    expect(sut.lineDiscounts[3]).toBe(0);
  });

  it('gives 100% off exactly, and nothing on an empty or free basket', () => {
    expect(calculateDiscount(percent(100), [line('A', 3, 333), line('B', 1, 1)])).toMatchObject({ discountAmount: 1000, lineDiscounts: [999, 1] });
    expect(calculateDiscount(percent(10), [])).toEqual({ basketAmount: 0, eligibleAmount: 0, discountAmount: 0, lineDiscounts: [] });
    expect(calculateDiscount(fixed(500), [line('A', 1, 0)])).toMatchObject({ discountAmount: 0, lineDiscounts: [0] });
  });

  it('sums exactly for many random baskets', () => {
    for (let run = 0; run < 500; run++) {
      const lines = Array.from({ length: 1 + (run % 7) }, (_, i) => line(`S${i % 3}`, 1 + ((run * 7 + i) % 5), (run * 131 + i * 977) % 20000));
      const rule = run % 2 === 0 ? percent(1 + (run % 100), { maxDiscountAmount: run % 3 === 0 ? 1500 : null }) : fixed(1 + run * 37, { eligibleSkus: run % 4 === 1 ? ['S1'] : null });
      const sut = calculateDiscount(rule, lines);
      expect(sut.lineDiscounts.reduce((a, b) => a + b, 0)).toBe(sut.discountAmount);
      expect(sut.discountAmount).toBeLessThanOrEqual(sut.eligibleAmount);
      expect(sut.lineDiscounts.every((value) => Number.isInteger(value) && value >= 0)).toBe(true);
    }
  });
});
