import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { queryRows, RequestContext } from '@omnitill/common';
import { AppliedSourceType } from '../entities/recommendation.entities';
import { BasketChange } from '../rules/basket-change';
import { PURCHASED_STATES_SQL, RETURNED_STATES_SQL } from './sql-rows';

/**
 * Every write to the co-purchase tables. Counters are changed only by atomic upserts
 * (`baskets = baskets + delta`), never read-modify-write, and in a fixed key order so two
 * transactions touching the same pairs cannot deadlock.
 */
@Injectable()
export class CoPurchaseRepository {
  private manager(ctx: RequestContext): EntityManager {
    if (!ctx.entityManager?.queryRunner?.isTransactionActive) {
      throw new Error('CoPurchaseRepository writes need an open transaction');
    }
    return ctx.entityManager;
  }

  /** Serialises every change of one basket (a customer or a guest order) across replicas. */
  async lockBasket(ctx: RequestContext, basketId: string): Promise<void> {
    await this.manager(ctx).query("SELECT pg_advisory_xact_lock(hashtextextended('recommendation:' || $1, 0))", [basketId]);
  }

  /** Claims a change for this transaction; false when it was applied already. */
  async claim(ctx: RequestContext, sourceType: AppliedSourceType, sourceId: string): Promise<boolean> {
    const rows = await queryRows<{ source_id: string }>(
      this.manager(ctx),
      'INSERT INTO recommendation_applied (source_type, source_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING source_id',
      [sourceType, sourceId],
    );
    return rows.length === 1;
  }

  async isApplied(ctx: RequestContext, sourceType: AppliedSourceType, sourceId: string): Promise<boolean> {
    const rows = await queryRows(this.manager(ctx), 'SELECT 1 FROM recommendation_applied WHERE source_type = $1 AND source_id = $2', [sourceType, sourceId]);
    return rows.length === 1;
  }

  async basket(ctx: RequestContext, basketId: string): Promise<Map<string, number>> {
    const rows = await queryRows<{ product_id: string; units: number }>(
      this.manager(ctx),
      'SELECT product_id, units FROM recommendation_basket_item WHERE basket_id = $1',
      [basketId],
    );
    return new Map(rows.map((row) => [row.product_id, row.units]));
  }

  /** Writes the basket's new holdings and folds the change into buyers and pairs. */
  async applyChange(ctx: RequestContext, basketId: string, before: ReadonlyMap<string, number>, change: BasketChange): Promise<void> {
    const manager = this.manager(ctx);
    const kept = [...change.after].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const gone = [...before.keys()].filter((productId) => !change.after.has(productId));
    if (gone.length > 0) {
      await manager.query('DELETE FROM recommendation_basket_item WHERE basket_id = $1 AND product_id = ANY($2::uuid[])', [basketId, gone]);
    }
    if (kept.length > 0) {
      await manager.query(
        `INSERT INTO recommendation_basket_item (basket_id, product_id, units)
         SELECT $1, product_id, units FROM unnest($2::uuid[], $3::int[]) AS k(product_id, units)
         ON CONFLICT (basket_id, product_id) DO UPDATE SET units = EXCLUDED.units`,
        [basketId, kept.map(([productId]) => productId), kept.map(([, units]) => units)],
      );
    }
    const buyers = [...change.buyerDeltas].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    await this.addCounts(
      manager,
      'recommendation_product_buyers',
      ['product_id'],
      buyers.map(([productId, delta]) => ({ key: [productId], delta })),
    );
    await this.addCounts(
      manager,
      'recommendation_co_purchase',
      ['product_id', 'other_product_id'],
      change.pairDeltas.map(([a, b, delta]) => ({ key: [a, b], delta })),
    );
  }

  /**
   * Adds deltas to counters keyed by uuid columns, rows in the given (sorted) order. Increments
   * are upserts; decrements lock their rows in key order, then update (an upsert's insert row of
   * -1 would already fail the CHECK), never below zero.
   */
  private async addCounts(manager: EntityManager, table: string, keyColumns: readonly string[], rows: readonly { key: readonly string[]; delta: number }[]): Promise<void> {
    const keysOf = (list: readonly { key: readonly string[] }[]) => keyColumns.map((_, index) => list.map((row) => row.key[index]));
    const columns = keyColumns.join(', ');
    const unnest = keyColumns.map((_, index) => `$${index + 1}::uuid[]`).join(', ');
    const plus = rows.filter((row) => row.delta > 0);
    if (plus.length > 0) {
      await manager.query(
        `INSERT INTO ${table} (${columns}, baskets)
         SELECT ${columns}, delta FROM unnest(${unnest}, $${keyColumns.length + 1}::int[]) WITH ORDINALITY AS d(${columns}, delta, n) ORDER BY n
         ON CONFLICT (${columns}) DO UPDATE SET baskets = ${table}.baskets + EXCLUDED.baskets`,
        [...keysOf(plus), plus.map((row) => row.delta)],
      );
    }
    const minus = rows.filter((row) => row.delta < 0);
    if (minus.length > 0) {
      const match = keyColumns.map((column) => `t.${column} = d.${column}`).join(' AND ');
      const params = [...keysOf(minus), minus.map((row) => row.delta)];
      const source = `unnest(${unnest}, $${keyColumns.length + 1}::int[]) AS d(${columns}, delta)`;
      await manager.query(`SELECT 1 FROM ${table} t JOIN ${source} ON ${match} ORDER BY ${keyColumns.map((c) => `t.${c}`).join(', ')} FOR UPDATE OF t`, params);
      await manager.query(`UPDATE ${table} t SET baskets = GREATEST(0, t.baskets + d.delta) FROM ${source} WHERE ${match}`, params);
    }
  }

