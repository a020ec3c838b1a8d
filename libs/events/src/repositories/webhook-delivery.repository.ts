import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { entityManagerOf, Page, RequestContext } from '@omnitill/common';
import { WebhookDeliveryAttemptEntity } from '../entities/webhook-delivery-attempt.entity';
import { WebhookDeliveryState } from '../entities/webhook-delivery.entity';

export interface DeliveryView {
  readonly id: string;
  readonly endpointId: string;
  readonly eventId: string;
  readonly eventType: string;
  readonly aggregateType: string;
  readonly aggregateId: string;
  readonly state: WebhookDeliveryState;
  readonly attempts: number;
  readonly nextAttemptAt: Date | null;
  readonly lastStatus: number | null;
  readonly lastError: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

const OPEN = `('PENDING', 'FAILED')`;

const DELIVERY_VIEW_COLUMNS = `
  d.id::text AS "id", d.endpoint_id::text AS "endpointId", e.event_id::text AS "eventId", e.type AS "eventType",
  d.aggregate_type AS "aggregateType", d.aggregate_id AS "aggregateId", d.state, d.attempts,
  d.next_attempt_at AS "nextAttemptAt", d.last_status AS "lastStatus", d.last_error AS "lastError",
  d.created_at AS "createdAt", d.updated_at AS "updatedAt"`;

@Injectable()
export class WebhookDeliveryRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findView(ctx: RequestContext, id: string): Promise<DeliveryView | null> {
    const rows: DeliveryView[] = await entityManagerOf(ctx, this.dataSource).query(
      `SELECT ${DELIVERY_VIEW_COLUMNS} FROM webhook_delivery d JOIN domain_event e ON e.id = d.event_id WHERE d.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async list(ctx: RequestContext, endpointId: string, state: WebhookDeliveryState | undefined, skip: number, take: number): Promise<Page<DeliveryView>> {
    const manager = entityManagerOf(ctx, this.dataSource);
    const filter = state === undefined ? '' : 'AND d.state = $2';
    const params: unknown[] = state === undefined ? [endpointId] : [endpointId, state];
    const [items, counts] = await Promise.all([
      manager.query(
        `SELECT ${DELIVERY_VIEW_COLUMNS} FROM webhook_delivery d JOIN domain_event e ON e.id = d.event_id
         WHERE d.endpoint_id = $1 ${filter} ORDER BY d.id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, take, skip],
      ) as Promise<DeliveryView[]>,
      manager.query(`SELECT count(*)::int AS count FROM webhook_delivery d WHERE d.endpoint_id = $1 ${filter}`, params) as Promise<{ count: number }[]>,
    ]);
    return { items, totalCount: counts[0].count, skip, take };
  }

  attemptsFor(ctx: RequestContext, deliveryIds: readonly string[]): Promise<WebhookDeliveryAttemptEntity[]> {
    if (deliveryIds.length === 0) {
      return Promise.resolve([]);
    }
    return entityManagerOf(ctx, this.dataSource)
      .createQueryBuilder(WebhookDeliveryAttemptEntity, 'a')
      .where('a.deliveryId IN (:...ids)', { ids: [...deliveryIds] })
      .orderBy('a.deliveryId', 'ASC')
      .addOrderBy('a.attemptNo', 'ASC')
      .getMany();
  }

  /**
   * Starts a new round for a finished delivery (SUCCEEDED or DEAD), or makes a retrying one due
   * now. It keeps its place in its aggregate's queue: due now when nothing else of that aggregate
   * is open for the endpoint, else it waits its turn. One being sent is left alone. Must run in a
   * transaction. Returns whether it changed.
   */
  async replay(ctx: RequestContext, id: string, now: Date): Promise<boolean> {
    const manager = entityManagerOf(ctx, this.dataSource);
    // Same lock as WebhookQueueRepository.enqueue: a finishing head waits for us, or we see it finished.
    await manager.query(
      `SELECT o.id FROM webhook_delivery o JOIN webhook_delivery d ON d.id = $1
       WHERE o.endpoint_id = d.endpoint_id AND o.aggregate_type = d.aggregate_type AND o.aggregate_id = d.aggregate_id
         AND o.id <> d.id AND o.state IN ${OPEN} AND o.next_attempt_at IS NOT NULL
       FOR SHARE OF o`,
      [id],
    );
    const rows: unknown[] = await manager.query(
      `WITH replayed AS (
         UPDATE webhook_delivery d
         SET state = 'PENDING', attempts = 0, lease_until = NULL, updated_at = $2,
             next_attempt_at = CASE WHEN d.state = 'FAILED' OR NOT EXISTS (
               SELECT 1 FROM webhook_delivery o
               WHERE o.endpoint_id = d.endpoint_id AND o.aggregate_type = d.aggregate_type AND o.aggregate_id = d.aggregate_id
                 AND o.id <> d.id AND o.state IN ${OPEN}
             ) THEN $2::timestamptz END
         WHERE d.id = $1 AND (d.state IN ('SUCCEEDED', 'DEAD') OR (d.state = 'FAILED' AND (d.lease_until IS NULL OR d.lease_until <= $2)))
         RETURNING d.id
       )
       SELECT id FROM replayed`,
      [id, now],
    );
    return rows.length > 0;
  }

  /** Published events an endpoint subscribes to, oldest first, from `fromSequence` on. */
  async findReplayable(
    ctx: RequestContext,
    endpointId: string,
    fromSequence: string | null,
    types: readonly string[] | null,
    limit: number,
  ): Promise<{ sequence: string; eventId: string }[]> {
    return entityManagerOf(ctx, this.dataSource).query(
      `SELECT e.id::text AS sequence, e.event_id::text AS "eventId" FROM domain_event e
       JOIN webhook_endpoint w ON w.id = $1 AND (e.type = ANY(w.event_types) OR '*' = ANY(w.event_types))
       WHERE e.published_at IS NOT NULL AND ($2::bigint IS NULL OR e.id >= $2::bigint) AND ($3::text[] IS NULL OR e.type = ANY($3::text[]))
       ORDER BY e.id LIMIT $4`,
      [endpointId, fromSequence, types, limit],
    );
  }
}
