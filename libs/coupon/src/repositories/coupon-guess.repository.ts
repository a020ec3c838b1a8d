import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { entityManagerOf, queryPrepared, RequestContext } from '@omnitill/common';

/**
 * Failed coupon look-ups. A failure is written on the pool, never in the caller's transaction: an
 * unknown code answers with an ErrorResult, which rolls that transaction back, and the failure must
 * still count. The count is read in the caller's transaction (no second connection per sale).
 */
@Injectable()
export class CouponGuessRepository {
  constructor(private readonly dataSource: DataSource) {}

  async failuresSince(ctx: RequestContext, caller: string, since: Date): Promise<{ count: number; oldest: Date | null }> {
    const [row] = await queryPrepared<{ count: string; oldest: Date | null }>(
      entityManagerOf(ctx, this.dataSource),
      'SELECT count(*) AS count, min(attempted_at) AS oldest FROM coupon_guess WHERE caller = $1 AND attempted_at > $2',
      [caller, since],
    );
    return { count: Number(row.count), oldest: row.oldest };
  }

  async record(_ctx: RequestContext, caller: string, at: Date): Promise<void> {
    await this.dataSource.query('INSERT INTO coupon_guess (caller, attempted_at) VALUES ($1, $2)', [caller, at]);
  }
}
