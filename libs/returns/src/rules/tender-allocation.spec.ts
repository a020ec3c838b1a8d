import { allocateRefundToTenders, RefundableTender } from './tender-allocation';

const tender = (paymentId: string, method: string, amount: number, refundedAmount = 0): RefundableTender => ({
  paymentId, method, amount, refundedAmount, reference: `ref-${paymentId}`,
});

describe('allocateRefundToTenders', () => {
  it('refunds a single online payment with its reference', () => {
    expect(allocateRefundToTenders(2500, [tender('p1', 'EXTERNAL', 8000)])).toEqual({
      refunds: [{ paymentId: 'p1', method: 'EXTERNAL', amount: 2500, reference: 'ref-p1' }],
      unallocated: 0,
    });
  });

  it('takes electronic tenders before cash, each up to what is left on it', () => {
    const split = [tender('cash', 'CASH', 3000), tender('card', 'CARD', 5000, 4000)];
    expect(allocateRefundToTenders(2500, split).refunds).toEqual([
      { paymentId: 'card', method: 'CARD', amount: 1000, reference: 'ref-card' },
      { paymentId: 'cash', method: 'CASH', amount: 1500, reference: 'ref-cash' },
    ]);
  });

  it('reports what no tender can take, and nothing for a zero refund', () => {
    expect(allocateRefundToTenders(500, [tender('c', 'CARD', 300)])).toEqual({
      refunds: [{ paymentId: 'c', method: 'CARD', amount: 300, reference: 'ref-c' }],
      unallocated: 200,
    });
    expect(allocateRefundToTenders(0, [tender('c', 'CARD', 300)])).toEqual({ refunds: [], unallocated: 0 });
    expect(allocateRefundToTenders(100, [])).toEqual({ refunds: [], unallocated: 100 });
    expect(() => allocateRefundToTenders(-1, [])).toThrow();
  });
});
