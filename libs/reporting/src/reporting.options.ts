import { integerSetting } from '@omnitill/common';

export const REPORTING_OPTIONS = Symbol('REPORTING_OPTIONS');
export const SALE_LINE_PROJECTION_OPTIONS = Symbol('SALE_LINE_PROJECTION_OPTIONS');

/** Settings of the reporting lib (from AppConfig; see the README's Configuration). */
export interface ReportingOptions {
  /** Days before a POS sale in which an unredeemed issued code counts as assisting it (REPORT_ASSISTED_WINDOW_DAYS). */
  readonly assistedWindowDays: number;
  /** The longest period one report may cover (REPORT_MAX_RANGE_DAYS). */
  readonly maxRangeDays: number;
}

export const DEFAULT_REPORTING_OPTIONS: ReportingOptions = { assistedWindowDays: 30, maxRangeDays: 366 };

/** How report_sale_line keeps up with the sales (read from the environment like RECOMMENDATION_*). */
export interface SaleLineProjectionOptions {
  /** Pause between catch-up runs in ms; 0 disables it (REPORT_CATCH_UP_INTERVAL_MS). */
  readonly catchUpIntervalMs: number;
  /** Events replayed per catch-up batch, in one transaction (REPORT_CATCH_UP_BATCH_SIZE). */
  readonly catchUpBatchSize: number;
  /** How far back the catch-up looks for events not applied yet (REPORT_CATCH_UP_WINDOW_HOURS). */
  readonly catchUpWindowHours: number;
  /** 1: apply sales, voids and returns from the event stream as they commit; 0: only the catch-up does (REPORT_LIVE_UPDATES). */
  readonly liveUpdates: boolean;
}

export function readSaleLineProjectionOptions(env: NodeJS.ProcessEnv): SaleLineProjectionOptions {
  return {
    catchUpIntervalMs: integerSetting(env, 'REPORT_CATCH_UP_INTERVAL_MS', 60_000, 0, 86_400_000),
    catchUpBatchSize: integerSetting(env, 'REPORT_CATCH_UP_BATCH_SIZE', 500, 1, 10_000),
    catchUpWindowHours: integerSetting(env, 'REPORT_CATCH_UP_WINDOW_HOURS', 72, 1, 24 * 90),
    liveUpdates: integerSetting(env, 'REPORT_LIVE_UPDATES', 1, 0, 1) === 1,
  };
}
