import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RequestContext } from '@omnitill/common';
import { CustomerSignInAttemptEntity } from '../entities/customer-sign-in-attempt.entity';

@Injectable()
export class CustomerSignInAttemptRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Failures for this email since `since`, and the oldest (when the window frees up). Always on the pool. */
  async failuresSince(_ctx: RequestContext, email: string, since: Date): Promise<{ count: number; oldest: Date | null }> {
    const [row] = await this.dataSource.query<{ count: string; oldest: Date | null }[]>(
      `SELECT count(*) AS count, min(attempted_at) AS oldest
         FROM customer_sign_in_attempt WHERE email = $1 AND succeeded = false AND attempted_at > $2`,
      [email, since],
    );
    return { count: Number(row.count), oldest: row.oldest };
  }

  /** Never in a caller's transaction: a failed attempt must count even if that rolls back. */
  async record(_ctx: RequestContext, attempt: Omit<CustomerSignInAttemptEntity, 'id'>): Promise<void> {
    await this.dataSource.manager.insert(CustomerSignInAttemptEntity, attempt);
  }
}
