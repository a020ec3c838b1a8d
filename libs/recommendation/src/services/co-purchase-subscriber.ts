import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { DERIVED_TABLE_QUEUE_LIMITS, EventBus, EventQueueWorker, isUuid, PublishedEvent, RequestContext } from '@omnitill/common';
import { RECOMMENDATION_OPTIONS, RecommendationOptions } from '../recommendation.options';
import { CoPurchaseChange, CoPurchaseUpdater } from './co-purchase-updater.service';

/** sale.completed, order.picked_up and order.shipped make an order's units count. */
const CHANGE_KIND: Readonly<Record<string, CoPurchaseChange['kind']>> = { 'sale.voided': 'VOID', 'return.received': 'RETURN' };

/**
 * Keeps the counts current from committed events, outside the sale's transaction (the till never
 * waits for it) and outside the relay's (EventQueueWorker: one worker per replica drains the queue
 * in order, in batches); the updater's markers make every change count once. A
 * failure, an overflow or a crash is picked up by the catch-up job.
 */
@Injectable()
export class CoPurchaseSubscriber implements OnModuleInit, OnModuleDestroy {
  private unsubscribe: (() => void) | null = null;
  private readonly queue = new EventQueueWorker<PublishedEvent>(new Logger(CoPurchaseSubscriber.name), (batch) => this.apply(batch), DERIVED_TABLE_QUEUE_LIMITS);

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
      if (isUuid(event.aggregateId)) {
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
