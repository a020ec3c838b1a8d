import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Clock, PeriodicTask, RequestContext } from '@omnitill/common';
import { PurchaseSourceRepository } from '../repositories/purchase-source.repository';
import { RECOMMENDATION_OPTIONS, RecommendationOptions } from '../recommendation.options';
import { CoPurchaseUpdater } from './co-purchase-updater.service';

const HOUR_MS = 3600 * 1000;
/** Ship orders are found by placement time; they ship within the ship hold (ORDER_SHIP_HOLD_DAYS ≤ this). */
const SHIP_LOOKBACK_MS = 30 * 24 * HOUR_MS;
/** Products rescored per run (each rewrites the scores of its pairs, both directions). */
const RESCORE_BATCH_SIZE = 50;

/**
 * Applies what the event handlers missed (a handler failure is only logged) and what has no event
 * of its own (shipped orders): completed orders, voids and received returns of the last
 * RECOMMENDATION_CATCH_UP_WINDOW_HOURS without a marker, in bounded batches. Safe on every replica:
 * the markers decide who applies. Then recomputes the stored pair scores of products whose buyer
 * count drifted (CoPurchaseUpdater.rescoreDrifted).
 */
@Injectable()
export class CoPurchaseCatchUp implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(CoPurchaseCatchUp.name);
  private readonly task: PeriodicTask;

  constructor(
    @Inject(RECOMMENDATION_OPTIONS) private readonly options: RecommendationOptions,
    private readonly sources: PurchaseSourceRepository,
    private readonly updater: CoPurchaseUpdater,
    private readonly clock: Clock,
  ) {
    this.task = new PeriodicTask('recommendation catch-up', options.catchUpIntervalMs, async (isStopping) => {
      const applied = await this.runOnce(isStopping);
      if (applied > 0) {
        this.logger.log(`applied ${applied} missed change(s) to the co-purchase counts`);
      }
    });
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.task.stop();
  }

  /**
   * One batch: the missed changes, then the pair scores of products whose n drifted (at most
   * RESCORE_BATCH_SIZE). Returns how many changes it applied.
   */
  async runOnce(isStopping: () => boolean = () => false): Promise<number> {
    const applied = await this.applyMissed(isStopping);
    if (!isStopping()) {
      await this.updater.rescoreDrifted(RequestContext.system('recommendation-rescore'), RESCORE_BATCH_SIZE);
    }
    return applied;
  }

  private async applyMissed(isStopping: () => boolean): Promise<number> {
    const ctx = RequestContext.system('recommendation-catch-up');
    const now = this.clock.now().getTime();
    const pending = await this.sources.unapplied(ctx, new Date(now - this.options.catchUpWindowHours * HOUR_MS), new Date(now - SHIP_LOOKBACK_MS), this.options.catchUpBatchSize);
    return isStopping() ? 0 : this.updater.apply(ctx, pending);
  }
}
