import { BadInputException } from '@omnitill/common';
import { PaymentMethod } from '../entities/order.enums';

export interface PaymentInput {
  readonly method: PaymentMethod;
  /** What this tender pays towards the sale. For cash, any excess over what is due is change. */
  readonly amount: number;
  /** Cash handed over, when more than `amount` (the difference is change). Cash only. */
  readonly tenderedAmount?: number | null;
  readonly externalReference?: string | null;
}

export interface SettledPayment {
  readonly method: PaymentMethod;
  /** Applied to the total; the applied amounts add up to the total exactly. */
  readonly amount: number;
  readonly tenderedAmount: number | null;
  readonly changeAmount: number;
  readonly externalReference: string | null;
}

export type PaymentSettlement =
  | { readonly covered: true; readonly payments: SettledPayment[]; readonly changeDueAmount: number }
  | { readonly covered: false; readonly dueAmount: number; readonly paidAmount: number };

/**
 * Checks that the tenders cover the total and works out cash change. Cards, gift cards, store
 * credit and external payments must not exceed what is due (they cannot give change); cash may,
 * and the excess (plus any tendered over its amount) is change due.
 */
export function settlePayments(totalAmount: number, payments: readonly PaymentInput[]): PaymentSettlement {
  for (const [index, payment] of payments.entries()) {
    if (!Number.isSafeInteger(payment.amount) || payment.amount < 0) {
      throw new BadInputException('Payment amounts must be non-negative integers', [{ field: `payments.${index}.amount`, messages: ['must be ≥ 0'] }]);
    }
    const tendered = payment.tenderedAmount ?? null;
    if (tendered !== null && payment.method !== PaymentMethod.CASH) {
      throw new BadInputException('Only cash has a tendered amount', [{ field: `payments.${index}.tenderedAmount`, messages: ['cash only'] }]);
    }
    if (tendered !== null && tendered < payment.amount) {
      throw new BadInputException('Tendered cash must be at least the amount', [{ field: `payments.${index}.tenderedAmount`, messages: ['must be ≥ amount'] }]);
    }
  }
  const paidAmount = payments.reduce((sum, payment) => sum + payment.amount, 0);
  if (paidAmount < totalAmount) {
    return { covered: false, dueAmount: totalAmount, paidAmount };
  }
  const nonCash = payments.filter((p) => p.method !== PaymentMethod.CASH).reduce((sum, p) => sum + p.amount, 0);
  if (nonCash > totalAmount) {
    throw new BadInputException('Card and other non-cash payments cannot exceed the total (they give no change)', [
      { field: 'payments', messages: ['non-cash payments exceed the total'] },
    ]);
  }
  // The excess is handed back from the cash tenders, last one first.
  let excess = paidAmount - totalAmount;
  const settled: SettledPayment[] = new Array<SettledPayment>(payments.length);
  for (let index = payments.length - 1; index >= 0; index--) {
    const payment = payments[index];
    const fromThis = payment.method === PaymentMethod.CASH ? Math.min(excess, payment.amount) : 0;
    excess -= fromThis;
    const tendered = payment.method === PaymentMethod.CASH ? (payment.tenderedAmount ?? payment.amount) : null;
    const applied = payment.amount - fromThis;
    settled[index] = {
      method: payment.method,
      amount: applied,
      tenderedAmount: tendered,
      changeAmount: tendered === null ? 0 : tendered - applied,
      externalReference: payment.externalReference ?? null,
    };
  }
  return { covered: true, payments: settled, changeDueAmount: settled.reduce((sum, p) => sum + p.changeAmount, 0) };
}
