import { DynamicModule, Module } from '@nestjs/common';
import { ReportCsvController } from './api/report-csv.controller';
import { ReportResolver } from './api/report.resolver';
import { CampaignReportRepository } from './repositories/campaign-report.repository';
import { CrossChannelReportRepository } from './repositories/cross-channel-report.repository';
import { PickupReportRepository } from './repositories/pickup-report.repository';
import { ReportReader } from './repositories/report-reader';
import { ReturnsReportRepository } from './repositories/returns-report.repository';
import { SaleLineProjectionRepository } from './repositories/sale-line-projection.repository';
import { SalesReportRepository } from './repositories/sales-report.repository';
import {
  DEFAULT_REPORTING_OPTIONS, readSaleLineProjectionOptions, REPORTING_OPTIONS, ReportingOptions, SALE_LINE_PROJECTION_OPTIONS,
} from './reporting.options';
import { ReportQueryService } from './services/report-query.service';
import { ReportScopeService } from './services/report-scope.service';
import { SaleLineCatchUp } from './services/sale-line-catch-up.service';
import { SaleLineProjector } from './services/sale-line-projector.service';
import { SaleLineRebuildService } from './services/sale-line-rebuild.service';
import { SaleLineSubscriber } from './services/sale-line-subscriber';

/**
 * Sales, pickup, returns, campaign attribution and cross-channel reports (GraphQL and CSV), and the
 * upkeep of report_sale_line, the sales projection they read (see README.md).
 */
@Module({})
export class ReportingModule {
  static forRoot(options: Partial<ReportingOptions> = {}): DynamicModule {
    return {
      module: ReportingModule,
      controllers: [ReportCsvController],
      providers: [
        { provide: REPORTING_OPTIONS, useValue: { ...DEFAULT_REPORTING_OPTIONS, ...options } },
        { provide: SALE_LINE_PROJECTION_OPTIONS, useFactory: () => readSaleLineProjectionOptions(process.env) },
        ReportScopeService,
        ReportReader,
        SalesReportRepository,
        PickupReportRepository,
        ReturnsReportRepository,
        CampaignReportRepository,
        CrossChannelReportRepository,
        SaleLineProjectionRepository,
        SaleLineProjector,
        SaleLineSubscriber,
        SaleLineCatchUp,
        SaleLineRebuildService,
        ReportQueryService,
        ReportResolver,
      ],
      exports: [SaleLineRebuildService, SaleLineCatchUp, SaleLineSubscriber],
    };
  }
}
