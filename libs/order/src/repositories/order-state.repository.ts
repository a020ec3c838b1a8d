import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { entityManagerOf, queryPrepared, queryRows, RequestContext } from '@omnitill/common';
import { OrderEntity } from '../entities/order.entity';
import { OrderState } from '../entities/order.enums';
import { NewOrder, ORDER_COLUMNS } from './order.repository';

export interface StateChangeRecord {
  readonly orderId: string;
  readonly from: OrderState;
  readonly to: OrderState;
  readonly actor: string;
  readonly reason: string | null;
  readonly at: Date;
  /** Columns that change with the state (timestamps, expiry, refund due...). */
  readonly patch?: Partial<NewOrder>;
}

/** A lapsed open order claimed by one expiry run. */
export interface ExpiryCandidate {
  readonly id: string;
  readonly state: OrderState;
  readonly reservationId: string | null;
}

/** State transitions and their history: always written together. */
@Injectable()
export class OrderStateRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Compare-and-set: moves the order from `from` to `to` only if it is still in `from`, and appends
   * the history row. False when someone else changed the state first (nothing is written then).
   */
  async transition(ctx: RequestContext, change: StateChangeRecord): Promise<boolean> {
    // ONE prepared statement for both writes (a text per set of patched columns: a handful).
    const patch = (Object.entries(change.patch ?? {}) as [keyof NewOrder, unknown][])
      .filter(([property, value]) => value !== undefined && property !== 'state');
    const params: unknown[] = [change.orderId, change.from, change.to, change.at, change.actor.slice(0, 120), change.reason?.slice(0, 200) ?? null];
    const assignments = patch.map(([property, value]) => {
      params.push(value);
      const [column, type] = ORDER_COLUMNS[property];
      return `${column} = $${params.length}::${type}`;
    });
    const rows = await queryPrepared<{ id: string }>(
      entityManagerOf(ctx, this.dataSource),
      `WITH moved AS (
        UPDATE "order" SET ${[...assignments, 'state = $3::order_state', 'updated_at = $4::timestamptz'].join(', ')}
        WHERE id = $1::uuid AND state = $2::order_state
        RETURNING id
      ), history AS (
        INSERT INTO order_state_change (order_id, from_state, to_state, actor, reason, occurred_at)
        SELECT id, $2::varchar, $3::varchar, $5::varchar, $6::varchar, $4::timestamptz FROM moved
      )
      SELECT id FROM moved`,
      params,
    );
    return rows.length === 1;
  }

  /**
   * Claims up to `limit` open orders whose hold lapsed by `now`, locking them. SKIP LOCKED: rows
   * another replica's run (or a handover in progress) holds are left alone, so no order is expired twice.
   */
  claimLapsed(ctx: RequestContext, now: Date, limit: number): Promise<ExpiryCandidate[]> {
    return queryRows<ExpiryCandidate>(
      entityManagerOf(ctx, this.dataSource),
      `SELECT id, state, reservation_id AS "reservationId" FROM "order"
       WHERE state IN ('PLACED', 'PICKING', 'READY_FOR_PICKUP') AND expires_at <= $1
       ORDER BY expires_at, id
       LIMIT $2
       FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
  }

  findByIds(ctx: RequestContext, ids: readonly string[]): Promise<OrderEntity[]> {
    return ids.length === 0 ? Promise.resolve([]) : entityManagerOf(ctx, this.dataSource).find(OrderEntity, { where: { id: In([...ids]) } });
  }

  /** Expires the claimed orders and appends their history rows in ONE statement. */
  /** Returns the ids of the orders expired. */
  async expire(ctx: RequestContext, candidates: readonly ExpiryCandidate[], actor: string, now: Date): Promise<string[]> {
    if (candidates.length === 0) {
      return [];
    }
    const rows = await queryRows<{ id: string }>(
      entityManagerOf(ctx, this.dataSource),
      `WITH expired AS (
        UPDATE "order" o SET state = 'EXPIRED', expired_at = $2, updated_at = $2, refund_due_amount = o.total_amount
        FROM unnest($1::uuid[], $3::order_state[]) AS c(id, state)
        WHERE o.id = c.id AND o.state = c.state
        RETURNING o.id, c.state
      ),
      history AS (
        INSERT INTO order_state_change (order_id, from_state, to_state, actor, reason, occurred_at)
        SELECT id, state::text, 'EXPIRED', $4, 'not collected within the hold period', $2 FROM expired
        RETURNING order_id
      )
      SELECT order_id AS id FROM history`,
      [candidates.map((c) => c.id), now, candidates.map((c) => c.state), actor],
    );
    return rows.map((row) => row.id);
  }

  /** Lowers what is owed back on these orders by what went back to store credit instead. */
  async reduceRefundDue(ctx: RequestContext, restored: ReadonlyMap<string, number>): Promise<void> {
    if (restored.size === 0) {
      return;
    }
    await entityManagerOf(ctx, this.dataSource).query(
      `UPDATE "order" o SET refund_due_amount = o.refund_due_amount - r.amount
         FROM unnest($1::uuid[], $2::int[]) AS r(id, amount) WHERE o.id = r.id`,
      [[...restored.keys()], [...restored.values()]],
    );
  }
}
