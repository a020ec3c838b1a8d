export { ReportingModule } from './reporting.module';

export const REPORTING_ENTITIES: (abstract new (...args: never[]) => unknown)[] = [];
