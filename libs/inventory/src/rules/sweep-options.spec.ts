import { readSweepOptions } from './sweep-options';

describe('readSweepOptions', () => {
  it('defaults to a 30 s sweep of 200 per batch', () => {
    expect(readSweepOptions({})).toEqual({ intervalMs: 30_000, batchSize: 200 });
  });

  it('reads the environment; 0 disables the sweep', () => {
    expect(readSweepOptions({ RESERVATION_SWEEP_INTERVAL_MS: '0', RESERVATION_SWEEP_BATCH_SIZE: '5' })).toEqual({ intervalMs: 0, batchSize: 5 });
  });

  it.each([
    [{ RESERVATION_SWEEP_INTERVAL_MS: '-1' }],
    [{ RESERVATION_SWEEP_INTERVAL_MS: 'soon' }],
    [{ RESERVATION_SWEEP_BATCH_SIZE: '0' }],
    [{ RESERVATION_SWEEP_BATCH_SIZE: '1.5' }],
  ])('refuses to boot on %j', (env) => {
    expect(() => readSweepOptions(env)).toThrow(/must be an integer/);
  });
});
