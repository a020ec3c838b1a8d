import { outcomeOf, retryDelayMs, WEBHOOK_RETRY_CAP_MS } from './retry-policy';

describe('webhook retry policy', () => {
  const low = () => 0;
  const high = () => 1;

  it('doubles from the base, with jitter in the upper half of each step', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 1000, high))).toEqual([1000, 2000, 4000, 8000]);
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 1000, low))).toEqual([500, 1000, 2000, 4000]);
    for (let i = 0; i < 100; i++) {
      const delay = retryDelayMs(3, 1000);
      expect(delay).toBeGreaterThanOrEqual(2000);
      expect(delay).toBeLessThanOrEqual(4000);
    }
  });

  it('never waits more than an hour, however many attempts', () => {
    expect(retryDelayMs(30, 1000, high)).toBe(WEBHOOK_RETRY_CAP_MS);
    expect(retryDelayMs(10_000, 1000, high)).toBe(WEBHOOK_RETRY_CAP_MS);
  });

  it('succeeds on success, retries until the limit, then is dead', () => {
    const now = new Date('2025-01-01T00:00:00Z');
    const policy = { maxAttempts: 3, baseMs: 1000 };
    expect(outcomeOf(true, 3, policy, now)).toEqual({ state: 'SUCCEEDED', nextAttemptAt: null });
    expect(outcomeOf(false, 1, policy, now, high)).toEqual({ state: 'FAILED', nextAttemptAt: new Date(now.getTime() + 1000) });
    expect(outcomeOf(false, 2, policy, now, high)).toEqual({ state: 'FAILED', nextAttemptAt: new Date(now.getTime() + 2000) });
    expect(outcomeOf(false, 3, policy, now)).toEqual({ state: 'DEAD', nextAttemptAt: null });
  });
});
