import { includedTax, priceOrder } from './pricing';

describe('includedTax', () => {
  it.each([
    [11900, 1900, 1900],
    [1000, 1900, 160], // 159.66 -> 160
    [119, 1900, 19],
    [0, 1900, 0],
    [1000, 0, 0],
    [1050, 500, 50],
    [21, 500, 1], // 1.0 exactly
    [-11900, 1900, -1900],
  ])('tax in %i at %i bp is %i', (gross, rate, expected) => {
    expect(includedTax(gross, rate)).toBe(expected);
  });

  it('rounds half away from zero', () => {
    // At 100 % (10000 bp) the tax in 3 is exactly 1.5.
    expect(includedTax(3, 10_000)).toBe(2);
    expect(includedTax(-3, 10_000)).toBe(-2);
    expect(includedTax(231, 1000)).toBe(21);
  });
});

describe('priceOrder', () => {
  it('prices lines without a discount', () => {
    const sut = priceOrder([
      { unitPriceAmount: 2999, quantity: 2, taxRateBp: 1900 },
      { unitPriceAmount: 500, quantity: 1, taxRateBp: 700 },
    ]);
    expect(sut.totals).toEqual({ subtotalAmount: 6498, discountAmount: 0, taxAmount: 958 + 33, totalAmount: 6498 });
    expect(sut.lines.map((l) => [l.grossAmount, l.discountAmount, l.totalAmount, l.taxAmount])).toEqual([
      [5998, 0, 5998, 958],
      [500, 0, 500, 33],
    ]);
  });

  it('allocates an order discount in proportion to the line gross, adding up exactly', () => {
    const sut = priceOrder(
      [
        { unitPriceAmount: 1000, quantity: 1, taxRateBp: 1900 },
        { unitPriceAmount: 1000, quantity: 1, taxRateBp: 1900 },
        { unitPriceAmount: 1000, quantity: 1, taxRateBp: 1900 },
      ],
      100,
    );
    expect(sut.lines.map((l) => l.discountAmount)).toEqual([34, 33, 33]);
    expect(sut.totals.discountAmount).toBe(100);
    expect(sut.totals.totalAmount).toBe(2900);
    expect(sut.lines.reduce((sum, l) => sum + l.totalAmount, 0)).toBe(2900);
    expect(sut.totals.taxAmount).toBe(sut.lines.reduce((sum, l) => sum + l.taxAmount, 0));
  });

  it('caps a discount at the subtotal', () => {
    const sut = priceOrder([{ unitPriceAmount: 500, quantity: 1, taxRateBp: 1900 }], 10_000);
    expect(sut.totals).toEqual({ subtotalAmount: 500, discountAmount: 500, taxAmount: 0, totalAmount: 0 });
  });

  it('takes per-line discounts as given, capped at each line', () => {
    const sut = priceOrder(
      [
        { unitPriceAmount: 1000, quantity: 2, taxRateBp: 1900 },
        { unitPriceAmount: 500, quantity: 1, taxRateBp: 1900 },
      ],
      [300, 800],
    );
    expect(sut.lines.map((l) => [l.discountAmount, l.totalAmount])).toEqual([[300, 1700], [500, 0]]);
    expect(sut.totals).toMatchObject({ subtotalAmount: 2500, discountAmount: 800, totalAmount: 1700 });
    expect(() => priceOrder([{ unitPriceAmount: 1, quantity: 1, taxRateBp: 0 }], [1, 2])).toThrow('one discount per line');
  });

  it('handles free items and refuses bad input', () => {
    expect(priceOrder([{ unitPriceAmount: 0, quantity: 3, taxRateBp: 1900 }], 50).totals.totalAmount).toBe(0);
    expect(() => priceOrder([{ unitPriceAmount: 1.5, quantity: 1, taxRateBp: 0 }])).toThrow();
    expect(() => priceOrder([{ unitPriceAmount: 1, quantity: 0, taxRateBp: 0 }])).toThrow();
    expect(() => priceOrder([{ unitPriceAmount: 1, quantity: 1, taxRateBp: 0 }], -1)).toThrow();
    expect(() => priceOrder([{ unitPriceAmount: 1_000_000_000, quantity: 2, taxRateBp: 0 }])).toThrow('at most');
  });
});
