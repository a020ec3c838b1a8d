import { StoreEntity } from '@omnitill/store';
import { OrderLineEntity } from '../entities/order-line.entity';
import { OrderPaymentEntity } from '../entities/order-payment.entity';
import { OrderEntity } from '../entities/order.entity';
import { OrderChannel, OrderFulfilment, OrderState, PaymentMethod } from '../entities/order.enums';
import { buildReceipt, RECEIPT_WIDTH, taxSummary } from './receipt';

const store = Object.assign(new StoreEntity(), {
  code: 'BER-MITTE', name: 'omnitill Berlin Mitte', addressLine1: 'Rosenthaler Str. 40', postalCode: '10178', city: 'Berlin', timezone: 'Europe/Berlin',
});

const order = Object.assign(new OrderEntity(), {
  id: 'o-1', number: 'BER-MITTE-P-000123', channel: OrderChannel.POS, fulfilment: OrderFulfilment.CARRY_OUT, state: OrderState.COMPLETED,
  currency: 'EUR', subtotalAmount: 10_999, discountAmount: 1100, taxAmount: 1580, totalAmount: 9899, couponCode: 'WELCOME10',
  occurredAt: new Date('2030-05-01T12:03:00Z'),
});

const line = (fields: Partial<OrderLineEntity>) => Object.assign(new OrderLineEntity(), { priceOverrideReason: null, ...fields });

describe('buildReceipt', () => {
  const sut = buildReceipt(
    {
      order,
      lines: [
        line({ lineNo: 1, sku: 'RUN-42', name: 'Trail runner with an unusually long product name', quantity: 1, unitPriceAmount: 5999, discountAmount: 600, totalAmount: 5399, taxRateBp: 1900, taxAmount: 862 }),
        line({ lineNo: 2, sku: 'SOCK-1', name: 'Socks', quantity: 2, unitPriceAmount: 2500, discountAmount: 500, totalAmount: 4500, taxRateBp: 1900, taxAmount: 718, priceOverrideReason: 'bundle' }),
      ],
      payments: [Object.assign(new OrderPaymentEntity(), { method: PaymentMethod.CASH, amount: 9899, tenderedAmount: 10_000, changeAmount: 101 })],
      history: [],
    },
    store,
    'token-1',
  );

  it('carries the structured totals, change and tax per rate', () => {
    expect(sut).toMatchObject({ number: 'BER-MITTE-P-000123', storeCode: 'BER-MITTE', totalAmount: 9899, changeDueAmount: 101, qrToken: 'token-1' });
    expect(sut.taxes).toEqual([{ rateBp: 1900, grossAmount: 9899, taxAmount: 1580, netAmount: 8319 }]);
  });

  it('prints a receipt no wider than the paper, in the store time zone', () => {
    const lines = sut.text.split('\n');
    expect(lines.every((printed) => printed.length <= RECEIPT_WIDTH)).toBe(true);
    expect(sut.text).toContain('2030-05-01 14:03 (Europe/Berlin)');
    expect(sut.text).toMatch(/Discount \(WELCOME10\)\s+-11\.00/);
    expect(sut.text).toMatch(/TOTAL\s+98\.99 EUR/);
    expect(sut.text).toMatch(/Cash\s+100\.00/);
    expect(sut.text).toMatch(/Change\s+1\.01/);
    expect(sut.text).toContain('Price changed: bundle');
    expect(sut.text).toMatch(/VAT 19\.00% of 98\.99\s+15\.80/);
  });
});

describe('taxSummary', () => {
  it('groups by rate, highest first', () => {
    const lines = [
      { taxRateBp: 700, totalAmount: 107, taxAmount: 7 },
      { taxRateBp: 1900, totalAmount: 119, taxAmount: 19 },
      { taxRateBp: 700, totalAmount: 214, taxAmount: 14 },
    ].map((l, index) => ({ ...l, lineNo: index + 1, sku: 'S', name: 'N', quantity: 1, unitPriceAmount: l.totalAmount, priceOverrideReason: null, discountAmount: 0 }));
    expect(taxSummary(lines)).toEqual([
      { rateBp: 1900, grossAmount: 119, taxAmount: 19, netAmount: 100 },
      { rateBp: 700, grossAmount: 321, taxAmount: 21, netAmount: 300 },
    ]);
  });
});
