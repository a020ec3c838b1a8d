import { Controller, Get, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Allow, Ctx, RequestContext } from '@omnitill/common';
import { CampaignAttributionReportInput, ReportPeriodInput, SalesReportInput } from './inputs/report.input';
import { REPORT_READERS } from './report.resolver';
import { campaignCsv, crossChannelCsv, pickupCsv, returnsCsv, salesCsv } from '../rules/report-csv';
import { ReportQueryService } from '../services/report-query.service';

/**
 * The reports as CSV downloads, e.g. GET /reports/sales.csv?from=2026-11-01T00:00:00Z&to=...&groupBy=STORE,DAY.
 * Same bearer token, roles, scope and validation as the GraphQL queries (the global auth guard and pipe).
 */
@Controller('reports')
export class ReportCsvController {
  constructor(private readonly reports: ReportQueryService) {}

  @Get('sales.csv')
  @Allow(...REPORT_READERS)
  async sales(@Ctx() ctx: RequestContext, @Query() input: SalesReportInput, @Res() reply: FastifyReply): Promise<void> {
    await send(reply, 'sales', input, salesCsv(await this.reports.salesReport(ctx, input)));
  }

  @Get('pickup-performance.csv')
  @Allow(...REPORT_READERS)
  async pickupPerformance(@Ctx() ctx: RequestContext, @Query() input: ReportPeriodInput, @Res() reply: FastifyReply): Promise<void> {
    await send(reply, 'pickup-performance', input, pickupCsv(await this.reports.pickupPerformanceReport(ctx, input)));
  }

  @Get('returns.csv')
  @Allow(...REPORT_READERS)
  async returns(@Ctx() ctx: RequestContext, @Query() input: ReportPeriodInput, @Res() reply: FastifyReply): Promise<void> {
    await send(reply, 'returns', input, returnsCsv(await this.reports.returnsReport(ctx, input)));
  }

  @Get('campaign-attribution.csv')
  @Allow(...REPORT_READERS)
  async campaignAttribution(@Ctx() ctx: RequestContext, @Query() input: CampaignAttributionReportInput, @Res() reply: FastifyReply): Promise<void> {
    await send(reply, 'campaign-attribution', input, campaignCsv(await this.reports.campaignAttributionReport(ctx, input)));
  }

  @Get('cross-channel-customers.csv')
  @Allow(...REPORT_READERS)
  async crossChannelCustomers(@Ctx() ctx: RequestContext, @Query() input: ReportPeriodInput, @Res() reply: FastifyReply): Promise<void> {
    await send(reply, 'cross-channel-customers', input, crossChannelCsv(await this.reports.crossChannelCustomersReport(ctx, input)));
  }
}

const day = (date: Date) => date.toISOString().slice(0, 10);

async function send(reply: FastifyReply, name: string, period: ReportPeriodInput, csv: string): Promise<void> {
  await reply
    .status(200)
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}_${day(period.from)}_${day(period.to)}.csv"`)
    .header('cache-control', 'no-store')
    .send(csv);
}
