export const RESERVATION_SWEEP_OPTIONS = Symbol('RESERVATION_SWEEP_OPTIONS');

export interface ReservationSweepOptions {
  /** Pause between sweeps in ms; 0 disables the background sweep. */
  readonly intervalMs: number;
  /** Reservations released per transaction. */
  readonly batchSize: number;
}

function integerSetting(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') {
    return fallback;
  }
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be an integer from ${min} to ${max}, got ${JSON.stringify(raw)}`);
  }
  return value;
}

/** RESERVATION_SWEEP_INTERVAL_MS (default 30000, 0 = off) and RESERVATION_SWEEP_BATCH_SIZE (default 200). */
export function readSweepOptions(env: NodeJS.ProcessEnv): ReservationSweepOptions {
  return {
    intervalMs: integerSetting(env, 'RESERVATION_SWEEP_INTERVAL_MS', 30_000, 0, 86_400_000),
    batchSize: integerSetting(env, 'RESERVATION_SWEEP_BATCH_SIZE', 200, 1, 10_000),
  };
}
