export const REPORTING_OPTIONS = Symbol('REPORTING_OPTIONS');

/** Settings of the reporting lib (from AppConfig; see the README's Configuration). */
export interface ReportingOptions {
  /** Days before a POS sale in which an unredeemed issued code counts as assisting it (REPORT_ASSISTED_WINDOW_DAYS). */
  readonly assistedWindowDays: number;
  /** The longest period one report may cover (REPORT_MAX_RANGE_DAYS). */
  readonly maxRangeDays: number;
}

export const DEFAULT_REPORTING_OPTIONS: ReportingOptions = { assistedWindowDays: 30, maxRangeDays: 366 };
