import { Injectable } from '@nestjs/common';
import { RequestContext } from '@omnitill/common';
import { OrderChannel } from '@omnitill/order';
import { CouponChannel } from '@omnitill/coupon';
import { CampaignAttributionReportInput, ReportPeriodInput, SalesReportInput } from '../api/inputs/report.input';
import { CampaignAttributionReportType, CampaignAttributionRowType } from '../api/types/campaign-report.type';
import { CrossChannelCustomersReportType, ShoppingChannel } from '../api/types/cross-channel-report.type';
import { PickupPerformanceReportType, PickupPerformanceRowType } from '../api/types/pickup-report.type';
import { ReturnsReportType } from '../api/types/returns-report.type';
import { SalesReportRowType, SalesReportType } from '../api/types/sales-report.type';
import { CampaignReportRepository } from '../repositories/campaign-report.repository';
import { CrossChannelReportRepository } from '../repositories/cross-channel-report.repository';
import { PickupFigures, PickupReportRepository } from '../repositories/pickup-report.repository';
import { ReturnsReportRepository } from '../repositories/returns-report.repository';
import { SalesFigures, SalesReportRepository } from '../repositories/sales-report.repository';
import { rate } from '../rules/rates';
import { crossChannelSummary, pickupRates, returnsByProduct, returnsByReason, salesAmounts } from '../rules/report-assembly';
import { ReportScopeService } from './report-scope.service';

function salesRow(figures: SalesFigures): SalesReportRowType {
  return Object.assign(new SalesReportRowType(), {
    storeId: figures.storeId,
    storeCode: figures.storeCode,
    channel: figures.channel as OrderChannel | null,
    day: figures.day,
    variantId: figures.variantId,
    sku: figures.sku,
    productName: figures.productName,
    currency: figures.currency,
    orders: figures.orders,
    units: figures.units,
    unitsReturned: figures.unitsReturned,
    gross: figures.gross,
    discounts: figures.discounts,
    returns: figures.returns,
    ...salesAmounts(figures),
  });
}

function pickupRow(figures: PickupFigures): PickupPerformanceRowType {
  return Object.assign(new PickupPerformanceRowType(), {
    storeId: figures.storeId,
    storeCode: figures.storeCode,
    promiseMinutes: figures.promiseMinutes,
    orders: figures.orders,
    readyOrders: figures.readyOrders,
    readyOnTime: figures.readyOnTime,
    pickedUp: figures.pickedUp,
    expired: figures.expired,
    cancelled: figures.cancelled,
    open: figures.open,
    refusedLines: figures.refusedLines,
    refusedUnits: figures.refusedUnits,
    ...pickupRates(figures),
  });
}

const EMPTY_PICKUP: PickupFigures = {
  isTotal: true, storeId: null, storeCode: null, promiseMinutes: null, orders: 0, readyOrders: 0, readyOnTime: 0, medianMinutesToReady: null,
  p90MinutesToReady: null, pickedUp: 0, expired: 0, cancelled: 0, open: 0, refusedLines: 0, refusedUnits: 0,
};

/** The reports, each one read-only aggregation over the caller's stores. */
@Injectable()
export class ReportQueryService {
  constructor(
    private readonly scope: ReportScopeService,
    private readonly sales: SalesReportRepository,
    private readonly pickups: PickupReportRepository,
    private readonly returns: ReturnsReportRepository,
    private readonly campaigns: CampaignReportRepository,
    private readonly crossChannel: CrossChannelReportRepository,
  ) {}

  async salesReport(ctx: RequestContext, input: SalesReportInput): Promise<SalesReportType> {
    const period = this.scope.resolve(ctx, input);
    const groupBy = [...new Set(input.groupBy)];
    const figures = await this.sales.figures(ctx, { ...period, groupBy, timeZone: input.timeZone });
    return Object.assign(new SalesReportType(), {
      from: period.from,
      to: period.to,
      groupBy,
      rows: groupBy.length === 0 ? [] : figures.filter((row) => !row.isTotal).map(salesRow),
      totals: figures.filter((row) => row.isTotal).map(salesRow),
    });
  }

