import { Injectable, Logger } from '@nestjs/common';
import { RequestContext, TransactionRunner } from '@omnitill/common';
import { SaleLineProjectionRepository } from '../repositories/sale-line-projection.repository';

/** Sales rewritten per transaction: short enough that live upkeep waits seconds, not minutes. */
const CHUNK_MS = 31 * 24 * 3600 * 1000;

/**
 * Refills report_sale_line from the order and return history with set-based SQL, a month of sales
 * per transaction (`node dist/apps/api/src/cli.js reporting:rebuild`). Reports keep reading the old
 * rows of a month until its new ones commit; live upkeep continues correctly afterwards. A VACUUM
 * after each month lets the next one reuse the space, so the table stays about its size and in
 * time order.
 */
@Injectable()
export class SaleLineRebuildService {
  private readonly logger = new Logger(SaleLineRebuildService.name);

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly projection: SaleLineProjectionRepository,
  ) {}

  async rebuild(ctx: RequestContext = RequestContext.system('report-sale-line-rebuild')): Promise<{ lines: number; seconds: number }> {
    const started = Date.now();
    const span = await this.projection.rebuildSpan(ctx);
    let lines = 0;
    for (let from = span?.from.getTime() ?? 0; span && from < span.to.getTime(); from += CHUNK_MS) {
      const to = new Date(Math.min(from + CHUNK_MS, span.to.getTime()));
      lines += await this.transactions.run(ctx, (tx) => this.projection.rebuildPeriod(tx, new Date(from), to));
      await this.projection.vacuum(false);
      this.logger.log(`report_sale_line rebuilt up to ${to.toISOString()} (${lines} lines)`);
    }
    await this.projection.vacuum(true);
    return { lines, seconds: (Date.now() - started) / 1000 };
  }
}
