import { Inject, Injectable, Logger } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import { Clock, EventBus, PublishedEvent, RequestContext, TransactionRunner } from '@omnitill/common';
import { EVENTS_OPTIONS, EventsOptions } from '../events.options';
import { OutboxRepository } from '../repositories/outbox.repository';
import { WebhookQueueRepository } from '../repositories/webhook-queue.repository';
import { isLiveUpdateEvent } from '../subscriptions/live-updates';
import { WebhookDispatcher } from '../webhooks/webhook-dispatcher';
import { chunkIds, EVENTS_PUBLISHED_CHANNEL } from './channels';

/** Pause after a failed batch before the next try. */
const FAILURE_BACKOFF_MS = 1000;

export interface DrainResult {
  readonly claimed: number;
  readonly published: number;
  readonly blocked: number;
  readonly deliveriesQueued: number;
}

export interface RelayStats {
  published: number;
  batches: number;
  blocked: number;
  deliveriesQueued: number;
}

/**
 * Publishes committed outbox events. Several replicas may run it: each claims rows with
 * FOR UPDATE SKIP LOCKED, so no event is handled by two relays at once, and holds back an event
 * while an earlier one of its aggregate is unpublished, so each aggregate's events go out in order.
 * Publishing one batch is one transaction: mark published, queue webhook deliveries, call
 * in-process subscribers, NOTIFY every replica (delivered at commit).
 */
@Injectable()
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private running = false;
  private draining: Promise<void> | null = null;
  private wakeRequested = false;
  private heldBack = false;
  private failedAt = Number.NEGATIVE_INFINITY;
  private retryTimer: NodeJS.Timeout | null = null;
  readonly stats: RelayStats = { published: 0, batches: 0, blocked: 0, deliveriesQueued: 0 };

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly webhooks: WebhookQueueRepository,
    private readonly transactions: TransactionRunner,
    private readonly bus: EventBus,
    private readonly clock: Clock,
    private readonly dispatcher: WebhookDispatcher,
    @Inject(EVENTS_OPTIONS) private readonly options: EventsOptions,
  ) {}

  /** True when the last drain held events back for another replica: wake on its next publish. */
  get waitingForOtherRelay(): boolean {
    return this.heldBack;
  }

  start(): void {
    this.running = true;
    this.wake();
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.retryTimer) {
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
    }
    await this.draining;
  }

  /** Drains now, or right after the drain in progress. Safe to call at any rate. */
  wake(): void {
    if (!this.running) {
      return;
    }
    const backoff = this.failedAt + FAILURE_BACKOFF_MS - performance.now();
    if (backoff > 0) {
      // After a failure, wait before trying again (one timer), however often we are woken.
      this.retryTimer ??= setTimeout(() => {
        this.retryTimer = null;
        this.wake();
      }, backoff);
      this.retryTimer.unref();
      return;
    }
    if (this.draining) {
      this.wakeRequested = true;
      return;
    }
    this.draining = this.drainLoop().finally(() => {
      this.draining = null;
      if (this.wakeRequested) {
        this.wake();
      }
    });
  }

  private async drainLoop(): Promise<void> {
    do {
      this.wakeRequested = false;
      try {
        for (;;) {
          const result = await this.drainOnce();
          this.heldBack = result.blocked > 0;
          // Stop when the queue is empty for us, or everything left waits for another relay.
          if (!this.running || result.published === 0 || result.claimed < this.options.relayBatchSize) {
            break;
          }
        }
      } catch (error) {
        // A broken database must not turn into a hot loop: back off, then try again.
        this.logger.error(`relay batch failed: ${error instanceof Error ? error.message : String(error)}`);
        this.failedAt = performance.now();
        return;
      }
    } while (this.wakeRequested && this.running);
  }

  /** Publishes one batch. Exposed for tools and tests; normally driven by wake(). */
  async drainOnce(): Promise<DrainResult> {
    const result = await this.transactions.run(RequestContext.system('outbox-relay'), async (ctx) => {
      const batch = await this.outbox.claimBatch(ctx, this.options.relayBatchSize);
      if (batch.publishable.length === 0) {
        return { claimed: batch.claimed, published: 0, blocked: batch.blocked, deliveriesQueued: 0 };
      }
      const now = this.clock.now();
      const events = await this.outbox.markPublished(ctx, batch.publishable, now);
      const deliveriesQueued = await this.webhooks.enqueue(ctx, batch.publishable, now);
      for (const event of events) {
        await this.bus.dispatch(event);
      }
      await this.announce(ctx, events);
      return { claimed: batch.claimed, published: events.length, blocked: batch.blocked, deliveriesQueued };
    });
    this.stats.batches += result.published > 0 ? 1 : 0;
    this.stats.published += result.published;
    this.stats.blocked += result.blocked;
    this.stats.deliveriesQueued += result.deliveriesQueued;
    if (result.deliveriesQueued > 0) {
      // This replica sends at once; the others hear the NOTIFY.
      this.dispatcher.wake();
    }
    return result;
  }

  private async announce(ctx: RequestContext, events: readonly PublishedEvent[]): Promise<void> {
    const live = events.filter(isLiveUpdateEvent).map((event) => event.sequence);
    const payloads = live.length > 0 ? chunkIds(live) : [''];
    for (const payload of payloads) {
      await this.outbox.notify(ctx, EVENTS_PUBLISHED_CHANNEL, payload);
    }
  }
}
