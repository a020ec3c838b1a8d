import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DomainEventType, entityManagerOf, queryRows, RequestContext } from '@omnitill/common';
import { ReportReader } from './report-reader';
import { SALE_STATES_SQL } from './report-sql';
import {
  DELETE_SALE_LINES_OF_ORDERS_SQL, DELETE_SALE_LINES_OF_PERIOD_SQL, INSERT_SALE_LINES_OF_ORDERS_SQL, INSERT_SALE_LINES_OF_PERIOD_SQL,
} from './sale-line-projection.sql';

/**
 * The committed events that change which lines count as sold, their figures, or their customer (a
 * merge moves the merged-away profile's orders to the survivor).
 */
export const PROJECTED_EVENT_TYPES: readonly DomainEventType[] = ['sale.completed', 'order.picked_up', 'order.shipped', 'sale.voided', 'return.received', 'customer.merged'];

/** An event to fold into report_sale_line: its id, and the order (a return for return.received, the survivor for customer.merged) it is about. */
export interface ProjectedEvent {
  readonly eventId: string;
  readonly type: string;
  readonly aggregateId: string;
  readonly occurredAt: Date;
}

const UUID_SQL = `'^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'`;

/** Every read and write of report_sale_line's upkeep (the reports read it in their own repositories). */
@Injectable()
export class SaleLineProjectionRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reader: ReportReader,
  ) {}

  private manager(ctx: RequestContext): EntityManager {
    if (!ctx.entityManager?.queryRunner?.isTransactionActive) {
      throw new Error('SaleLineProjectionRepository writes need an open transaction');
    }
    return ctx.entityManager;
  }

  /** The orders the events are about (a return's order; every sale of a merge's survivor), in a fixed order. */
  async ordersOf(ctx: RequestContext, events: readonly ProjectedEvent[]): Promise<string[]> {
    const about = (type: string) => events.filter((event) => event.type === type).map((event) => event.aggregateId);
    const returns = about('return.received');
    const survivors = about('customer.merged');
    const orders = events.filter((event) => event.type !== 'return.received' && event.type !== 'customer.merged').map((event) => event.aggregateId);
    const rows = await queryRows<{ id: string }>(
      this.manager(ctx),
      `SELECT id FROM unnest($1::uuid[]) AS id
        UNION
       SELECT order_id FROM return_request WHERE id = ANY($2::uuid[])
        UNION
       SELECT id FROM "order" WHERE customer_id = ANY($3::uuid[]) AND state IN ${SALE_STATES_SQL}
        ORDER BY 1`,
      [orders, returns, survivors],
    );
    return rows.map((row) => row.id);
  }

  /**
   * Serialises the upkeep of each order until the transaction ends: one of 1,024 advisory locks per
   * order (so a merge of a customer with thousands of sales cannot fill the lock table), taken in
   * a fixed order so two batches never deadlock. The statements after it see everything committed
   * before it was granted, so whichever replica replaces an order last writes its latest state.
   */
  async lockOrders(ctx: RequestContext, orderIds: readonly string[]): Promise<void> {
    await this.manager(ctx).query(
      `SELECT count(pg_advisory_xact_lock(hashtext('report_sale_line'), bucket))
         FROM (SELECT DISTINCT hashtext(id::text) & 1023 AS bucket FROM unnest($1::uuid[]) AS id ORDER BY 1) buckets`,
      [orderIds],
    );
  }

  /** Deletes the orders' rows and writes them anew from the order and return tables (none for an order that is not a sale). */
  async replaceOrders(ctx: RequestContext, orderIds: readonly string[]): Promise<number> {
    const manager = this.manager(ctx);
    await manager.query(DELETE_SALE_LINES_OF_ORDERS_SQL, [orderIds]);
    const inserted = await queryRows<{ lines: string }>(manager, `WITH inserted AS (${INSERT_SALE_LINES_OF_ORDERS_SQL} RETURNING 1) SELECT count(*) AS lines FROM inserted`, [orderIds]);
    return Number(inserted[0]?.lines ?? 0);
  }

  async markApplied(ctx: RequestContext, events: readonly ProjectedEvent[]): Promise<void> {
    await this.manager(ctx).query(
      `INSERT INTO report_applied_event (event_id, occurred_at)
       SELECT * FROM unnest($1::uuid[], $2::timestamptz[]) ON CONFLICT DO NOTHING`,
      [events.map((event) => event.eventId), events.map((event) => event.occurredAt)],
    );
  }

  /** Events of the projected types since `since` without a marker: what the live subscriber missed. */
  async unappliedEvents(ctx: RequestContext, since: Date, limit: number): Promise<ProjectedEvent[]> {
    const rows = await this.reader.rows<{ event_id: string; type: string; aggregate_id: string; occurred_at: Date }>(
      ctx,
      `SELECT e.event_id, e.type, e.aggregate_id, e.occurred_at
         FROM domain_event e
        WHERE e.type = ANY($1::text[]) AND e.occurred_at >= $2 AND e.aggregate_id ~ ${UUID_SQL}
          AND NOT EXISTS (SELECT 1 FROM report_applied_event a WHERE a.event_id = e.event_id)
        ORDER BY e.occurred_at, e.id
        LIMIT $3`,
      [PROJECTED_EVENT_TYPES, since, limit],
    );
    return rows.map((row) => ({ eventId: row.event_id, type: row.type, aggregateId: row.aggregate_id, occurredAt: row.occurred_at }));
  }

  /** Markers the catch-up will never look at again. */
  async pruneMarkers(ctx: RequestContext, before: Date): Promise<void> {
    await entityManagerOf(ctx, this.dataSource).query('DELETE FROM report_applied_event WHERE occurred_at < $1', [before]);
  }

  /** The span a rebuild covers: every sale, and every row already projected. Null when both are empty. */
  async rebuildSpan(ctx: RequestContext): Promise<{ from: Date; to: Date } | null> {
    const [row] = await queryRows<{ first: Date | null; last: Date | null }>(
      entityManagerOf(ctx, this.dataSource),
      `SELECT least((SELECT min(occurred_at) FROM "order"), (SELECT min(occurred_at) FROM report_sale_line)) AS first,
              greatest((SELECT max(occurred_at) FROM "order"), (SELECT max(occurred_at) FROM report_sale_line)) AS last`,
      [],
    );
    return row?.first && row.last ? { from: row.first, to: new Date(row.last.getTime() + 1) } : null;
  }

  /**
   * Frees the replaced rows' space (outside any transaction; readers and writers go on), so the
   * next month of a rebuild reuses it and the table does not end up twice its size.
   */
  async vacuum(analyze: boolean): Promise<void> {
    await this.dataSource.query(analyze ? 'VACUUM (ANALYZE) report_sale_line' : 'VACUUM report_sale_line');
  }

  /**
   * Rewrites the rows of the sales of [from, to). Live upkeep waits on the table lock (readers do
   * not), and what it then writes is newer than this statement's snapshot.
   */
  async rebuildPeriod(ctx: RequestContext, from: Date, to: Date): Promise<number> {
    const manager = this.manager(ctx);
    await manager.query('LOCK TABLE report_sale_line IN SHARE ROW EXCLUSIVE MODE');
    await manager.query(DELETE_SALE_LINES_OF_PERIOD_SQL, [from, to]);
    const inserted = await queryRows<{ lines: string }>(manager, `WITH inserted AS (${INSERT_SALE_LINES_OF_PERIOD_SQL} RETURNING 1) SELECT count(*) AS lines FROM inserted`, [from, to]);
    return Number(inserted[0]?.lines ?? 0);
  }
}
