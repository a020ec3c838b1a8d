import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { queryPrepared, queryRows, RequestContext } from '@omnitill/common';
import { AppliedSourceType } from '../entities/recommendation.entities';
import { CountsChange } from '../rules/counts-change';
import { PURCHASED_STATES_SQL, RETURNED_STATES_SQL } from './sql-rows';

/** cosine(co, n(X), n(Y)) in SQL, 0 when any count is 0 (or unknown): the same as `cosineSimilarity`. */
const COSINE_SQL = (co: string, buyersOfX: string, buyersOfY: string) =>
  `CASE WHEN ${co} > 0 AND ${buyersOfX} > 0 AND ${buyersOfY} > 0 THEN LEAST(1, ${co} / sqrt(${buyersOfX}::float8 * ${buyersOfY})) ELSE 0 END`;

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

  /**
   * Serialises every change of a basket (a customer or a guest order) across replicas: one
   * transaction-scoped advisory lock per basket, taken in key order so two appliers of overlapping
   * batches cannot deadlock.
   */
  async lockBaskets(ctx: RequestContext, basketIds: readonly string[]): Promise<void> {
    await queryPrepared(
      this.manager(ctx),
      `SELECT pg_advisory_xact_lock(k) FROM (
         SELECT DISTINCT hashtextextended('recommendation:' || b, 0) AS k FROM unnest($1::text[]) AS b ORDER BY k
       ) keys`,
      [basketIds],
    );
  }

  /** Claims changes for this transaction; returns the ids claimed (the others were applied already). */
  async claim(ctx: RequestContext, sourceType: AppliedSourceType, sourceIds: readonly string[]): Promise<Set<string>> {
    if (sourceIds.length === 0) {
      return new Set();
    }
    const rows = await queryPrepared<{ source_id: string }>(
      this.manager(ctx),
      `INSERT INTO recommendation_applied (source_type, source_id)
       SELECT $1, id FROM unnest($2::uuid[]) WITH ORDINALITY AS c(id, n) ORDER BY n
       ON CONFLICT DO NOTHING RETURNING source_id`,
      [sourceType, sourceIds],
    );
    return new Set(rows.map((row) => row.source_id));
  }

  /** What each basket holds now: product → units (a basket with nothing is absent). */
  async holdings(ctx: RequestContext, basketIds: readonly string[]): Promise<Map<string, Map<string, number>>> {
    const rows = await queryPrepared<{ basket_id: string; product_id: string; units: number }>(
      this.manager(ctx),
      'SELECT basket_id, product_id, units FROM recommendation_basket_item WHERE basket_id = ANY($1::uuid[])',
      [basketIds],
    );
    const holdings = new Map<string, Map<string, number>>();
    for (const row of rows) {
      const basket = holdings.get(row.basket_id) ?? new Map<string, number>();
      basket.set(row.product_id, row.units);
      holdings.set(row.basket_id, basket);
    }
    return holdings;
  }

  /**
   * Writes a folded change (foldUnitsChanges): basket items, then buyers, then pairs (each pair's
   * score is computed with the new n of both products), then the stores' daily sales. One
   * statement per table and direction, whatever the number of changes folded.
   */
  async write(ctx: RequestContext, change: CountsChange): Promise<void> {
    const manager = this.manager(ctx);
    if (change.basketItemsGone.length > 0) {
      await queryPrepared(
        manager,
        `DELETE FROM recommendation_basket_item t USING unnest($1::uuid[], $2::uuid[]) AS g(basket_id, product_id)
         WHERE t.basket_id = g.basket_id AND t.product_id = g.product_id`,
        columns(change.basketItemsGone, 2),
      );
    }
    if (change.basketItemsSet.length > 0) {
      await queryPrepared(
        manager,
        `INSERT INTO recommendation_basket_item (basket_id, product_id, units)
         SELECT basket_id, product_id, units FROM unnest($1::uuid[], $2::uuid[], $3::int[]) WITH ORDINALITY AS k(basket_id, product_id, units, n) ORDER BY n
         ON CONFLICT (basket_id, product_id) DO UPDATE SET units = EXCLUDED.units`,
        columns(change.basketItemsSet, 3),
      );
    }
    await this.addBuyerCounts(manager, change.buyerDeltas);
    await this.addPairCounts(manager, change.pairDeltas);
    if (change.dailySales.length > 0) {
      await queryPrepared(
        manager,
        `INSERT INTO recommendation_store_daily_sales (store_id, day, product_id, units)
         SELECT store_id, day, product_id, units
         FROM unnest($1::uuid[], $2::date[], $3::uuid[], $4::int[]) WITH ORDINALITY AS d(store_id, day, product_id, units, n) ORDER BY n
         ON CONFLICT (store_id, day, product_id) DO UPDATE SET units = recommendation_store_daily_sales.units + EXCLUDED.units`,
        columns(change.dailySales, 4),
      );
    }
  }

  /**
   * n(X) changes, rows in the given (sorted) order. Increments are upserts; decrements lock their
   * rows in key order, then update (an upsert's insert row of -1 would already fail the CHECK),
   * never below zero.
   */
  private async addBuyerCounts(manager: EntityManager, deltas: readonly (readonly [string, number])[]): Promise<void> {
    const plus = deltas.filter(([, delta]) => delta > 0);
    if (plus.length > 0) {
      await queryPrepared(
        manager,
        `INSERT INTO recommendation_product_buyers (product_id, baskets)
         SELECT product_id, delta FROM unnest($1::uuid[], $2::int[]) WITH ORDINALITY AS d(product_id, delta, n) ORDER BY n
         ON CONFLICT (product_id) DO UPDATE SET baskets = recommendation_product_buyers.baskets + EXCLUDED.baskets`,
        columns(plus, 2),
      );
    }
    const minus = deltas.filter(([, delta]) => delta < 0);
    if (minus.length > 0) {
      const params = columns(minus, 2);
      const source = 'unnest($1::uuid[], $2::int[]) AS d(product_id, delta)';
      await queryPrepared(manager, `SELECT 1 FROM recommendation_product_buyers t JOIN ${source} ON t.product_id = d.product_id ORDER BY t.product_id FOR UPDATE OF t`, params);
      await queryPrepared(manager, `UPDATE recommendation_product_buyers t SET baskets = GREATEST(0, t.baskets + d.delta) FROM ${source} WHERE t.product_id = d.product_id`, params);
    }
  }

  /**
   * co(X, Y) changes (sorted pairs), each row's score rewritten from the new co and the current
   * n(X), n(Y): the pair's own write keeps its score current; what only n changed is left to
   * `rescore`. Same lock discipline as the buyers.
   */
  private async addPairCounts(manager: EntityManager, deltas: readonly (readonly [string, string, number])[]): Promise<void> {
    const plus = deltas.filter(([, , delta]) => delta > 0);
    if (plus.length > 0) {
      // The row proposed for insertion carries delta / sqrt(n(X)·n(Y)), its score as a new pair; on
      // conflict, EXCLUDED.score / EXCLUDED.baskets is 1 / sqrt(n(X)·n(Y)) (EXCLUDED.baskets = delta > 0).
      await queryPrepared(
        manager,
        `INSERT INTO recommendation_co_purchase AS t (product_id, other_product_id, baskets, score)
         SELECT d.product_id, d.other_product_id, d.delta,
                d.delta * CASE WHEN na.baskets > 0 AND nb.baskets > 0 THEN 1 / sqrt(na.baskets::float8 * nb.baskets) ELSE 0 END
         FROM unnest($1::uuid[], $2::uuid[], $3::int[]) WITH ORDINALITY AS d(product_id, other_product_id, delta, n)
         LEFT JOIN recommendation_product_buyers na ON na.product_id = d.product_id
         LEFT JOIN recommendation_product_buyers nb ON nb.product_id = d.other_product_id
         ORDER BY d.n
         ON CONFLICT (product_id, other_product_id) DO UPDATE
         SET baskets = t.baskets + EXCLUDED.baskets, score = LEAST(1, (t.baskets + EXCLUDED.baskets) * (EXCLUDED.score / EXCLUDED.baskets))`,
        columns(plus, 3),
      );
    }
    const minus = deltas.filter(([, , delta]) => delta < 0);
    if (minus.length > 0) {
      const params = columns(minus, 3);
      const source = 'unnest($1::uuid[], $2::uuid[], $3::int[]) AS d(product_id, other_product_id, delta)';
      await queryPrepared(
        manager,
        `SELECT 1 FROM recommendation_co_purchase t JOIN ${source} ON t.product_id = d.product_id AND t.other_product_id = d.other_product_id
         ORDER BY t.product_id, t.other_product_id FOR UPDATE OF t`,
        params,
      );
      await queryPrepared(
        manager,
        `UPDATE recommendation_co_purchase t
         SET baskets = GREATEST(0, t.baskets + d.delta), score = ${COSINE_SQL('GREATEST(0, t.baskets + d.delta)', 'na.baskets', 'nb.baskets')}
         FROM ${source}
         LEFT JOIN recommendation_product_buyers na ON na.product_id = d.product_id
         LEFT JOIN recommendation_product_buyers nb ON nb.product_id = d.other_product_id
         WHERE t.product_id = d.product_id AND t.other_product_id = d.other_product_id`,
        params,
      );
    }
  }

  /**
   * Products whose n has drifted from the n their pair scores were last recomputed with by more
   * than `drift` (a fraction), most drifted first.
   */
  async driftedProducts(ctx: RequestContext, drift: number, limit: number): Promise<string[]> {
    const rows = await queryPrepared<{ product_id: string }>(
      this.manager(ctx),
      `SELECT product_id FROM recommendation_product_buyers
       WHERE abs(baskets - scored_baskets) > $1::float8 * scored_baskets
       ORDER BY abs(baskets - scored_baskets)::float8 / GREATEST(scored_baskets, 1) DESC, product_id
       LIMIT $2`,
      [drift, limit],
    );
    return rows.map((row) => row.product_id);
  }

  /**
   * Recomputes every pair score of a product, both directions, from the current counts. Skips
   * (false) when an applier holds the product's buyer row: it is rescored on a later run. Locks
   * the buyer row, then the pair rows in key order, like the appliers.
   */
  async rescore(ctx: RequestContext, productId: string): Promise<boolean> {
    const manager = this.manager(ctx);
    const [buyer] = await queryPrepared<{ baskets: number }>(
      manager,
      'SELECT baskets FROM recommendation_product_buyers WHERE product_id = $1 FOR UPDATE SKIP LOCKED',
      [productId],
    );
    if (!buyer) {
      return false;
    }
    // Pairs are stored in both directions: Y's row towards X exists for every X's row towards Y.
    const pairs = `(SELECT product_id, other_product_id FROM recommendation_co_purchase WHERE product_id = $1
                    UNION ALL SELECT other_product_id, product_id FROM recommendation_co_purchase WHERE product_id = $1) p`;
    await queryPrepared(
      manager,
      `SELECT 1 FROM recommendation_co_purchase t JOIN ${pairs} ON t.product_id = p.product_id AND t.other_product_id = p.other_product_id
       ORDER BY t.product_id, t.other_product_id FOR UPDATE OF t`,
      [productId],
    );
    await queryPrepared(
      manager,
      `UPDATE recommendation_co_purchase t SET score = ${COSINE_SQL('t.baskets', 'na.baskets', 'nb.baskets')}
       FROM ${pairs}
       LEFT JOIN recommendation_product_buyers na ON na.product_id = p.product_id
       LEFT JOIN recommendation_product_buyers nb ON nb.product_id = p.other_product_id
       WHERE t.product_id = p.product_id AND t.other_product_id = p.other_product_id`,
      [productId],
    );
    await queryPrepared(manager, 'UPDATE recommendation_product_buyers SET scored_baskets = baskets WHERE product_id = $1', [productId]);
    return true;
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
      `INSERT INTO recommendation_product_buyers (product_id, baskets, scored_baskets)
       SELECT product_id, count(*), count(*) FROM recommendation_basket_item GROUP BY product_id`,
    );
    await manager.query(
      `INSERT INTO recommendation_co_purchase (product_id, other_product_id, baskets, score)
       SELECT c.product_id, c.other_product_id, c.baskets, ${COSINE_SQL('c.baskets', 'na.baskets', 'nb.baskets')} AS score
       FROM (
         SELECT a.product_id, b.product_id AS other_product_id, count(*) AS baskets
         FROM recommendation_basket_item a JOIN recommendation_basket_item b ON b.basket_id = a.basket_id AND b.product_id <> a.product_id
         GROUP BY a.product_id, b.product_id
       ) c
       JOIN recommendation_product_buyers na ON na.product_id = c.product_id
       JOIN recommendation_product_buyers nb ON nb.product_id = c.other_product_id
       -- Each product's partners, best first, on neighbouring pages: the read path scans them so.
       ORDER BY c.product_id, score DESC`,
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

/** Rows of tuples as one array per column: the parameters of an unnest(...) source. */
function columns(rows: readonly (readonly (string | number)[])[], width: number): (string | number)[][] {
  return Array.from({ length: width }, (_, i) => rows.map((row) => row[i]));
}
