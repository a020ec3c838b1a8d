import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { EventBus, EventQueueWorker, PublishedEvent, RequestContext } from '@omnitill/common';
import { RECOMMENDATION_OPTIONS, RecommendationOptions } from '../recommendation.options';
import { CoPurchaseChange, CoPurchaseUpdater } from './co-purchase-updater.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Changes waiting beyond this are left to the catch-up job (it finds them by their events). */
const MAX_QUEUED = 10_000;
/** Changes applied together: completed orders in one transaction and one statement per table. */
const BATCH = 200;
/**
 * A batch that is not full waits this long for more events: a batch costs nearly the same whatever
 * its size, and without the wait a worker that keeps up would apply nearly every sale alone. The
 * delay before a sale shows is this pause plus the relay's.
 */
const GATHER_MS = 250;
/** sale.completed, order.picked_up and order.shipped make an order's units count. */
const CHANGE_KIND: Readonly<Record<string, CoPurchaseChange['kind']>> = { 'sale.voided': 'VOID', 'return.received': 'RETURN' };

/**
 * Keeps the counts current from committed events, outside the sale's transaction (the till never
 * waits for it) and outside the relay's (EventQueueWorker: one worker per replica drains the queue
 * in order, up to BATCH changes at a time); the updater's markers make every change count once. A
 * failure, an overflow or a crash is picked up by the catch-up job.
 */
@Injectable()
export class CoPurchaseSubscriber implements OnModuleInit, OnModuleDestroy {
  private unsubscribe: (() => void) | null = null;
  private readonly queue = new EventQueueWorker<PublishedEvent>(new Logger(CoPurchaseSubscriber.name), (batch) => this.apply(batch), { batchSize: BATCH, maxQueued: MAX_QUEUED, gatherMs: GATHER_MS });

  constructor(
    @Inject(RECOMMENDATION_OPTIONS) private readonly options: RecommendationOptions,
    private readonly bus: EventBus,
    private readonly updater: CoPurchaseUpdater,
  ) {}

  onModuleInit(): void {
    if (!this.options.liveUpdates) {
      return;
    }
    this.queue.start();
    this.unsubscribe = this.bus.subscribe(['sale.completed', 'order.picked_up', 'order.shipped', 'sale.voided', 'return.received'], (event) => {
      if (UUID.test(event.aggregateId)) {
        this.queue.push(event);
      }
    });
  }

  async onModuleDestroy(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = null;
    await this.queue.stop();
  }

  private async apply(events: readonly PublishedEvent[]): Promise<void> {
    const changes = events.map((event): CoPurchaseChange => ({ kind: CHANGE_KIND[event.type] ?? 'ORDER', id: event.aggregateId }));
    await this.updater.apply(RequestContext.system(`recommendation:${events[0].id}`), changes);
  }
}
