import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { EventBus, EventQueueWorker, PublishedEvent, RequestContext } from '@omnitill/common';
import { RECOMMENDATION_OPTIONS, RecommendationOptions } from '../recommendation.options';
import { CoPurchaseUpdater } from './co-purchase-updater.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Changes waiting beyond this are left to the catch-up job (it finds them by their events). */
const MAX_QUEUED = 10_000;

/**
 * Keeps the counts current from committed events, outside the sale's transaction (the till never
 * waits for it) and outside the relay's (EventQueueWorker: one worker, one change at a time, in
 * order); the updater's markers make every change count once. A failure, an overflow or a crash is
 * picked up by the catch-up job.
 */
@Injectable()
export class CoPurchaseSubscriber implements OnModuleInit, OnModuleDestroy {
  private unsubscribe: (() => void) | null = null;
  private readonly queue = new EventQueueWorker<PublishedEvent>(new Logger(CoPurchaseSubscriber.name), ([event]) => this.apply(event), { batchSize: 1, maxQueued: MAX_QUEUED });

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

  private async apply(event: PublishedEvent): Promise<void> {
    const ctx = RequestContext.system(`recommendation:${event.id}`);
    if (event.type === 'sale.voided') {
      await this.updater.applyVoid(ctx, event.aggregateId);
    } else if (event.type === 'return.received') {
      await this.updater.applyReturn(ctx, event.aggregateId);
    } else {
      // sale.completed, order.picked_up, order.shipped
      await this.updater.applyOrder(ctx, event.aggregateId);
    }
  }
}
