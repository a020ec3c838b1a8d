import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Clock, RequestContext, TransactionRunner } from '@omnitill/common';
import { RESERVATION_SWEEP_OPTIONS, ReservationSweepOptions } from '../rules/sweep-options';
import { InventoryReservationService } from './inventory-reservation.service';

/**
 * Releases lapsed reservations every RESERVATION_SWEEP_INTERVAL_MS on every replica. Runs never
 * overlap on one replica (the next one is scheduled when the last finishes) and replicas never
 * double-release (SKIP LOCKED in expireLapsed). Timers are unref'd: they never keep a process alive.
 */
@Injectable()
export class ReservationExpiryJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ReservationExpiryJob.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = false;

  constructor(
    @Inject(RESERVATION_SWEEP_OPTIONS) private readonly options: ReservationSweepOptions,
    private readonly reservations: InventoryReservationService,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    if (this.options.intervalMs > 0) {
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

  /** Releases every reservation lapsed by now, one transaction per batch; returns how many. */
  async sweep(ctx: RequestContext): Promise<number> {
    const now = this.clock.now();
    let total = 0;
    for (;;) {
      const released = await this.transactions.run(ctx, (tx) => this.reservations.expireLapsed(tx, now, this.options.batchSize));
      total += released;
      if (released < this.options.batchSize || this.stopped) {
        return total;
      }
    }
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
    }, this.options.intervalMs);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    try {
      const released = await this.sweep(RequestContext.system('reservation-sweep'));
      if (released > 0) {
        this.logger.log(`released ${released} lapsed reservation(s)`);
      }
    } catch (error) {
      this.logger.error(`reservation sweep failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
