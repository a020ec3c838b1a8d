import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { EventBus, PublishedEvent, RequestContext } from '@omnitill/common';
import { RECOMMENDATION_OPTIONS, RecommendationOptions } from '../recommendation.options';
import { CoPurchaseUpdater } from './co-purchase-updater.service';

/**
 * Keeps the counts current from committed events, outside the sale's transaction (the till never
 * waits for it). Delivery is at least once; the updater's markers make it count once. A failure is
 * logged by the bus and picked up by the catch-up job.
 */
@Injectable()
export class CoPurchaseSubscriber implements OnModuleInit, OnModuleDestroy {
  private unsubscribe: (() => void) | null = null;

  constructor(
    @Inject(RECOMMENDATION_OPTIONS) private readonly options: RecommendationOptions,
    private readonly bus: EventBus,
    private readonly updater: CoPurchaseUpdater,
  ) {}

  onModuleInit(): void {
    if (!this.options.liveUpdates) {
      return;
    }
    this.unsubscribe = this.bus.subscribe(['sale.completed', 'order.picked_up', 'order.shipped', 'sale.voided', 'return.received'], (event) => this.apply(event));
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
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
