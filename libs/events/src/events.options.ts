export const EVENTS_OPTIONS = Symbol('EVENTS_OPTIONS');

/** Settings of the relay and the webhook dispatcher (from AppConfig; see the README's Configuration). */
export interface EventsOptions {
  /** For the dedicated LISTEN connection (the pool's connections are not kept for notifications). */
  readonly databaseUrl: string;
  /** Runs the outbox relay and the webhook dispatcher in this process. Subscriptions work either way. */
  readonly relayEnabled: boolean;
  /** Fallback poll when no NOTIFY arrives (lost connection, missed wake-up). */
  readonly relayPollMs: number;
  readonly relayBatchSize: number;
  readonly webhookRetryBaseMs: number;
  readonly webhookMaxAttempts: number;
  readonly webhookTimeoutMs: number;
  /** Deliveries one process sends at the same time. */
  readonly webhookConcurrency: number;
}
