import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock, RequestContext } from '@omnitill/common';
import { CoPurchaseRepository } from '../repositories/co-purchase.repository';
import { BEST_SELLER_DAYS } from './best-seller-ranking.service';

const DAY_MS = 24 * 3600 * 1000;

/**
 * Recomputes every recommendation table from the order and return history in ONE REPEATABLE READ
 * transaction (`npm run recommendation:rebuild`, or `node dist/apps/api/src/cli.js recommendation:rebuild`).
 * Live appliers wait on its lock and continue correctly afterwards.
 */
@Injectable()
export class CoPurchaseRebuildService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly counts: CoPurchaseRepository,
    private readonly clock: Clock,
  ) {}

  async rebuild(ctx: RequestContext = RequestContext.system('recommendation-rebuild')): Promise<{ baskets: number; pairs: number }> {
    const queryRunner = this.dataSource.createQueryRunner();
    await queryRunner.connect();
    try {
      await queryRunner.startTransaction('REPEATABLE READ');
      const since = new Date(this.clock.now().getTime() - (BEST_SELLER_DAYS + 1) * DAY_MS);
      const result = await this.counts.rebuild(ctx.withEntityManager(queryRunner.manager), since);
      await queryRunner.commitTransaction();
      return result;
    } catch (error) {
      if (queryRunner.isTransactionActive) {
        await queryRunner.rollbackTransaction();
      }
      throw error;
    } finally {
      await queryRunner.release();
    }
  }
}
