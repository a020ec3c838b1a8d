import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Clock, PeriodicTask, RequestContext } from '@omnitill/common';
import { SaleLineProjectionRepository } from '../repositories/sale-line-projection.repository';
import { SALE_LINE_PROJECTION_OPTIONS, SaleLineProjectionOptions } from '../reporting.options';
import { SaleLineProjector } from './sale-line-projector.service';

const HOUR_MS = 3600 * 1000;

/**
 * Replays into report_sale_line the events of the last REPORT_CATCH_UP_WINDOW_HOURS that have no
 * marker: a failed or overflowing live update, a replica that crashed with events queued, or events
 * published while live updates were off. Safe on every replica (applying is idempotent). Older
 * gaps are for `reporting:rebuild`.
 */
@Injectable()
export class SaleLineCatchUp implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(SaleLineCatchUp.name);
  private readonly task: PeriodicTask;

  constructor(
    @Inject(SALE_LINE_PROJECTION_OPTIONS) private readonly options: SaleLineProjectionOptions,
    private readonly projection: SaleLineProjectionRepository,
    private readonly projector: SaleLineProjector,
    private readonly clock: Clock,
  ) {
    this.task = new PeriodicTask('report sale-line catch-up', options.catchUpIntervalMs, async (isStopping) => {
      let applied = 0;
      for (let batch = await this.runOnce(); batch > 0 && !isStopping(); batch = await this.runOnce()) {
        applied += batch;
      }
      if (applied > 0) {
        this.logger.log(`applied ${applied} missed event(s) to report_sale_line`);
      }
    });
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.task.stop();
  }

  /** One batch; returns how many events it applied (0: nothing is missing). */
  async runOnce(): Promise<number> {
    const ctx = RequestContext.system('report-sale-line-catch-up');
    const since = new Date(this.clock.now().getTime() - this.options.catchUpWindowHours * HOUR_MS);
    await this.projection.pruneMarkers(ctx, since);
    const missed = await this.projection.unappliedEvents(ctx, since, this.options.catchUpBatchSize);
    await this.projector.apply(ctx, missed);
    return missed.length;
  }
}
