import { paidAmountForUnits } from '@omnitill/order';

/**
 * What a returned unit was actually paid, in integer minor units. A line was paid
 * unit price × quantity − the discount allocated to it; that amount is split over its units by
 * largest remainder: every unit gets the floor of the average and the LAST units of the line get
 * one minor unit more each, so the units of a line always add up to exactly what the line paid.
 */

export interface PaidLine {
  readonly unitPriceAmount: number;
  readonly quantity: number;
  /** The order discount (coupon...) allocated to this line. */
  readonly discountAmount: number;
}

function assertCount(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new Error(`${name} must be a non-negative integer, got ${value}`);
  }
}

/** unit price × quantity − allocated discount. */
export function linePaidAmount(line: PaidLine): number {
  assertCount(line.unitPriceAmount, 'unitPriceAmount');
  assertCount(line.discountAmount, 'discountAmount');
  if (!Number.isSafeInteger(line.quantity) || line.quantity < 1) {
    throw new Error(`quantity must be a positive integer, got ${line.quantity}`);
  }
  const paid = line.unitPriceAmount * line.quantity - line.discountAmount;
  if (paid < 0) {
    throw new Error(`the discount ${line.discountAmount} exceeds the line's gross amount`);
  }
  return paid;
}

/** Every unit's share of `paidAmount`, first unit first; the last `paid mod quantity` units carry the remainder. */
export function unitPaidAmounts(paidAmount: number, quantity: number): number[] {
  assertCount(paidAmount, 'paidAmount');
  if (!Number.isSafeInteger(quantity) || quantity < 1) {
    throw new Error(`quantity must be a positive integer, got ${quantity}`);
  }
  const base = Math.floor(paidAmount / quantity);
  const remainder = paidAmount - base * quantity;
  return Array.from({ length: quantity }, (_, index) => base + (index >= quantity - remainder ? 1 : 0));
}

/**
 * The share of units [from, from + units) of the line: the order lib's per-unit rule
 * (paidAmountForUnits), so refused lines, returns and exchanges all split a line the same way.
 */
export function shareOfUnits(paidAmount: number, quantity: number, from: number, units: number): number {
  assertCount(paidAmount, 'paidAmount');
  assertCount(from, 'from');
  assertCount(units, 'units');
  if (!Number.isSafeInteger(quantity) || quantity < 1 || from + units > quantity) {
    throw new Error(`units ${from}..${from + units} are not within a line of ${quantity}`);
  }
  return paidAmountForUnits(paidAmount, quantity, from, units);
}

export interface LineRefundState {
  /** What the line paid (linePaidAmount). */
  readonly paidAmount: number;
  readonly quantity: number;
  /** Units already given back before this return: refused at the counter, returned earlier. */
  readonly settledUnits: number;
  /** Money already given back for this line by those units. */
  readonly refundedAmount: number;
}

/** What may still be refunded for the line: never below zero. */
export function remainingRefundable(state: LineRefundState): number {
  return Math.max(0, state.paidAmount - state.refundedAmount);
}

/**
 * The refund for `units` more units of a line: their largest-remainder share, never more than
 * what is left to refund; returning the line's last units refunds exactly what is left, so a
 * line refunded in any number of returns adds up to what it paid and never more.
 */
export function refundForUnits(state: LineRefundState, units: number): number {
  assertCount(state.settledUnits, 'settledUnits');
  assertCount(state.refundedAmount, 'refundedAmount');
  if (!Number.isSafeInteger(units) || units < 1) {
    throw new Error(`units must be a positive integer, got ${units}`);
  }
  if (state.settledUnits + units > state.quantity) {
    throw new Error(`cannot return ${units} more of ${state.quantity} units (${state.settledUnits} already settled)`);
  }
  const left = remainingRefundable(state);
  if (state.settledUnits + units === state.quantity) {
    return left;
  }
  return Math.min(left, shareOfUnits(state.paidAmount, state.quantity, state.settledUnits, units));
}
