import { ReturnReasonCode } from '@omnitill/returns';
import { averageAmount, rate } from './rates';
import { crossChannelSummary, pickupRates, returnsByProduct, returnsByReason, salesAmounts } from './report-assembly';

describe('rates and averages', () => {
  it('rounds shares to 4 decimals and gives null when nothing to divide by', () => {
    expect(rate(1, 3)).toBe(0.3333);
    expect(rate(2, 3)).toBe(0.6667);
    expect(rate(0, 5)).toBe(0);
    expect(rate(3, 0)).toBeNull();
  });

  it('averages money in whole minor units, half away from zero', () => {
    expect(averageAmount(5500, 3)).toBe(1833);
    expect(averageAmount(5, 2)).toBe(3);
    expect(averageAmount(-5, 2)).toBe(-3);
    expect(averageAmount(100, 0)).toBe(0);
  });
});

describe('salesAmounts', () => {
  it('nets discounts and returns off the gross', () => {
    expect(salesAmounts({ gross: 11000, discounts: 500, returns: 5000, orders: 3 })).toEqual({ net: 5500, averageSale: 1833 });
  });
});

describe('pickupRates', () => {
  it('measures on-time among ready orders and pickup/expiry among all orders', () => {
    expect(pickupRates({ orders: 4, readyOrders: 3, readyOnTime: 2, pickedUp: 2, expired: 1, medianMinutesToReady: 42.04, p90MinutesToReady: 95.96 })).toEqual({
      onTimeRate: 0.6667, pickupRate: 0.5, expiryRate: 0.25, medianMinutesToReady: 42, p90MinutesToReady: 96,
    });
    expect(pickupRates({ orders: 0, readyOrders: 0, readyOnTime: 0, pickedUp: 0, expired: 0, medianMinutesToReady: null, p90MinutesToReady: null })).toEqual({
      onTimeRate: null, pickupRate: null, expiryRate: null, medianMinutesToReady: null, p90MinutesToReady: null,
    });
  });
});

describe('returns folding', () => {
  const row = (variantId: string, reason: ReturnReasonCode, units: number, restocked: number, refundAmount: number) => ({
    variantId, sku: `SKU-${variantId}`, productName: variantId, currency: 'EUR', reason, units, restocked, writtenOff: units - restocked, refundAmount,
  });
  const rows = [
    row('a', ReturnReasonCode.WRONG_SIZE, 3, 3, 300),
    row('a', ReturnReasonCode.DEFECTIVE, 1, 0, 100),
    row('b', ReturnReasonCode.WRONG_SIZE, 5, 4, 1000),
  ];

  it('gives one row per product with its reasons, rate against units sold, most returned first', () => {
    expect(returnsByProduct(rows, new Map([['a', 8], ['b', 0]]))).toEqual([
      expect.objectContaining({ variantId: 'b', unitsSold: 0, unitsReturned: 5, returnRate: null, unitsRestocked: 4, unitsWrittenOff: 1, refundAmount: 1000 }),
      expect.objectContaining({
        variantId: 'a', unitsSold: 8, unitsReturned: 4, returnRate: 0.5, unitsRestocked: 3, unitsWrittenOff: 1, refundAmount: 400,
        reasons: [{ reason: 'WRONG_SIZE', units: 3, refundAmount: 300 }, { reason: 'DEFECTIVE', units: 1, refundAmount: 100 }],
      }),
    ]);
  });

  it('sums every product by reason', () => {
    expect(returnsByReason(rows)).toEqual([{ reason: 'WRONG_SIZE', units: 8, refundAmount: 1300 }, { reason: 'DEFECTIVE', units: 1, refundAmount: 100 }]);
  });
});

describe('crossChannelSummary', () => {
  it('counts customers in two or more channels and their share of all sales, guests included', () => {
    const summary = crossChannelSummary([
      { currency: 'EUR', inStore: null, clickAndCollect: null, delivery: null, customers: 0, orders: 5, sales: 2500 },
      { currency: 'EUR', inStore: true, clickAndCollect: false, delivery: false, customers: 3, orders: 3, sales: 3000 },
      { currency: 'EUR', inStore: true, clickAndCollect: true, delivery: false, customers: 1, orders: 2, sales: 4000 },
      { currency: 'EUR', inStore: false, clickAndCollect: true, delivery: true, customers: 1, orders: 2, sales: 500 },
      { currency: 'CHF', inStore: true, clickAndCollect: true, delivery: true, customers: 1, orders: 1, sales: 99 },
    ]);
    expect(summary).toEqual({
      currency: 'EUR', customers: 5, crossChannelCustomers: 2, crossChannelCustomerShare: 0.4, totalOrders: 12, totalSales: 10000,
      crossChannelSales: 4500, crossChannelSalesShare: 0.45,
      mix: [
        { channels: ['CLICK_AND_COLLECT', 'DELIVERY'], customers: 1, orders: 2, sales: 500 },
        { channels: ['IN_STORE', 'CLICK_AND_COLLECT'], customers: 1, orders: 2, sales: 4000 },
        { channels: ['IN_STORE'], customers: 3, orders: 3, sales: 3000 },
      ],
    });
  });

  it('is empty without sales', () => {
    expect(crossChannelSummary([])).toMatchObject({ currency: null, customers: 0, crossChannelCustomerShare: null, crossChannelSalesShare: null, mix: [] });
  });
});
