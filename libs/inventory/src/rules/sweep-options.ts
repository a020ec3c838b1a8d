import { integerSetting } from '@omnitill/common';

export const RESERVATION_SWEEP_OPTIONS = Symbol('RESERVATION_SWEEP_OPTIONS');

export interface ReservationSweepOptions {
  /** Pause between sweeps in ms; 0 disables the background sweep. */
  readonly intervalMs: number;
  /** Reservations released per transaction. */
  readonly batchSize: number;
}

/** RESERVATION_SWEEP_INTERVAL_MS (default 30000, 0 = off) and RESERVATION_SWEEP_BATCH_SIZE (default 200). */
export function readSweepOptions(env: NodeJS.ProcessEnv): ReservationSweepOptions {
  return {
    intervalMs: integerSetting(env, 'RESERVATION_SWEEP_INTERVAL_MS', 30_000, 0, 86_400_000),
    batchSize: integerSetting(env, 'RESERVATION_SWEEP_BATCH_SIZE', 200, 1, 10_000),
  };
}