  async pickupPerformanceReport(ctx: RequestContext, input: ReportPeriodInput): Promise<PickupPerformanceReportType> {
    const period = this.scope.resolve(ctx, input);
    const figures = await this.pickups.figures(ctx, period.from, period.to, period.storeIds);
    return Object.assign(new PickupPerformanceReportType(), {
      from: period.from,
      to: period.to,
      rows: figures.filter((row) => !row.isTotal).map(pickupRow),
      totals: pickupRow(figures.find((row) => row.isTotal) ?? EMPTY_PICKUP),
    });
  }

  async returnsReport(ctx: RequestContext, input: ReportPeriodInput): Promise<ReturnsReportType> {
    const period = this.scope.resolve(ctx, input);
    const [returned, sold] = await Promise.all([
      this.returns.returnedUnits(ctx, period.from, period.to, period.storeIds),
      this.returns.unitsSold(ctx, period.from, period.to, period.storeIds),
    ]);
    const products = returnsByProduct(returned, sold);
    const unitsSold = [...sold.values()].reduce((sum, units) => sum + units, 0);
    const unitsReturned = products.reduce((sum, product) => sum + product.unitsReturned, 0);
    return Object.assign(new ReturnsReportType(), {
      from: period.from,
      to: period.to,
      products,
      reasons: returnsByReason(returned),
      totals: {
        unitsSold,
        unitsReturned,
        returnRate: rate(unitsReturned, unitsSold),
        unitsRestocked: products.reduce((sum, product) => sum + product.unitsRestocked, 0),
        unitsWrittenOff: products.reduce((sum, product) => sum + product.unitsWrittenOff, 0),
        refundAmount: products.reduce((sum, product) => sum + product.refundAmount, 0),
      },
    });
  }

  async campaignAttributionReport(ctx: RequestContext, input: CampaignAttributionReportInput): Promise<CampaignAttributionReportType> {
    const period = this.scope.resolve(ctx, input);
    const query = { ...period, campaignId: input.campaignId ?? null, windowDays: input.windowDays ?? this.scope.assistedWindowDays };
    const [issued, redemptions, assisted] = await Promise.all([
      this.campaigns.codesIssued(ctx, query),
      this.campaigns.redemptions(ctx, query),
      this.campaigns.assistedSales(ctx, query),
    ]);
    const ids = [...new Set([...issued, ...redemptions, ...assisted].map((row) => row.campaignId).concat(query.campaignId ? [query.campaignId] : []))];
    const campaigns = await this.campaigns.campaigns(ctx, ids);
    const rows = campaigns.map((campaign): CampaignAttributionRowType => {
      const own = redemptions.filter((row) => row.campaignId === campaign.campaignId);
      const inChannel = (channel: string) => own.filter((row) => row.channel === channel);
      const total = (list: typeof own, key: 'revenue' | 'discount' | 'redemptions' | 'codesRedeemed') => list.reduce((sum, row) => sum + row[key], 0);
      const help = assisted.find((row) => row.campaignId === campaign.campaignId);
      return Object.assign(new CampaignAttributionRowType(), {
        ...campaign,
        codesIssued: issued.find((row) => row.campaignId === campaign.campaignId)?.count ?? 0,
        codesRedeemed: total(own, 'codesRedeemed'),
        redemptions: total(own, 'redemptions'),
        storeRevenue: total(inChannel(CouponChannel.POS), 'revenue'),
        onlineRevenue: total(inChannel(CouponChannel.ONLINE), 'revenue'),
        storeDiscount: total(inChannel(CouponChannel.POS), 'discount'),
        onlineDiscount: total(inChannel(CouponChannel.ONLINE), 'discount'),
        assistedSales: help?.count ?? 0,
        assistedRevenue: help?.amount ?? 0,
        redemptionsByChannelAndStore: own.map((row) => ({ ...row, channel: row.channel as CouponChannel })),
      });
    });
    return Object.assign(new CampaignAttributionReportType(), { from: period.from, to: period.to, windowDays: query.windowDays, campaigns: rows });
  }

  async crossChannelCustomersReport(ctx: RequestContext, input: ReportPeriodInput): Promise<CrossChannelCustomersReportType> {
    const period = this.scope.resolve(ctx, input);
    const summary = crossChannelSummary(await this.crossChannel.channelMix(ctx, period.from, period.to, period.storeIds));
    return Object.assign(new CrossChannelCustomersReportType(), {
      from: period.from,
      to: period.to,
      ...summary,
      mix: summary.mix.map((row) => ({ ...row, channels: row.channels.map((channel) => channel as ShoppingChannel) })),
    });
  }
}
