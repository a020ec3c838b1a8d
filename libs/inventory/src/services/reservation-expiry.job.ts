import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Clock, PeriodicTask, RequestContext, TransactionRunner } from '@omnitill/common';
import { RESERVATION_SWEEP_OPTIONS, ReservationSweepOptions } from '../rules/sweep-options';
import { InventoryReservationService } from './inventory-reservation.service';

/**
 * Releases lapsed reservations every RESERVATION_SWEEP_INTERVAL_MS on every replica; replicas
 * never double-release (SKIP LOCKED in expireLapsed).
 */
@Injectable()
export class ReservationExpiryJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ReservationExpiryJob.name);
  private readonly task: PeriodicTask;
  private stopping = false;

  constructor(
    @Inject(RESERVATION_SWEEP_OPTIONS) private readonly options: ReservationSweepOptions,
    private readonly reservations: InventoryReservationService,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {
    this.task = new PeriodicTask('reservation sweep', options.intervalMs, async () => {
      const released = await this.sweep(RequestContext.system('reservation-sweep'));
      if (released > 0) {
        this.logger.log(`released ${released} lapsed reservation(s)`);
      }
    });
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    await this.task.stop();
  }

  /** Releases every reservation lapsed by now, one transaction per batch; returns how many. */
  async sweep(ctx: RequestContext): Promise<number> {
    const now = this.clock.now();
    let total = 0;
    for (;;) {
      const released = await this.transactions.run(ctx, (tx) => this.reservations.expireLapsed(tx, now, this.options.batchSize));
      total += released;
      if (released < this.options.batchSize || this.stopping) {
        return total;
      }
    }
  }
}
