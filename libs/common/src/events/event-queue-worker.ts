import { Logger } from '@nestjs/common';

/** How an EventQueueWorker batches: `gatherMs` (optional) is how long a batch that is not full waits for more. */
export interface EventQueueLimits {
  readonly batchSize: number;
  readonly maxQueued: number;
  readonly gatherMs?: number;
}

/**
 * The limits of the derived tables' subscribers: up to 200 events per batch (one transaction and
 * one statement per table), at most 10,000 waiting (beyond that the catch-up finds them), and a
 * 250 ms gathering pause: a batch costs nearly the same whatever its size, and without the pause a
 * worker that keeps up would apply nearly every sale alone. The delay before a sale shows in them
 * is this pause plus the relay's.
 */
export const DERIVED_TABLE_QUEUE_LIMITS: EventQueueLimits = { batchSize: 200, maxQueued: 10_000, gatherMs: 250 };

/**
 * The queue of a subscriber that folds committed events into derived tables (reports' projection,
 * recommendation counts): the relay only queues them here, so its throughput does not depend on
 * this work, and ONE worker applies them in order, `batchSize` at a time. With `gatherMs`, a batch
 * that is not full first waits that long for more (a full one goes at once). Whatever fails, waits
 * beyond `maxQueued`, or is still queued at stop (but the batch being gathered) is left to the
 * subscriber's catch-up job, which finds it by its missing marker.
 */
export class EventQueueWorker<T> {
  private readonly queue: T[] = [];
  private worker: Promise<void> | null = null;
  private stopped = true;
  /** Ends the current gathering pause early (the batch is full, or the worker stops). */
  private endPause: (() => void) | null = null;

  constructor(
    private readonly logger: Logger,
    private readonly apply: (batch: T[]) => Promise<unknown>,
    private readonly limits: EventQueueLimits,
  ) {}

  /** Accepts events from now on (again, after a stop). */
  start(): void {
    this.stopped = false;
  }

  push(item: T): void {
    if (this.stopped || this.queue.length >= this.limits.maxQueued) {
      return;
    }
    this.queue.push(item);
    if (this.queue.length >= this.limits.batchSize) {
      this.endPause?.();
    }
    this.worker ??= this.work().finally(() => {
      this.worker = null;
    });
  }

  /** Accepts nothing more and waits for the batch in hand (one being gathered is applied now). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.endPause?.();
    await this.worker;
  }

  private async work(): Promise<void> {
    while (this.queue.length > 0 && !this.stopped) {
      const gatherMs = this.limits.gatherMs ?? 0;
      if (this.queue.length < this.limits.batchSize && gatherMs > 0) {
        await this.pause(gatherMs);
      }
      const batch = this.queue.splice(0, this.limits.batchSize);
      try {
        await this.apply(batch);
      } catch (error) {
        this.logger.warn(`${batch.length} event(s) left to the catch-up: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.endPause?.(), ms);
      this.endPause = () => {
        clearTimeout(timer);
        this.endPause = null;
        resolve();
      };
    });
  }
}
