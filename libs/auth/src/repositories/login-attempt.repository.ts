import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RequestContext } from '@omnitill/common';
import { LoginAttemptEntity } from '../entities/login-attempt.entity';

@Injectable()
export class LoginAttemptRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Failures for this email since `since`, and the oldest of them (to tell when the window frees up). */
  async failuresSince(_ctx: RequestContext, email: string, since: Date): Promise<{ count: number; oldest: Date | null }> {
    // Always on the pool, never in a caller's transaction: attempts must count even when it rolls back.
    const [row] = await this.dataSource.query<{ count: string; oldest: Date | null }[]>(
      `SELECT count(*) AS count, min(attempted_at) AS oldest
         FROM login_attempt WHERE email = $1 AND succeeded = false AND attempted_at > $2`,
      [email, since],
    );
    return { count: Number(row.count), oldest: row.oldest };
  }

  async record(_ctx: RequestContext, attempt: Omit<LoginAttemptEntity, 'id'>): Promise<void> {
    await this.dataSource.manager.insert(LoginAttemptEntity, attempt);
  }
}
