import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { queryRows, RequestContext } from '@omnitill/common';

export interface PickupAttemptState {
  readonly failedAttempts: number;
  readonly lockedUntil: Date | null;
}

/**
 * Wrong pickup codes. Always on the pool, never in the caller's transaction: a wrong code answers
 * with an ErrorResult, which rolls that transaction back, and the failure must still count
 * (the same reason LoginAttemptRepository works this way).
 */
@Injectable()
export class PickupAttemptRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** One more failure; every `lockAfter`-th in a row locks the order until `lockUntil`. Atomic. */
  async recordFailure(_ctx: RequestContext, orderId: string, lockAfter: number, lockUntil: Date, at: Date): Promise<PickupAttemptState> {
    const [row] = await queryRows<{ failed_pickup_attempts: number; pickup_locked_until: Date | null }>(
      this.dataSource.manager,
      `UPDATE "order"
       SET failed_pickup_attempts = failed_pickup_attempts + 1,
           pickup_locked_until = CASE WHEN (failed_pickup_attempts + 1) % $2 = 0 THEN $3 ELSE pickup_locked_until END,
           updated_at = $4
       WHERE id = $1
       RETURNING failed_pickup_attempts, pickup_locked_until`,
      [orderId, lockAfter, lockUntil, at],
    );
    return { failedAttempts: row.failed_pickup_attempts, lockedUntil: row.pickup_locked_until };
  }
}
