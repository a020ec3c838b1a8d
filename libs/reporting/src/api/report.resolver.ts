import { Args, Query, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, Permission, RequestContext } from '@omnitill/common';
import { CampaignAttributionReportInput, ReportPeriodInput, SalesReportInput } from './inputs/report.input';
import { CampaignAttributionReportType } from './types/campaign-report.type';
import { CrossChannelCustomersReportType } from './types/cross-channel-report.type';
import { PickupPerformanceReportType } from './types/pickup-report.type';
import { ReturnsReportType } from './types/returns-report.type';
import { SalesReportType } from './types/sales-report.type';
import { ReportQueryService } from '../services/report-query.service';

/** Store managers (their stores), support agents and admins (every store). */
export const REPORT_READERS = [Permission.STORE_MANAGER, Permission.SUPPORT_AGENT, Permission.ADMIN] as const;

const SCOPE = ' Store managers see their own stores (naming another store is FORBIDDEN); support agents and admins see every store. BAD_USER_INPUT for from ≥ to or a period over REPORT_MAX_RANGE_DAYS.';

@Resolver()
export class ReportResolver {
  constructor(private readonly reports: ReportQueryService) {}

  @Query(() => SalesReportType, { description: `Sales over a period grouped by store, channel, day and/or product (CSV: GET /reports/sales.csv).${SCOPE}` })
  @Allow(...REPORT_READERS)
  salesReport(@Ctx() ctx: RequestContext, @Args('input') input: SalesReportInput): Promise<SalesReportType> {
    return this.reports.salesReport(ctx, input);
  }

  @Query(() => PickupPerformanceReportType, { description: `Click-and-collect per store: time to ready against the promise, pickup and expiry rates, refused lines (CSV: /reports/pickup-performance.csv).${SCOPE}` })
  @Allow(...REPORT_READERS)
  pickupPerformanceReport(@Ctx() ctx: RequestContext, @Args('input') input: ReportPeriodInput): Promise<PickupPerformanceReportType> {
    return this.reports.pickupPerformanceReport(ctx, input);
  }

  @Query(() => ReturnsReportType, { description: `Returns by product and reason, return rates, restocked vs written off (CSV: /reports/returns.csv).${SCOPE}` })
  @Allow(...REPORT_READERS)
  returnsReport(@Ctx() ctx: RequestContext, @Args('input') input: ReportPeriodInput): Promise<ReturnsReportType> {
    return this.reports.returnsReport(ctx, input);
  }

  @Query(() => CampaignAttributionReportType, { description: `Per campaign: codes issued and redeemed, revenue and discount in store vs online, assisted POS sales (CSV: /reports/campaign-attribution.csv).${SCOPE}` })
  @Allow(...REPORT_READERS)
  campaignAttributionReport(@Ctx() ctx: RequestContext, @Args('input') input: CampaignAttributionReportInput): Promise<CampaignAttributionReportType> {
    return this.reports.campaignAttributionReport(ctx, input);
  }

  @Query(() => CrossChannelCustomersReportType, { description: `Customers who bought in two or more channels and their share of sales (CSV: /reports/cross-channel-customers.csv).${SCOPE}` })
  @Allow(...REPORT_READERS)
  crossChannelCustomersReport(@Ctx() ctx: RequestContext, @Args('input') input: ReportPeriodInput): Promise<CrossChannelCustomersReportType> {
    return this.reports.crossChannelCustomersReport(ctx, input);
  }
}
