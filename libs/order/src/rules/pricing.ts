import { allocateProportionally, BadInputException, MAX_MONEY_AMOUNT } from '@omnitill/common';

export interface LinePriceInput {
  readonly unitPriceAmount: number;
  readonly quantity: number;
  /** Basis points, e.g. 1900 for 19 %. */
  readonly taxRateBp: number;
}

export interface PricedLine extends LinePriceInput {
  /** unit price × quantity. */
  readonly grossAmount: number;
  readonly discountAmount: number;
  /** gross − discount: what the customer pays for the line. */
  readonly totalAmount: number;
  /** The tax included in totalAmount. */
  readonly taxAmount: number;
}

export interface OrderTotals {
  readonly subtotalAmount: number;
  readonly discountAmount: number;
  readonly taxAmount: number;
  readonly totalAmount: number;
}

export interface PricedOrder {
  readonly lines: PricedLine[];
  readonly totals: OrderTotals;
}

/** The tax contained in a tax-inclusive amount: round(gross × rate / (10000 + rate)), half away from zero. */
export function includedTax(grossAmount: number, taxRateBp: number): number {
  if (!Number.isSafeInteger(grossAmount) || !Number.isInteger(taxRateBp) || taxRateBp < 0) {
    throw new Error('includedTax needs integer minor units and a non-negative integer rate');
  }
  const numerator = Math.abs(grossAmount) * taxRateBp;
  const denominator = 10_000 + taxRateBp;
  // Integer half-up rounding (no float drift on .5 cases).
  const tax = Math.floor((2 * numerator + denominator) / (2 * denominator));
  return grossAmount < 0 ? -tax : tax;
}

/**
 * Prices an order: each line's gross, the discount per line, and the included tax per line.
 * `discount` is either an order amount, allocated over the lines in proportion to their gross
 * (parts always add up exactly), or the discount of each line (e.g. a coupon's line discounts).
 * A discount larger than what it applies to is capped there: nothing ever goes negative.
 */
export function priceOrder(lines: readonly LinePriceInput[], discount: number | readonly number[] = 0): PricedOrder {
  const requested = typeof discount === 'number' ? [discount] : discount;
  if (!requested.every((amount) => Number.isSafeInteger(amount) && amount >= 0)) {
    throw new Error('discounts must be non-negative integers');
  }
  if (typeof discount !== 'number' && discount.length !== lines.length) {
    throw new Error('one discount per line is required');
  }
  const gross = lines.map((line) => {
    if (!Number.isInteger(line.quantity) || line.quantity < 1 || !Number.isSafeInteger(line.unitPriceAmount) || line.unitPriceAmount < 0) {
      throw new Error('lines need a positive integer quantity and a non-negative integer unit price');
    }
    return line.unitPriceAmount * line.quantity;
  });
  const subtotalAmount = gross.reduce((sum, amount) => sum + amount, 0);
  if (subtotalAmount > MAX_MONEY_AMOUNT) {
    throw new BadInputException(`The order total may be at most ${MAX_MONEY_AMOUNT} minor units`, [{ field: 'lines', messages: ['total too large'] }]);
  }
  const discounts = typeof discount === 'number'
    ? allocateProportionally(Math.min(discount, subtotalAmount), gross)
    : discount.map((amount, index) => Math.min(amount, gross[index]));
  const discountAmount = discounts.reduce((sum, amount) => sum + amount, 0);
  const priced = lines.map((line, index): PricedLine => {
    const totalAmount = gross[index] - discounts[index];
    return {
      ...line,
      grossAmount: gross[index],
      discountAmount: discounts[index],
      totalAmount,
      taxAmount: includedTax(totalAmount, line.taxRateBp),
    };
  });
  return {
    lines: priced,
    totals: {
      subtotalAmount,
      discountAmount,
      taxAmount: priced.reduce((sum, line) => sum + line.taxAmount, 0),
      totalAmount: subtotalAmount - discountAmount,
    },
  };
}
