import { allocateProportionally } from '@omnitill/common';
import { CouponDiscountType } from '../entities/coupon.enums';

export interface DiscountRule {
  readonly discountType: CouponDiscountType;
  /** 1..100, PERCENT only. */
  readonly percent: number | null;
  /** Optional cap on a PERCENT discount, minor units. */
  readonly maxDiscountAmount: number | null;
  /** FIXED_AMOUNT only, minor units. */
  readonly fixedAmount: number | null;
  /** Upper-cased SKUs; null = every line is eligible. */
  readonly eligibleSkus: readonly string[] | null;
}

export interface PricedLine {
  /** Upper-cased. */
  readonly sku: string;
  readonly quantity: number;
  readonly unitPriceAmount: number;
}

export interface DiscountBreakdown {
  /** Every line, eligible or not. */
  readonly basketAmount: number;
  readonly eligibleAmount: number;
  readonly discountAmount: number;
  /** Index-aligned with the lines; 0 for ineligible ones; sums to discountAmount exactly. */
  readonly lineDiscounts: number[];
}

/**
 * The discount of a basket, in integer minor units. Only eligible lines count: a percentage of
 * their total (rounded down: never more than advertised), capped by maxDiscountAmount; or a fixed
 * amount, capped at their total (a coupon never makes a line negative). The discount is spread
 * over the eligible lines in proportion to their totals, so refunds can prorate it per line.
 */
export function calculateDiscount(rule: DiscountRule, lines: readonly PricedLine[]): DiscountBreakdown {
  const eligible = rule.eligibleSkus === null ? null : new Set(rule.eligibleSkus);
  const lineTotals = lines.map((line) => line.quantity * line.unitPriceAmount);
  const eligibleTotals = lines.map((line, index) => (eligible === null || eligible.has(line.sku) ? lineTotals[index] : 0));
  const basketAmount = sum(lineTotals);
  const eligibleAmount = sum(eligibleTotals);
  const discountAmount = Math.min(eligibleAmount, uncappedDiscount(rule, eligibleAmount));
  return { basketAmount, eligibleAmount, discountAmount, lineDiscounts: allocateProportionally(discountAmount, eligibleTotals) };
}

function uncappedDiscount(rule: DiscountRule, eligibleAmount: number): number {
  switch (rule.discountType) {
    case CouponDiscountType.PERCENT: {
      const discount = Math.floor((eligibleAmount * (rule.percent ?? 0)) / 100);
      return rule.maxDiscountAmount === null ? discount : Math.min(discount, rule.maxDiscountAmount);
    }
    case CouponDiscountType.FIXED_AMOUNT:
      return rule.fixedAmount ?? 0;
  }
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
