import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { entityManagerOf, Page, PublishedEvent, queryPrepared, RequestContext } from '@omnitill/common';
import { bySequence, EventRow, publishedEventColumns, toPublishedEvent } from './event-row';

export interface ClaimedBatch {
  /** Ids (global positions) this relay may publish now, in order. */
  readonly publishable: string[];
  /** Rows claimed but held back: an earlier event of their aggregate is unpublished elsewhere. */
  readonly blocked: number;
  readonly claimed: number;
}

export interface EventLogQuery {
  readonly type?: string;
  readonly storeId?: string;
  readonly customerId?: string;
  readonly aggregateType?: string;
  readonly aggregateId?: string;
  readonly from?: Date;
  readonly to?: Date;
  readonly skip: number;
  readonly take: number;
}

/** Every query on domain_event except the INSERT, which EventOutbox (libs/common) owns. */
@Injectable()
export class OutboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Locks up to `limit` unpublished events, oldest first, skipping rows another relay holds. An
   * event is publishable only if no earlier unpublished event of its aggregate exists outside this
   * batch: such an event is held by another relay (or not yet visible), and publishing past it
   * would break the aggregate's order. Must run inside a transaction (the locks last until commit).
   */
  async claimBatch(ctx: RequestContext, limit: number): Promise<ClaimedBatch> {
    const rows = await queryPrepared<{ id: string; blocked: boolean }>(
      entityManagerOf(ctx, this.dataSource),
      `WITH batch AS (
         SELECT id, aggregate_type, aggregate_id FROM domain_event
         WHERE published_at IS NULL
         ORDER BY id
         LIMIT $1
         FOR UPDATE SKIP LOCKED
       )
       SELECT b.id::text AS id, EXISTS (
         SELECT 1 FROM domain_event earlier
         WHERE earlier.aggregate_type = b.aggregate_type AND earlier.aggregate_id = b.aggregate_id
           AND earlier.id < b.id AND earlier.published_at IS NULL
           AND earlier.id NOT IN (SELECT id FROM batch)
       ) AS blocked
       FROM batch b
       ORDER BY b.id`,
      [limit],
    );
    const publishable = rows.filter((row) => !row.blocked).map((row) => row.id);
    return { publishable, blocked: rows.length - publishable.length, claimed: rows.length };
  }

  async markPublished(ctx: RequestContext, ids: readonly string[], at: Date): Promise<PublishedEvent[]> {
    const rows = await queryPrepared<EventRow>(
      entityManagerOf(ctx, this.dataSource),
      // Wrapped in a CTE so the driver returns rows (TypeORM reshapes a top-level UPDATE's result).
      `WITH published AS (
         UPDATE domain_event SET published_at = $2 WHERE id = ANY($1::bigint[]) AND published_at IS NULL RETURNING *
       )
       SELECT ${publishedEventColumns()} FROM published`,
      [ids, at],
    );
    return rows.map(toPublishedEvent).sort(bySequence);
  }

  async findByIds(ctx: RequestContext, ids: readonly string[]): Promise<PublishedEvent[]> {
    if (ids.length === 0) {
      return [];
    }
    const rows = await queryPrepared<EventRow>(
      entityManagerOf(ctx, this.dataSource),
      `SELECT ${publishedEventColumns()} FROM domain_event WHERE id = ANY($1::bigint[]) ORDER BY id`,
      [ids],
    );
    return rows.map(toPublishedEvent);
  }

  async findByEventId(ctx: RequestContext, eventId: string): Promise<PublishedEvent | null> {
    const rows: EventRow[] = await entityManagerOf(ctx, this.dataSource).query(
      `SELECT ${publishedEventColumns()} FROM domain_event WHERE event_id = $1`,
      [eventId],
    );
    return rows.length > 0 ? toPublishedEvent(rows[0]) : null;
  }

  /** Signals every replica (their LISTEN connections) once this transaction commits. */
  async notify(ctx: RequestContext, channel: string, payload: string): Promise<void> {
    await entityManagerOf(ctx, this.dataSource).query('SELECT pg_notify($1, $2)', [channel, payload]);
  }

  /** The event log, newest first. Every filter is backed by an index on (filter, occurred_at). */
  async list(ctx: RequestContext, query: EventLogQuery): Promise<Page<PublishedEvent>> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      conditions.push(sql.replace('?', `$${params.length}`));
    };
    if (query.type !== undefined) {
      add('type = ?', query.type);
    }
    if (query.storeId !== undefined) {
      add('store_id = ?', query.storeId);
    }
    if (query.customerId !== undefined) {
      add('customer_id = ?', query.customerId);
    }
    if (query.aggregateType !== undefined) {
      add('aggregate_type = ?', query.aggregateType);
    }
    if (query.aggregateId !== undefined) {
      add('aggregate_id = ?', query.aggregateId);
    }
    if (query.from !== undefined) {
      add('occurred_at >= ?', query.from);
    }
    if (query.to !== undefined) {
      add('occurred_at < ?', query.to);
    }
    const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
    const manager = entityManagerOf(ctx, this.dataSource);
    const [rows, counts] = await Promise.all([
      manager.query(
        `SELECT ${publishedEventColumns()} FROM domain_event ${where} ORDER BY occurred_at DESC, id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, query.take, query.skip],
      ) as Promise<EventRow[]>,
      manager.query(`SELECT count(*)::int AS count FROM domain_event ${where}`, params) as Promise<{ count: number }[]>,
    ]);
    return { items: rows.map(toPublishedEvent), totalCount: counts[0].count, skip: query.skip, take: query.take };
  }
}
