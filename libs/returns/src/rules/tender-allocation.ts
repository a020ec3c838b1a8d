/** A payment of the order as the refund sees it. */
export interface RefundableTender {
  readonly paymentId: string;
  /** CASH, CARD, GIFT, STORE_CREDIT, EXTERNAL. */
  readonly method: string;
  /** What the payment applied to the order (cash change excluded). */
  readonly amount: number;
  /** Refunded to it by earlier returns. */
  readonly refundedAmount: number;
  readonly reference: string | null;
}

export interface TenderRefund {
  readonly paymentId: string;
  readonly method: string;
  readonly amount: number;
  readonly reference: string | null;
}

export interface TenderAllocation {
  readonly refunds: TenderRefund[];
  /** What no tender could take back (the order recorded no payment for it). */
  readonly unallocated: number;
}

/**
 * Splits a refund over the tenders that paid: electronic tenders first (cards, the online payment,
 * store credit), cash last, each up to what it paid minus what earlier returns gave back to it.
 */
export function allocateRefundToTenders(amount: number, tenders: readonly RefundableTender[]): TenderAllocation {
  if (!Number.isSafeInteger(amount) || amount < 0) {
    throw new Error(`amount must be a non-negative integer, got ${amount}`);
  }
  const ordered = [...tenders.filter((t) => t.method !== 'CASH'), ...tenders.filter((t) => t.method === 'CASH')];
  const refunds: TenderRefund[] = [];
  let left = amount;
  for (const tender of ordered) {
    const room = Math.max(0, tender.amount - tender.refundedAmount);
    const take = Math.min(room, left);
    if (take > 0) {
      refunds.push({ paymentId: tender.paymentId, method: tender.method, amount: take, reference: tender.reference });
      left -= take;
    }
  }
  return { refunds, unallocated: left };
}
