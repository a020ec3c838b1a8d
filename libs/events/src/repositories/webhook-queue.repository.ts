import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { entityManagerOf, PublishedEvent, queryPrepared, RequestContext } from '@omnitill/common';
import { WebhookDeliveryState } from '../entities/webhook-delivery.entity';
import { EventRow, publishedEventColumns, toPublishedEvent } from './event-row';

/** A delivery claimed for sending, with what is needed to send it. */
export interface ClaimedDelivery {
  readonly deliveryId: string;
  /** Attempts in this round, this one included. */
  readonly attempts: number;
  readonly leaseUntil: Date;
  readonly url: string;
  readonly secret: string;
  readonly event: PublishedEvent;
}

export interface AttemptResult {
  readonly deliveryId: string;
  readonly leaseUntil: Date;
  readonly state: WebhookDeliveryState;
  readonly nextAttemptAt: Date | null;
  readonly statusCode: number | null;
  readonly error: string | null;
  readonly durationMs: number;
  readonly attemptedAt: Date;
}

/** The (endpoint, aggregate) queue a delivery belongs to. */
export interface DeliveryQueueKey {
  readonly endpointId: string;
  readonly aggregateType: string;
  readonly aggregateId: string;
}

const OPEN = `('PENDING', 'FAILED')`;
const SUBSCRIBED = `(e.type = ANY(w.event_types) OR '*' = ANY(w.event_types))`;

/**
 * The webhook queue. Deliveries of one endpoint and aggregate form a queue in event order: only
 * its head is "active" (next_attempt_at set: due, leased or waiting for a retry); the others wait
 * with next_attempt_at NULL and are promoted one by one as the head finishes. So the dispatcher's
 * claim reads only active rows (no per-row order check, whatever the backlog), per-aggregate
 * order holds across dispatchers, and at most one delivery per aggregate and endpoint is in flight.
 */
