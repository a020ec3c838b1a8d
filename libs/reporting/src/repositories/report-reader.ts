import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { entityManagerOf, queryRows, RequestContext, TransactionRunner } from '@omnitill/common';

/**
 * Runs one report statement in its own read transaction with `work_mem = 32MB`: the planner cannot
 * know how many days a period has in a time zone and expects one group per line; within the
 * default 4 MB it sorts a month of lines on disk instead of hashing them in memory. (Report
 * statements are unnamed, so PostgreSQL plans them for their values: a generic plan could not
 * drop `$3::uuid[] IS NULL OR store_id = ANY($3)` for an admin and was measured 2x slower.)
 */
@Injectable()
export class ReportReader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
  ) {}

  rows<T>(ctx: RequestContext, sql: string, params: readonly unknown[]): Promise<T[]> {
    return this.transactions.run(ctx, async (tx) => {
      const manager = entityManagerOf(tx, this.dataSource);
      await manager.query("SET LOCAL work_mem = '32MB'");
      return queryRows<T>(manager, sql, params);
    });
  }
}
