import { PaymentMethod } from '../entities/order.enums';
import { settlePayments } from './payments';

const { CASH, CARD, GIFT } = PaymentMethod;

describe('settlePayments', () => {
  it('gives change from tendered cash', () => {
    const sut = settlePayments(5998, [{ method: CASH, amount: 5998, tenderedAmount: 10_000 }]);
    expect(sut).toEqual({
      covered: true,
      changeDueAmount: 4002,
      payments: [{ method: CASH, amount: 5998, tenderedAmount: 10_000, changeAmount: 4002, externalReference: null }],
    });
  });

  it('treats cash over the total as change', () => {
    const sut = settlePayments(5998, [{ method: CASH, amount: 10_000 }]);
    expect(sut).toMatchObject({ covered: true, changeDueAmount: 4002, payments: [{ amount: 5998, tenderedAmount: 10_000, changeAmount: 4002 }] });
  });

  it('splits card and cash, change from the cash', () => {
    const sut = settlePayments(10_000, [
      { method: CARD, amount: 6000, externalReference: 'auth-1' },
      { method: CASH, amount: 5000 },
    ]);
    expect(sut).toMatchObject({
      covered: true,
      changeDueAmount: 1000,
      payments: [
        { method: CARD, amount: 6000, tenderedAmount: null, changeAmount: 0, externalReference: 'auth-1' },
        { method: CASH, amount: 4000, tenderedAmount: 5000, changeAmount: 1000 },
      ],
    });
    if (sut.covered) {
      expect(sut.payments.reduce((sum, p) => sum + p.amount, 0)).toBe(10_000);
    }
  });

  it('reports a shortfall', () => {
    expect(settlePayments(5000, [{ method: CARD, amount: 2000 }, { method: CASH, amount: 2999 }])).toEqual({ covered: false, dueAmount: 5000, paidAmount: 4999 });
    expect(settlePayments(1, [])).toEqual({ covered: false, dueAmount: 1, paidAmount: 0 });
  });

  it('accepts no payments for a free sale', () => {
    expect(settlePayments(0, [])).toEqual({ covered: true, payments: [], changeDueAmount: 0 });
  });

  it('refuses non-cash overpayment, tendered on non-cash, tendered below amount and negative amounts', () => {
    expect(() => settlePayments(1000, [{ method: GIFT, amount: 1500 }])).toThrow('non-cash');
    expect(() => settlePayments(1000, [{ method: CARD, amount: 1000, tenderedAmount: 2000 }])).toThrow('Only cash');
    expect(() => settlePayments(1000, [{ method: CASH, amount: 1000, tenderedAmount: 500 }])).toThrow('at least');
    expect(() => settlePayments(1000, [{ method: CASH, amount: -1 }])).toThrow('non-negative');
  });
});
