import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { RequestContext } from '@omnitill/common';
import { ORDER_OPTIONS, OrderOptions } from '../order.options';
import { OrderExpiryService } from './order-expiry.service';

/**
 * Runs the order expiry every ORDER_EXPIRY_INTERVAL_MS (0 = off) on every replica. Runs never
 * overlap on one replica (the next is scheduled when the last finishes) and replicas never expire
 * the same order twice (SKIP LOCKED). Timers are unref'd: they never keep a process alive.
 */
@Injectable()
export class OrderExpiryJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OrderExpiryJob.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = false;

  constructor(
    @Inject(ORDER_OPTIONS) private readonly options: OrderOptions,
    private readonly expiry: OrderExpiryService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.options.expiryIntervalMs > 0) {
      this.schedule();
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    await this.running;
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.tick().finally(() => {
        this.running = null;
        if (!this.stopped) {
          this.schedule();
        }
      });
    }, this.options.expiryIntervalMs);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    try {
      const expired = await this.expiry.expireLapsed(RequestContext.system('order-expiry'), () => this.stopped);
      if (expired > 0) {
        this.logger.log(`expired ${expired} uncollected order(s)`);
      }
    } catch (error) {
      this.logger.error(`order expiry failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
