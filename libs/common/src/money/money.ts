import { Field, Int, ObjectType } from '@nestjs/graphql';

/** ISO 4217 currencies we accept, with their minor-unit exponent. */
const CURRENCY_EXPONENTS: Readonly<Record<string, number>> = {
  EUR: 2, USD: 2, GBP: 2, CHF: 2, SEK: 2, NOK: 2, DKK: 2, PLN: 2, CZK: 2, CAD: 2, AUD: 2, JPY: 0,
};

export const SUPPORTED_CURRENCIES = Object.keys(CURRENCY_EXPONENTS);

/** Largest amount we accept in one price or line, in minor units (keeps sums inside int32 and safe). */
export const MAX_MONEY_AMOUNT = 1_000_000_000;

export function isSupportedCurrency(code: string): boolean {
  return Object.prototype.hasOwnProperty.call(CURRENCY_EXPONENTS, code);
}

/** An amount in integer minor units (cents) with its currency. Never a float. */
@ObjectType('Money', { description: 'An amount in integer minor units (e.g. cents) with an ISO 4217 currency.' })
export class Money {
  @Field(() => Int, { description: 'Amount in minor units, e.g. 1999 for 19.99 EUR.' })
  readonly amount: number;

  @Field(() => String)
  readonly currency: string;

  constructor(amount: number, currency: string) {
    if (!Number.isSafeInteger(amount)) {
      throw new Error(`Money amount must be an integer in minor units, got ${amount}`);
    }
    this.amount = amount;
    this.currency = currency;
  }

  static zero(currency: string): Money {
    return new Money(0, currency);
  }

  add(other: Money): Money {
    this.assertSameCurrency(other);
    return new Money(this.amount + other.amount, this.currency);
  }

  subtract(other: Money): Money {
    this.assertSameCurrency(other);
    return new Money(this.amount - other.amount, this.currency);
  }

  multiply(quantity: number): Money {
    if (!Number.isInteger(quantity)) {
      throw new Error('Money can only be multiplied by an integer quantity');
    }
    return new Money(this.amount * quantity, this.currency);
  }

  /** Formats for receipts and messages, e.g. "19.99 EUR". */
  format(): string {
    const exponent = CURRENCY_EXPONENTS[this.currency] ?? 2;
    const sign = this.amount < 0 ? '-' : '';
    const absolute = Math.abs(this.amount);
    if (exponent === 0) {
      return `${sign}${absolute} ${this.currency}`;
    }
    const divisor = 10 ** exponent;
    const major = Math.floor(absolute / divisor);
    const minor = String(absolute % divisor).padStart(exponent, '0');
    return `${sign}${major}.${minor} ${this.currency}`;
  }

  private assertSameCurrency(other: Money): void {
    if (other.currency !== this.currency) {
      throw new Error(`Currency mismatch: ${this.currency} vs ${other.currency}`);
    }
  }
}

/**
 * Splits `total` over `weights` in proportion, in integer minor units, so the parts always add up
 * to `total` exactly (largest-remainder method; ties go to the earlier weight).
 */
export function allocateProportionally(total: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(total)) {
    throw new Error('total must be an integer');
  }
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
  if (weights.length === 0) {
    return [];
  }
  if (weightSum <= 0) {
    return weights.map((_, index) => (index === 0 ? total : 0));
  }
  const exact = weights.map((weight) => (total * weight) / weightSum);
  const floors = exact.map((value) => Math.floor(value));
  let remainder = total - floors.reduce((sum, value) => sum + value, 0);
  const order = exact
    .map((value, index) => ({ index, fraction: value - Math.floor(value) }))
    .sort((a, b) => b.fraction - a.fraction || a.index - b.index);
  for (const { index } of order) {
    if (remainder <= 0) {
      break;
    }
    floors[index] += 1;
    remainder -= 1;
  }
  return floors;
}