@Injectable()
export class WebhookQueueRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Queues events for every active endpoint subscribed to their type (or for `endpointId` only).
   * Existing (endpoint, event) pairs are left alone, or, with `reopenFinished`, SUCCEEDED and DEAD
   * ones start a new round. Must run in a transaction.
   */
  async enqueue(
    ctx: RequestContext,
    eventIds: readonly string[],
    now: Date,
    options: { endpointId?: string; reopenFinished?: boolean } = {},
  ): Promise<number> {
    const manager = entityManagerOf(ctx, this.dataSource);
    const forEndpoint = (index: number) => (options.endpointId === undefined ? '' : `AND w.id = $${index}`);
    const withEndpoint = (params: unknown[]) => (options.endpointId === undefined ? params : [...params, options.endpointId]);
    // Lock the active heads of the queues we append to: a dispatcher finishing one of them waits
    // for our commit and then sees (and promotes) what we add; if it finished first, we see that.
    await queryPrepared(
      manager,
      `SELECT d.id FROM webhook_delivery d
       WHERE d.state IN ${OPEN} AND d.next_attempt_at IS NOT NULL
         AND (d.endpoint_id, d.aggregate_type, d.aggregate_id) IN (
           SELECT w.id, e.aggregate_type, e.aggregate_id FROM domain_event e
           JOIN webhook_endpoint w ON w.active AND ${SUBSCRIBED} ${forEndpoint(2)}
           WHERE e.id = ANY($1::bigint[]))
       FOR SHARE OF d`,
      withEndpoint([eventIds]),
    );
    const onConflict = options.reopenFinished
      ? `DO UPDATE SET state = 'PENDING', attempts = 0, next_attempt_at = EXCLUDED.next_attempt_at, lease_until = NULL, updated_at = EXCLUDED.updated_at
         WHERE webhook_delivery.state IN ('SUCCEEDED', 'DEAD')`
      : 'DO NOTHING';
    const rows = await queryPrepared(
      manager,
      `WITH candidates AS (
         SELECT w.id AS endpoint_id, e.id AS event_id, e.aggregate_type, e.aggregate_id,
                row_number() OVER (PARTITION BY w.id, e.aggregate_type, e.aggregate_id ORDER BY e.id) AS position
         FROM domain_event e
         JOIN webhook_endpoint w ON w.active AND ${SUBSCRIBED} ${forEndpoint(3)}
         WHERE e.id = ANY($1::bigint[])
       ), inserted AS (
         INSERT INTO webhook_delivery (endpoint_id, event_id, aggregate_type, aggregate_id, state, next_attempt_at, created_at, updated_at)
         SELECT c.endpoint_id, c.event_id, c.aggregate_type, c.aggregate_id, 'PENDING',
                CASE WHEN c.position = 1 AND NOT EXISTS (
                  SELECT 1 FROM webhook_delivery o
                  WHERE o.endpoint_id = c.endpoint_id AND o.aggregate_type = c.aggregate_type AND o.aggregate_id = c.aggregate_id
                    AND o.state IN ${OPEN}
                ) THEN $2::timestamptz END,
                $2::timestamptz, $2::timestamptz
         FROM candidates c
         ORDER BY c.event_id
         ON CONFLICT ON CONSTRAINT uq_webhook_delivery_endpoint_event ${onConflict}
         RETURNING id
       )
       SELECT id FROM inserted`,
      withEndpoint([eventIds, now]),
    );
    return rows.length;
  }

  /**
   * Claims up to `limit` due deliveries by leasing them until `leaseUntil`: one statement, no lock
   * held while sending; SKIP LOCKED keeps dispatchers on different rows.
   */
  async claimDue(ctx: RequestContext, now: Date, limit: number, leaseUntil: Date): Promise<ClaimedDelivery[]> {
    const rows = await queryPrepared<EventRow & { deliveryId: string; attempts: number; url: string; secret: string }>(
      entityManagerOf(ctx, this.dataSource),
      `WITH due AS (
         SELECT d.id FROM webhook_delivery d
         JOIN webhook_endpoint w ON w.id = d.endpoint_id AND w.active
         WHERE d.state IN ${OPEN} AND d.next_attempt_at <= $1 AND (d.lease_until IS NULL OR d.lease_until <= $1)
         ORDER BY d.next_attempt_at, d.id
         LIMIT $2
         FOR UPDATE OF d SKIP LOCKED
       ), claimed AS (
         UPDATE webhook_delivery d SET attempts = d.attempts + 1, lease_until = $3, updated_at = $1
         FROM due WHERE d.id = due.id
         RETURNING d.id, d.attempts, d.endpoint_id, d.event_id
       )
       SELECT c.id::text AS "deliveryId", c.attempts, w.url, w.secret, ${publishedEventColumns('e')}
       FROM claimed c
       JOIN webhook_endpoint w ON w.id = c.endpoint_id
       JOIN domain_event e ON e.id = c.event_id
       ORDER BY c.id`,
      [now, limit, leaseUntil],
    );
    return rows.map(({ deliveryId, attempts, url, secret, ...event }) => ({ deliveryId, attempts, leaseUntil, url, secret, event: toPublishedEvent(event) }));
  }

  /**
   * Logs the attempt and moves the delivery on. The state changes only if this dispatcher still
   * holds the lease (a stalled sender whose lease ran out must not overwrite). Returns the queue
   * when the delivery finished (SUCCEEDED or DEAD), so its successor can be promoted.
   */
  async recordAttempt(ctx: RequestContext, result: AttemptResult): Promise<DeliveryQueueKey | null> {
    const rows = await queryPrepared<DeliveryQueueKey & { state: WebhookDeliveryState }>(
      entityManagerOf(ctx, this.dataSource),
      `WITH attempt AS (
         INSERT INTO webhook_delivery_attempt (delivery_id, attempt_no, status_code, error, duration_ms, attempted_at)
         SELECT $1, coalesce(max(attempt_no), 0) + 1, $4, $5, $6, $7 FROM webhook_delivery_attempt WHERE delivery_id = $1
         RETURNING attempt_no
       ), updated AS (
         UPDATE webhook_delivery
         SET state = $2, next_attempt_at = $3, lease_until = NULL, last_status = $4, last_error = $5, updated_at = $7
         WHERE id = $1 AND lease_until = $8 AND EXISTS (SELECT 1 FROM attempt)
         RETURNING endpoint_id, aggregate_type, aggregate_id, state
       )
       SELECT endpoint_id::text AS "endpointId", aggregate_type AS "aggregateType", aggregate_id AS "aggregateId", state FROM updated`,
      [result.deliveryId, result.state, result.nextAttemptAt, result.statusCode, result.error, result.durationMs, result.attemptedAt, result.leaseUntil],
    );
    const row = rows[0];
    return row && (row.state === WebhookDeliveryState.SUCCEEDED || row.state === WebhookDeliveryState.DEAD) ? row : null;
  }

  /**
   * Makes the next delivery of a queue due, if the queue's earliest open delivery is waiting.
   * Run after recordAttempt as its own statement: its fresh snapshot sees deliveries a relay
   * committed while recordAttempt waited for the relay's lock.
   */
  async promoteNext(ctx: RequestContext, queue: DeliveryQueueKey, now: Date): Promise<boolean> {
    const rows = await queryPrepared(
      entityManagerOf(ctx, this.dataSource),
      `WITH promoted AS (
         UPDATE webhook_delivery SET next_attempt_at = $4, updated_at = $4
         WHERE id = (
           SELECT id FROM webhook_delivery
           WHERE endpoint_id = $1 AND aggregate_type = $2 AND aggregate_id = $3 AND state IN ${OPEN}
           ORDER BY event_id LIMIT 1
         ) AND next_attempt_at IS NULL
         RETURNING id
       )
       SELECT id FROM promoted`,
      [queue.endpointId, queue.aggregateType, queue.aggregateId, now],
    );
    return rows.length > 0;
  }

  /**
   * Safety net, run now and then: promotes every queue head left waiting (e.g. a crash between
   * finishing a delivery and promoting the next). Costs one pass over the open deliveries.
   */
  async promoteStrandedHeads(ctx: RequestContext, now: Date): Promise<number> {
    const rows: unknown[] = await entityManagerOf(ctx, this.dataSource).query(
      `WITH heads AS (
         SELECT DISTINCT ON (d.endpoint_id, d.aggregate_type, d.aggregate_id) d.id, d.next_attempt_at
         FROM webhook_delivery d
         JOIN webhook_endpoint w ON w.id = d.endpoint_id AND w.active
         WHERE d.state IN ${OPEN}
         ORDER BY d.endpoint_id, d.aggregate_type, d.aggregate_id, d.event_id
       ), promoted AS (
         UPDATE webhook_delivery d SET next_attempt_at = $1, updated_at = $1
         FROM heads WHERE d.id = heads.id AND heads.next_attempt_at IS NULL AND d.next_attempt_at IS NULL
         RETURNING d.id
       )
       SELECT id FROM promoted`,
      [now],
    );
    return rows.length;
  }

  /** A deactivated endpoint's open deliveries stop being due (kept, and replayable if it comes back). */
  async park(ctx: RequestContext, endpointId: string, now: Date): Promise<void> {
    await entityManagerOf(ctx, this.dataSource).query(
      `WITH parked AS (
         UPDATE webhook_delivery SET next_attempt_at = NULL, updated_at = $2
         WHERE endpoint_id = $1 AND state IN ${OPEN} AND next_attempt_at IS NOT NULL
         RETURNING id
       )
       SELECT count(*) FROM parked`,
      [endpointId, now],
    );
  }
}
