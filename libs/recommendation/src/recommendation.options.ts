import { integerSetting } from '@omnitill/common';

export const RECOMMENDATION_OPTIONS = Symbol('RECOMMENDATION_OPTIONS');

export interface RecommendationOptions {
  /** Pause between catch-up runs in ms; 0 disables it (RECOMMENDATION_CATCH_UP_INTERVAL_MS). */
  readonly catchUpIntervalMs: number;
  /** Changes applied per catch-up run (RECOMMENDATION_CATCH_UP_BATCH_SIZE). */
  readonly catchUpBatchSize: number;
  /** How far back the catch-up looks for changes without a marker (RECOMMENDATION_CATCH_UP_WINDOW_HOURS). */
  readonly catchUpWindowHours: number;
  /** 1: apply changes from the event stream as they commit; 0: only the catch-up does (RECOMMENDATION_LIVE_UPDATES, for A/B benchmarks). */
  readonly liveUpdates: boolean;
  /** How long a best-seller ranking is reused before it is summed again, per replica; 0: never reused (RECOMMENDATION_BEST_SELLERS_CACHE_SECONDS). */
  readonly bestSellersCacheSeconds: number;
}

export function readRecommendationOptions(env: NodeJS.ProcessEnv): RecommendationOptions {
  return {
    catchUpIntervalMs: integerSetting(env, 'RECOMMENDATION_CATCH_UP_INTERVAL_MS', 60_000, 0, 86_400_000),
    catchUpBatchSize: integerSetting(env, 'RECOMMENDATION_CATCH_UP_BATCH_SIZE', 200, 1, 10_000),
    catchUpWindowHours: integerSetting(env, 'RECOMMENDATION_CATCH_UP_WINDOW_HOURS', 72, 1, 24 * 90),
    liveUpdates: integerSetting(env, 'RECOMMENDATION_LIVE_UPDATES', 1, 0, 1) === 1,
    bestSellersCacheSeconds: integerSetting(env, 'RECOMMENDATION_BEST_SELLERS_CACHE_SECONDS', 60, 0, 3600),
  };
}
