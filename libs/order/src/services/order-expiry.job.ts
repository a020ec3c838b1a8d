import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { PeriodicTask, RequestContext } from '@omnitill/common';
import { ORDER_OPTIONS, OrderOptions } from '../order.options';
import { OrderExpiryService } from './order-expiry.service';

/**
 * Runs the order expiry every ORDER_EXPIRY_INTERVAL_MS (0 = off) on every replica; replicas never
 * expire the same order twice (SKIP LOCKED).
 */
@Injectable()
export class OrderExpiryJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OrderExpiryJob.name);
  private readonly task: PeriodicTask;

  constructor(
    @Inject(ORDER_OPTIONS) options: OrderOptions,
    private readonly expiry: OrderExpiryService,
  ) {
    this.task = new PeriodicTask('order expiry', options.expiryIntervalMs, async (isStopping) => {
      const expired = await this.expiry.expireLapsed(RequestContext.system('order-expiry'), isStopping);
      if (expired > 0) {
        this.logger.log(`expired ${expired} uncollected order(s)`);
      }
    });
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.task.stop();
  }
}