  /** Adds (or with negative units, removes) units sold at a store on the UTC day of `occurredAt`. */
  async addDailySales(ctx: RequestContext, storeId: string, occurredAt: Date, units: ReadonlyMap<string, number>): Promise<void> {
    const entries = [...units].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    if (entries.length === 0) {
      return;
    }
    await this.manager(ctx).query(
      `INSERT INTO recommendation_store_daily_sales (store_id, day, product_id, units)
       SELECT $1, ($2::timestamptz AT TIME ZONE 'UTC')::date, product_id, units
       FROM unnest($3::uuid[], $4::int[]) WITH ORDINALITY AS d(product_id, units, n) ORDER BY n
       ON CONFLICT (store_id, day, product_id) DO UPDATE SET units = recommendation_store_daily_sales.units + EXCLUDED.units`,
      [storeId, occurredAt, entries.map(([productId]) => productId), entries.map(([, n]) => n)],
    );
  }

  /**
   * Recomputes every table from the order and return history, set-based, in the caller's
   * transaction (which must be REPEATABLE READ: one snapshot for every statement). The EXCLUSIVE
   * lock on the marker table waits for appliers in flight and holds new ones until commit; they
   * then find their markers and skip, or apply what committed after the snapshot.
   */
  async rebuild(ctx: RequestContext, dailySalesSince: Date): Promise<{ baskets: number; pairs: number }> {
    const manager = this.manager(ctx);
    await manager.query('LOCK TABLE recommendation_applied IN EXCLUSIVE MODE');
    await manager.query('TRUNCATE recommendation_basket_item, recommendation_product_buyers, recommendation_co_purchase, recommendation_store_daily_sales, recommendation_applied');
    await manager.query(
      `INSERT INTO recommendation_basket_item (basket_id, product_id, units)
       SELECT basket_id, product_id, sum(units) FROM (
         SELECT COALESCE(o.customer_id, o.id) AS basket_id, v.product_id, l.quantity - l.refused_quantity AS units
         FROM "order" o JOIN order_line l ON l.order_id = o.id JOIN product_variant v ON v.id = l.variant_id
         WHERE o.state IN ${PURCHASED_STATES_SQL}
         UNION ALL
         SELECT COALESCE(o.customer_id, o.id), v.product_id, -rl.quantity
         FROM return_request r JOIN return_line rl ON rl.return_id = r.id JOIN "order" o ON o.id = r.order_id
         JOIN product_variant v ON v.id = rl.variant_id
         WHERE r.state IN ${RETURNED_STATES_SQL} AND o.state IN ${PURCHASED_STATES_SQL}
       ) u
       GROUP BY basket_id, product_id
       HAVING sum(units) > 0`,
    );
    await manager.query(
      `INSERT INTO recommendation_product_buyers (product_id, baskets)
       SELECT product_id, count(*) FROM recommendation_basket_item GROUP BY product_id`,
    );
    await manager.query(
      `INSERT INTO recommendation_co_purchase (product_id, other_product_id, baskets)
       SELECT a.product_id, b.product_id, count(*)
       FROM recommendation_basket_item a JOIN recommendation_basket_item b ON b.basket_id = a.basket_id AND b.product_id <> a.product_id
       GROUP BY a.product_id, b.product_id`,
    );
    await manager.query(
      `INSERT INTO recommendation_store_daily_sales (store_id, day, product_id, units)
       SELECT store_id, day, product_id, sum(units) FROM (
         SELECT o.store_id, (o.occurred_at AT TIME ZONE 'UTC')::date AS day, v.product_id, l.quantity - l.refused_quantity AS units
         FROM "order" o JOIN order_line l ON l.order_id = o.id JOIN product_variant v ON v.id = l.variant_id
         WHERE o.state IN ${PURCHASED_STATES_SQL} AND o.occurred_at >= $1
         UNION ALL
         SELECT o.store_id, (o.occurred_at AT TIME ZONE 'UTC')::date, v.product_id, -rl.quantity
         FROM return_request r JOIN return_line rl ON rl.return_id = r.id JOIN "order" o ON o.id = r.order_id
         JOIN product_variant v ON v.id = rl.variant_id
         WHERE r.state IN ${RETURNED_STATES_SQL} AND o.state IN ${PURCHASED_STATES_SQL} AND o.occurred_at >= $1
       ) u
       GROUP BY store_id, day, product_id`,
      [dailySalesSince],
    );
    await manager.query(
      `INSERT INTO recommendation_applied (source_type, source_id)
       SELECT 'ORDER', id FROM "order" WHERE state IN ${PURCHASED_STATES_SQL} OR state = 'VOIDED'
       UNION ALL SELECT 'VOID', id FROM "order" WHERE state = 'VOIDED'
       UNION ALL SELECT 'RETURN', r.id FROM return_request r WHERE r.state IN ${RETURNED_STATES_SQL}`,
    );
    const [counts] = await queryRows<{ baskets: string; pairs: string }>(
      manager,
      'SELECT (SELECT count(DISTINCT basket_id) FROM recommendation_basket_item) AS baskets, (SELECT count(*) FROM recommendation_co_purchase) AS pairs',
      [],
    );
    return { baskets: Number(counts.baskets), pairs: Number(counts.pairs) };
  }
}
