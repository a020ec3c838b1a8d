export { ReportingModule } from './reporting.module';
export { ReportingOptions, DEFAULT_REPORTING_OPTIONS } from './reporting.options';
export { SalesDimension } from './api/inputs/report.input';

export const REPORTING_ENTITIES: (abstract new (...args: never[]) => unknown)[] = [];
