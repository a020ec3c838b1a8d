import { DynamicModule, Module } from '@nestjs/common';
import { ReportCsvController } from './api/report-csv.controller';
import { ReportResolver } from './api/report.resolver';
import { CampaignReportRepository } from './repositories/campaign-report.repository';
import { CrossChannelReportRepository } from './repositories/cross-channel-report.repository';
import { PickupReportRepository } from './repositories/pickup-report.repository';
import { ReturnsReportRepository } from './repositories/returns-report.repository';
import { SalesReportRepository } from './repositories/sales-report.repository';
import { DEFAULT_REPORTING_OPTIONS, REPORTING_OPTIONS, ReportingOptions } from './reporting.options';
import { ReportQueryService } from './services/report-query.service';
import { ReportScopeService } from './services/report-scope.service';

/** Sales, pickup, returns, campaign attribution and cross-channel reports (GraphQL and CSV). Read-only. */
@Module({})
export class ReportingModule {
  static forRoot(options: Partial<ReportingOptions> = {}): DynamicModule {
    return {
      module: ReportingModule,
      controllers: [ReportCsvController],
      providers: [
        { provide: REPORTING_OPTIONS, useValue: { ...DEFAULT_REPORTING_OPTIONS, ...options } },
        ReportScopeService,
        SalesReportRepository,
        PickupReportRepository,
        ReturnsReportRepository,
        CampaignReportRepository,
        CrossChannelReportRepository,
        ReportQueryService,
        ReportResolver,
      ],
    };
  }
}
