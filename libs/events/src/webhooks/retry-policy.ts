/** Longest wait between two attempts. */
export const WEBHOOK_RETRY_CAP_MS = 60 * 60 * 1000;

/**
 * Wait before the attempt after `failedAttempts` failures: exponential (base × 2^(n-1)), capped
 * at one hour, with "equal jitter" (a random point in the upper half) so receivers that come back
 * are not hit by every sender at once.
 */
export function retryDelayMs(failedAttempts: number, baseMs: number, random: () => number = Math.random): number {
  const exponent = Math.max(0, failedAttempts - 1);
  const ceiling = Math.min(WEBHOOK_RETRY_CAP_MS, baseMs * 2 ** Math.min(exponent, 40));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

export type DeliveryOutcome =
  | { readonly state: 'SUCCEEDED'; readonly nextAttemptAt: null }
  | { readonly state: 'FAILED'; readonly nextAttemptAt: Date }
  | { readonly state: 'DEAD'; readonly nextAttemptAt: null };

/** What becomes of a delivery after its `attempts`-th attempt in this round. */
export function outcomeOf(
  succeeded: boolean,
  attempts: number,
  policy: { readonly maxAttempts: number; readonly baseMs: number },
  now: Date,
  random: () => number = Math.random,
): DeliveryOutcome {
  if (succeeded) {
    return { state: 'SUCCEEDED', nextAttemptAt: null };
  }
  if (attempts >= policy.maxAttempts) {
    return { state: 'DEAD', nextAttemptAt: null };
  }
  return { state: 'FAILED', nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts, policy.baseMs, random)) };
}
