import { Inject, Injectable, Logger } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import { Clock, RequestContext } from '@omnitill/common';
import { WebhookDeliveryState } from '../entities/webhook-delivery.entity';
import { EVENTS_OPTIONS, EventsOptions } from '../events.options';
import { ClaimedDelivery, WebhookQueueRepository } from '../repositories/webhook-queue.repository';
import { outcomeOf } from './retry-policy';
import { toWebhookBody } from './webhook-payload';
import { WebhookSender } from './webhook-sender';

/** Extra lease time beyond the request timeout, for recording the result. */
const LEASE_MARGIN_MS = 30_000;
const MAX_TIMER_MS = 2 ** 31 - 1;
/** How often the safety net looks for queues whose next delivery was never promoted. */
const STRANDED_CHECK_MS = 30_000;

export interface DispatcherStats {
  attempts: number;
  succeeded: number;
  failed: number;
  dead: number;
}

/**
 * Sends queued webhook deliveries: claims due ones with a lease (SKIP LOCKED, safe with several
 * replicas), POSTs them concurrently up to the configured limit, logs every attempt and schedules
 * retries with exponential backoff until the attempt limit makes a delivery DEAD.
 */
@Injectable()
export class WebhookDispatcher {
  private readonly logger = new Logger(WebhookDispatcher.name);
  private readonly ctx = RequestContext.system('webhook-dispatcher');
  private running = false;
  private claiming: Promise<void> | null = null;
  private wakeRequested = false;
  private readonly inFlight = new Set<Promise<void>>();
  private retryTimer: NodeJS.Timeout | null = null;
  private retryAt = Number.POSITIVE_INFINITY;
  private lastStrandedCheck = Number.NEGATIVE_INFINITY;
  readonly stats: DispatcherStats = { attempts: 0, succeeded: 0, failed: 0, dead: 0 };

  constructor(
    private readonly queue: WebhookQueueRepository,
    private readonly sender: WebhookSender,
    private readonly clock: Clock,
    @Inject(EVENTS_OPTIONS) private readonly options: EventsOptions,
  ) {}

  start(): void {
    this.running = true;
    this.wake();
  }

  /** Stops claiming and waits for the requests in flight (each bounded by the timeout). */
  async stop(): Promise<void> {
    this.running = false;
    if (this.retryTimer) {
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
    }
    await this.claiming;
    await Promise.allSettled([...this.inFlight]);
  }

  wake(): void {
    if (!this.running) {
      return;
    }
    if (this.claiming) {
      this.wakeRequested = true;
      return;
    }
    this.claiming = this.fill().finally(() => {
      this.claiming = null;
      if (this.wakeRequested) {
        this.wake();
      }
    });
  }

  private async fill(): Promise<void> {
    do {
      this.wakeRequested = false;
      const free = this.options.webhookConcurrency - this.inFlight.size;
      if (free <= 0) {
        return; // a finishing delivery wakes us
      }
      const now = this.clock.now();
      let claimed: ClaimedDelivery[];
      try {
        await this.promoteStrandedHeadsNowAndThen(now);
        claimed = await this.queue.claimDue(this.ctx, now, free, new Date(now.getTime() + this.options.webhookTimeoutMs + LEASE_MARGIN_MS));
      } catch (error) {
        this.logger.error(`claiming deliveries failed: ${error instanceof Error ? error.message : String(error)}`);
        return;
      }
      for (const delivery of claimed) {
        const sending: Promise<void> = this.deliver(delivery)
          .catch((error: unknown) => {
            // The lease runs out and another attempt follows: at least once.
            this.logger.error(`delivery ${delivery.deliveryId} not recorded: ${error instanceof Error ? error.message : String(error)}`);
          })
          .finally(() => {
            this.inFlight.delete(sending);
            this.wake();
          });
        this.inFlight.add(sending);
      }
      if (claimed.length === free) {
        this.wakeRequested = true;
      }
    } while (this.wakeRequested && this.running);
  }

  private async deliver(delivery: ClaimedDelivery): Promise<void> {
    const attemptedAt = this.clock.now();
    const response = await this.sender.send(
      {
        url: delivery.url,
        secret: delivery.secret,
        eventId: delivery.event.id,
        deliveryId: delivery.deliveryId,
        attemptNo: delivery.attempts,
        body: JSON.stringify(toWebhookBody(delivery.event)),
        timestamp: Math.floor(attemptedAt.getTime() / 1000),
      },
      this.options.webhookTimeoutMs,
    );
    const outcome = outcomeOf(
      response.ok,
      delivery.attempts,
      { maxAttempts: this.options.webhookMaxAttempts, baseMs: this.options.webhookRetryBaseMs },
      this.clock.now(),
    );
    const result = {
      deliveryId: delivery.deliveryId,
      leaseUntil: delivery.leaseUntil,
      state: WebhookDeliveryState[outcome.state],
      nextAttemptAt: outcome.nextAttemptAt,
      statusCode: response.statusCode,
      error: response.error,
      durationMs: response.durationMs,
      attemptedAt,
    };
    // Two statements, each committed on its own: the promotion's fresh snapshot sees deliveries a
    // relay committed while our update waited for its lock. A crash in between leaves the queue's
    // next delivery waiting; promoteStrandedHeads resumes it.
    const finished = await this.queue.recordAttempt(this.ctx, result);
    if (finished) {
      await this.queue.promoteNext(this.ctx, finished, this.clock.now());
    }
    this.stats.attempts += 1;
    switch (outcome.state) {
      case 'SUCCEEDED':
        this.stats.succeeded += 1;
        break;
      case 'FAILED':
        this.stats.failed += 1;
        this.scheduleRetry(outcome.nextAttemptAt);
        break;
      case 'DEAD':
        this.stats.dead += 1;
        this.logger.warn(`delivery ${delivery.deliveryId} of event ${delivery.event.id} is DEAD after ${delivery.attempts} attempts (${response.error ?? ''})`);
        break;
    }
  }

  private async promoteStrandedHeadsNowAndThen(now: Date): Promise<void> {
    const elapsed = performance.now() - this.lastStrandedCheck;
    if (elapsed < STRANDED_CHECK_MS) {
      return;
    }
    this.lastStrandedCheck = performance.now();
    const promoted = await this.queue.promoteStrandedHeads(this.ctx, now);
    if (promoted > 0) {
      this.logger.warn(`${promoted} webhook queue(s) were stuck behind a finished delivery: resumed`);
    }
  }

  /** Wakes when the earliest known retry is due (the poll would find it too, later). */
  private scheduleRetry(at: Date): void {
    const due = at.getTime();
    if (!this.running || due >= this.retryAt) {
      return;
    }
    if (this.retryTimer) {
      clearTimeout(this.retryTimer);
    }
    this.retryAt = due;
    const delay = Math.min(MAX_TIMER_MS, Math.max(0, due - this.clock.now().getTime()) + 5);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.retryAt = Number.POSITIVE_INFINITY;
      this.wake();
    }, delay);
    this.retryTimer.unref();
  }
}
