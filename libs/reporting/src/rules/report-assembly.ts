import type { ReturnReasonCode } from '@omnitill/returns';
import { averageAmount, rate, roundMinutes } from './rates';

/** Sales money of a group: net = gross − discounts − returns; average sale = net / orders. */
export function salesAmounts(figures: { gross: number; discounts: number; returns: number; orders: number }): { net: number; averageSale: number } {
  const net = figures.gross - figures.discounts - figures.returns;
  return { net, averageSale: averageAmount(net, figures.orders) };
}

export interface PickupCounts {
  readonly orders: number;
  readonly readyOrders: number;
  readonly readyOnTime: number;
  readonly pickedUp: number;
  readonly expired: number;
  readonly medianMinutesToReady: number | null;
  readonly p90MinutesToReady: number | null;
}

/** Pickup rates: on time among ready orders; picked up and expired among every order placed. */
export function pickupRates(counts: PickupCounts) {
  return {
    onTimeRate: rate(counts.readyOnTime, counts.readyOrders),
    pickupRate: rate(counts.pickedUp, counts.orders),
    expiryRate: rate(counts.expired, counts.orders),
    medianMinutesToReady: roundMinutes(counts.medianMinutesToReady),
    p90MinutesToReady: roundMinutes(counts.p90MinutesToReady),
  };
}

export interface ReturnedUnitsByReason {
  readonly variantId: string;
  readonly sku: string;
  readonly productName: string;
  readonly currency: string;
  readonly reason: ReturnReasonCode;
  readonly units: number;
  readonly restocked: number;
  readonly writtenOff: number;
  readonly refundAmount: number;
}

export interface ProductReturns {
  readonly variantId: string;
  readonly sku: string;
  readonly productName: string;
  readonly currency: string;
  readonly unitsSold: number;
  readonly unitsReturned: number;
  readonly returnRate: number | null;
  readonly unitsRestocked: number;
  readonly unitsWrittenOff: number;
  readonly refundAmount: number;
  readonly reasons: { reason: ReturnReasonCode; units: number; refundAmount: number }[];
}

/**
 * Folds (variant, reason) rows into one row per variant and currency, with its return rate against
 * the units sold; most units returned first, then by SKU.
 */
export function returnsByProduct(rows: readonly ReturnedUnitsByReason[], unitsSold: ReadonlyMap<string, number>): ProductReturns[] {
  type Tally = { -readonly [K in keyof Omit<ProductReturns, 'returnRate'>]: ProductReturns[K] };
  const products = new Map<string, Tally>();
  for (const row of rows) {
    const key = `${row.variantId}|${row.currency}`;
    let product = products.get(key);
    if (!product) {
      product = {
        variantId: row.variantId, sku: row.sku, productName: row.productName, currency: row.currency, unitsSold: unitsSold.get(row.variantId) ?? 0,
        unitsReturned: 0, unitsRestocked: 0, unitsWrittenOff: 0, refundAmount: 0, reasons: [],
      };
      products.set(key, product);
    }
    product.unitsReturned += row.units;
    product.unitsRestocked += row.restocked;
    product.unitsWrittenOff += row.writtenOff;
    product.refundAmount += row.refundAmount;
    product.reasons.push({ reason: row.reason, units: row.units, refundAmount: row.refundAmount });
  }
  return [...products.values()]
    .map((product) => ({ ...product, returnRate: rate(product.unitsReturned, product.unitsSold), reasons: product.reasons.sort((a, b) => b.units - a.units || a.reason.localeCompare(b.reason)) }))
    .sort((a, b) => b.unitsReturned - a.unitsReturned || a.sku.localeCompare(b.sku));
}

/** Every product together, by reason, most units first. */
export function returnsByReason(rows: readonly ReturnedUnitsByReason[]): { reason: ReturnReasonCode; units: number; refundAmount: number }[] {
  const reasons = new Map<ReturnReasonCode, { reason: ReturnReasonCode; units: number; refundAmount: number }>();
  for (const row of rows) {
    const entry = reasons.get(row.reason) ?? { reason: row.reason, units: 0, refundAmount: 0 };
    entry.units += row.units;
    entry.refundAmount += row.refundAmount;
    reasons.set(row.reason, entry);
  }
  return [...reasons.values()].sort((a, b) => b.units - a.units || a.reason.localeCompare(b.reason));
}

export type ShoppingChannelName = 'IN_STORE' | 'CLICK_AND_COLLECT' | 'DELIVERY';

export interface ChannelMix {
  readonly currency: string;
  readonly inStore: boolean | null;
  readonly clickAndCollect: boolean | null;
  readonly delivery: boolean | null;
  readonly customers: number;
  readonly orders: number;
  readonly sales: number;
}

/**
 * Cross-channel figures of one currency (the one with the most orders): customers and their sales
 * per channel set, and the share of customers and of sales (guests included) from customers who
 * bought in two or more channels.
 */
export function crossChannelSummary(mixes: readonly ChannelMix[]) {
  const ordersByCurrency = new Map<string, number>();
  for (const mix of mixes) {
    ordersByCurrency.set(mix.currency, (ordersByCurrency.get(mix.currency) ?? 0) + mix.orders);
  }
  const currency = [...ordersByCurrency.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
  const ofCurrency = mixes.filter((mix) => mix.currency === currency);
  const identified = ofCurrency
    .filter((mix) => mix.inStore !== null)
    .map((mix) => ({
      channels: ([['IN_STORE', mix.inStore], ['CLICK_AND_COLLECT', mix.clickAndCollect], ['DELIVERY', mix.delivery]] as const)
        .filter(([, used]) => used === true)
        .map(([channel]) => channel as ShoppingChannelName),
      customers: mix.customers,
      orders: mix.orders,
      sales: mix.sales,
    }));
  const cross = identified.filter((mix) => mix.channels.length >= 2);
  const sum = (list: readonly { customers: number; orders: number; sales: number }[], key: 'customers' | 'orders' | 'sales') => list.reduce((acc, mix) => acc + mix[key], 0);
  const totalSales = sum(ofCurrency, 'sales');
  const customers = sum(identified, 'customers');
  const crossChannelCustomers = sum(cross, 'customers');
  const crossChannelSales = sum(cross, 'sales');
  return {
    currency,
    customers,
    crossChannelCustomers,
    crossChannelCustomerShare: rate(crossChannelCustomers, customers),
    totalOrders: sum(ofCurrency, 'orders'),
    totalSales,
    crossChannelSales,
    crossChannelSalesShare: rate(crossChannelSales, totalSales),
    mix: identified.sort((a, b) => b.channels.length - a.channels.length || b.customers - a.customers || a.channels.join().localeCompare(b.channels.join())),
  };
}
