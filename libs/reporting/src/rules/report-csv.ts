import type { CampaignAttributionReportType } from '../api/types/campaign-report.type';
import type { CrossChannelCustomersReportType } from '../api/types/cross-channel-report.type';
import type { PickupPerformanceReportType, PickupPerformanceRowType } from '../api/types/pickup-report.type';
import type { ReturnsReportType } from '../api/types/returns-report.type';
import type { SalesReportRowType, SalesReportType } from '../api/types/sales-report.type';
import { toCsv } from './csv';

const RETURN_REASONS = ['WRONG_SIZE', 'DEFECTIVE', 'NOT_AS_DESCRIBED', 'DAMAGED_IN_TRANSIT', 'CHANGED_MIND', 'OTHER'] as const;

/** Sales: one line per group, then a TOTAL line per currency. Amounts in minor units. */
export function salesCsv(report: SalesReportType): string {
  const line = (kind: string, row: SalesReportRowType) => [
    kind, row.storeId, row.storeCode, row.channel, row.day, row.variantId, row.sku, row.productName, row.currency,
    row.orders, row.units, row.unitsReturned, row.gross, row.discounts, row.returns, row.net, row.averageSale,
  ];
  return toCsv(
    ['row', 'store_id', 'store_code', 'channel', 'day', 'variant_id', 'sku', 'product_name', 'currency', 'orders', 'units', 'units_returned', 'gross', 'discounts', 'returns', 'net', 'average_sale'],
    [...report.rows.map((row) => line('GROUP', row)), ...report.totals.map((row) => line('TOTAL', row))],
  );
}

export function pickupCsv(report: PickupPerformanceReportType): string {
  const line = (kind: string, row: PickupPerformanceRowType) => [
    kind, row.storeId, row.storeCode, row.promiseMinutes, row.orders, row.readyOrders, row.readyOnTime, row.onTimeRate, row.medianMinutesToReady,
    row.p90MinutesToReady, row.pickedUp, row.expired, row.cancelled, row.open, row.pickupRate, row.expiryRate, row.refusedLines, row.refusedUnits,
  ];
  return toCsv(
    ['row', 'store_id', 'store_code', 'promise_minutes', 'orders', 'ready_orders', 'ready_on_time', 'on_time_rate', 'median_minutes_to_ready',
      'p90_minutes_to_ready', 'picked_up', 'expired', 'cancelled', 'open', 'pickup_rate', 'expiry_rate', 'refused_lines', 'refused_units'],
    [...report.rows.map((row) => line('STORE', row)), line('TOTAL', report.totals)],
  );
}

/** Returns: one line per product with a units column per reason. */
export function returnsCsv(report: ReturnsReportType): string {
  return toCsv(
    ['variant_id', 'sku', 'product_name', 'currency', 'units_sold', 'units_returned', 'return_rate', 'units_restocked', 'units_written_off', 'refund_amount',
      ...RETURN_REASONS.map((reason) => `units_${reason.toLowerCase()}`)],
    report.products.map((product) => [
      product.variantId, product.sku, product.productName, product.currency, product.unitsSold, product.unitsReturned, product.returnRate,
      product.unitsRestocked, product.unitsWrittenOff, product.refundAmount,
      ...RETURN_REASONS.map((reason) => product.reasons.find((entry) => entry.reason === reason)?.units ?? 0),
    ]),
  );
}

/** Campaigns: a CAMPAIGN line each, followed by its REDEMPTIONS lines per channel and store. */
export function campaignCsv(report: CampaignAttributionReportType): string {
  const rows = report.campaigns.flatMap((campaign) => [
    ['CAMPAIGN', campaign.campaignId, campaign.name, campaign.source, campaign.currency, null, null, null, campaign.codesIssued, campaign.codesRedeemed,
      campaign.redemptions, campaign.storeRevenue + campaign.onlineRevenue, campaign.storeDiscount + campaign.onlineDiscount, campaign.storeRevenue,
      campaign.onlineRevenue, campaign.assistedSales, campaign.assistedRevenue],
    ...campaign.redemptionsByChannelAndStore.map((row) => [
      'REDEMPTIONS', campaign.campaignId, campaign.name, campaign.source, campaign.currency, row.channel, row.storeId, row.storeCode, null,
      row.codesRedeemed, row.redemptions, row.revenue, row.discount, null, null, null, null,
    ]),
  ]);
  return toCsv(
    ['row', 'campaign_id', 'campaign_name', 'source', 'currency', 'channel', 'store_id', 'store_code', 'codes_issued', 'codes_redeemed', 'redemptions',
      'revenue', 'discount', 'store_revenue', 'online_revenue', 'assisted_sales', 'assisted_revenue'],
    rows,
  );
}

/** Cross-channel: one line per channel mix, then the TOTAL line with the shares. */
export function crossChannelCsv(report: CrossChannelCustomersReportType): string {
  return toCsv(
    ['row', 'channels', 'currency', 'customers', 'orders', 'sales', 'cross_channel_customers', 'cross_channel_customer_share', 'cross_channel_sales', 'cross_channel_sales_share'],
    [
      ...report.mix.map((row) => ['MIX', row.channels.join('+'), report.currency, row.customers, row.orders, row.sales, null, null, null, null]),
      ['TOTAL', null, report.currency, report.customers, report.totalOrders, report.totalSales, report.crossChannelCustomers,
        report.crossChannelCustomerShare, report.crossChannelSales, report.crossChannelSalesShare],
    ],
  );
}
