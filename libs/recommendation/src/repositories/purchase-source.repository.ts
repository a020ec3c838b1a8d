import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { entityManagerOf, queryPrepared, queryRows, RequestContext } from '@omnitill/common';
import { PURCHASED_STATES_SQL, RETURNED_STATES_SQL } from './sql-rows';

export interface PurchaseSource {
  readonly orderId: string;
  readonly number: string;
  readonly state: string;
  readonly channel: 'ONLINE' | 'POS';
  readonly storeId: string;
  readonly customerId: string | null;
  readonly occurredAt: Date;
  /** The customer, or the order itself for a sale without one. */
  readonly basketId: string;
}

export interface ReturnSource {
  readonly returnId: string;
  readonly orderId: string;
  readonly state: string;
}

/**
 * Reads the orders and returns whose units the co-purchase counts follow (tables of libs/order and
 * libs/returns). The per-change reads run as prepared statements (every sale runs them).
 */
@Injectable()
export class PurchaseSourceRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The orders among `orderIds` (unknown ids are skipped), in no particular order. */
  async orders(ctx: RequestContext, orderIds: readonly string[]): Promise<PurchaseSource[]> {
    const rows = await queryPrepared<{ id: string; number: string; state: string; channel: 'ONLINE' | 'POS'; store_id: string; customer_id: string | null; occurred_at: Date }>(
      entityManagerOf(ctx, this.dataSource),
      'SELECT id, number, state::text AS state, channel::text AS channel, store_id, customer_id, occurred_at FROM "order" WHERE id = ANY($1::uuid[])',
      [orderIds],
    );
    return rows.map((row) => ({
      orderId: row.id, number: row.number, state: row.state, channel: row.channel, storeId: row.store_id,
      customerId: row.customer_id, occurredAt: row.occurred_at, basketId: row.customer_id ?? row.id,
    }));
  }

  /**
   * Units kept per order and product: sold minus refused at the counter (returns are applied on
   * their own). An order that kept nothing is absent.
   */
  async unitsOfOrders(ctx: RequestContext, orderIds: readonly string[]): Promise<Map<string, Map<string, number>>> {
    const rows = await queryPrepared<{ order_id: string; product_id: string; units: string }>(
      entityManagerOf(ctx, this.dataSource),
      `SELECT l.order_id, v.product_id, sum(l.quantity - l.refused_quantity) AS units
       FROM order_line l JOIN product_variant v ON v.id = l.variant_id
       WHERE l.order_id = ANY($1::uuid[]) GROUP BY l.order_id, v.product_id HAVING sum(l.quantity - l.refused_quantity) > 0`,
      [orderIds],
    );
    const units = new Map<string, Map<string, number>>();
    for (const row of rows) {
      const order = units.get(row.order_id) ?? new Map<string, number>();
      order.set(row.product_id, Number(row.units));
      units.set(row.order_id, order);
    }
    return units;
  }

  async returnRequest(ctx: RequestContext, returnId: string): Promise<ReturnSource | null> {
    const [row] = await queryPrepared<{ id: string; order_id: string; state: string }>(
      entityManagerOf(ctx, this.dataSource),
      'SELECT id, order_id, state::text AS state FROM return_request WHERE id = $1',
      [returnId],
    );
    return row ? { returnId: row.id, orderId: row.order_id, state: row.state } : null;
  }

  async returnUnits(ctx: RequestContext, returnId: string): Promise<Map<string, number>> {
    const rows = await queryPrepared<{ product_id: string; units: string }>(
      entityManagerOf(ctx, this.dataSource),
      `SELECT v.product_id, sum(rl.quantity) AS units
       FROM return_line rl JOIN product_variant v ON v.id = rl.variant_id
       WHERE rl.return_id = $1 GROUP BY v.product_id`,
      [returnId],
    );
    return new Map(rows.map((row) => [row.product_id, Number(row.units)]));
  }

  /** Whether the state means the order's units count / the return's goods are back. */
  static isPurchased(state: string): boolean {
    return PURCHASED_STATES_SQL.includes(`'${state}'`);
  }

  static isReturned(state: string): boolean {
    return RETURNED_STATES_SQL.includes(`'${state}'`);
  }

  /**
   * Completed orders and received returns of the last `since` that have no marker yet: what the
   * event handlers may have missed. Index-backed: events by type and time, ship orders per store.
   */
  async unapplied(ctx: RequestContext, since: Date, shipPlacedSince: Date, limit: number): Promise<{ kind: 'ORDER' | 'VOID' | 'RETURN'; id: string }[]> {
    return queryRows<{ kind: 'ORDER' | 'VOID' | 'RETURN'; id: string }>(
      entityManagerOf(ctx, this.dataSource),
      `SELECT kind, id FROM (
         SELECT CASE e.type WHEN 'sale.voided' THEN 'VOID' WHEN 'return.received' THEN 'RETURN' ELSE 'ORDER' END AS kind,
                e.aggregate_id::uuid AS id, e.occurred_at AS at
         FROM domain_event e
         WHERE e.type IN ('sale.completed', 'order.picked_up', 'order.shipped', 'sale.voided', 'return.received') AND e.occurred_at >= $1
         UNION ALL
         SELECT 'ORDER', o.id, o.placed_at
         FROM store s JOIN "order" o ON o.store_id = s.id AND o.state = 'SHIPPED' AND o.placed_at >= $3
       ) c
       WHERE NOT EXISTS (SELECT 1 FROM recommendation_applied a WHERE a.source_type = c.kind AND a.source_id = c.id)
       ORDER BY at
       LIMIT $2`,
      [since, limit, shipPlacedSince],
    );
  }
}
