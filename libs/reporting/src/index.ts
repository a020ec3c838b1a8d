import { REPORTING_ENTITY_CLASSES } from './entities/report-sale-line.entity';

export { ReportingModule } from './reporting.module';
export { ReportingOptions, DEFAULT_REPORTING_OPTIONS } from './reporting.options';
export { SalesDimension } from './api/inputs/report.input';
export { SaleLineRebuildService } from './services/sale-line-rebuild.service';
export { SaleLineCatchUp } from './services/sale-line-catch-up.service';
export { SaleLineSubscriber } from './services/sale-line-subscriber';

export const REPORTING_ENTITIES: (abstract new (...args: never[]) => unknown)[] = [...REPORTING_ENTITY_CLASSES];
