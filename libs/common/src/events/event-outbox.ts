import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RequestContext } from '../context/request-context';
import { Clock } from '../time/clock';
import { timeOrderedUuid } from '../ids/time-ordered-uuid';
import { runAfterCommit } from '../transaction/transaction-runner';
import { queryPrepared } from '../transaction/entity-manager';
import { ParameterisedSql } from '../transaction/in-list';
import { isDomainEventType, NewDomainEvent, OUTBOX_NOTIFY_CHANNEL } from './domain-event';

/** One recorded event: its public id and its global position. */
export interface RecordedEvent {
  readonly id: string;
  readonly sequence: string;
}

export interface OutboxInsert extends ParameterisedSql {
  readonly ids: string[];
}

const MAX_AGGREGATE_LENGTH = 100;

/**
 * Where the INSERT's parameters start, and optionally a one-row relation of the caller's statement
 * (a CTE of a data-modifying WITH) the events are written for: no row, no events; its columns can
 * complete the payload (`payloadPatch`, a jsonb expression merged into each payload), e.g. a
 * number the same statement assigned.
 */
export interface OutboxInsertOptions {
  readonly firstParam?: number;
  readonly joinWith?: { readonly relation: string; readonly payloadPatch: string };
}

const OUTBOX_ARRAY_TYPES = ['uuid', 'varchar', 'int', 'timestamptz', 'uuid', 'varchar', 'uuid', 'varchar', 'varchar', 'jsonb', 'jsonb'] as const;

/** Column arrays for one multi-row INSERT (unnest keeps it one statement for any number of events). */
export function buildOutboxInsert(events: readonly NewDomainEvent[], defaults: { now: Date; channel: string }, options: OutboxInsertOptions = {}): OutboxInsert {
  const ids: string[] = [];
  const columns: unknown[][] = OUTBOX_ARRAY_TYPES.map(() => []);
  for (const event of events) {
    if (!isDomainEventType(event.type)) {
      throw new Error(`EventOutbox: unknown event type ${String(event.type)}`);
    }
    for (const [name, value] of [['aggregateType', event.aggregateType], ['aggregateId', event.aggregateId]] as const) {
      if (typeof value !== 'string' || value.length === 0 || value.length > MAX_AGGREGATE_LENGTH) {
        throw new Error(`EventOutbox: ${name} must be 1-${MAX_AGGREGATE_LENGTH} characters (${event.type})`);
      }
    }
    const version = event.version ?? 1;
    if (!Number.isInteger(version) || version < 1) {
      throw new Error(`EventOutbox: version must be a positive integer (${event.type})`);
    }
    const id = timeOrderedUuid();
    ids.push(id);
    const row = [
      id,
      event.type,
      version,
      event.occurredAt ?? defaults.now,
      event.storeId ?? null,
      event.channel === undefined ? defaults.channel : event.channel,
      event.customerId ?? null,
      event.aggregateType,
      event.aggregateId,
      JSON.stringify(event.payload),
      event.consent ? JSON.stringify({ emailMarketing: event.consent.emailMarketing, smsMarketing: event.consent.smsMarketing }) : null,
    ];
    row.forEach((value, index) => columns[index].push(value));
  }
  const first = options.firstParam ?? 1;
  const arrays = OUTBOX_ARRAY_TYPES.map((type, index) => `$${first + index}::${type}[]`).join(', ');
  const columnList = 'event_id, type, version, occurred_at, store_id, channel, customer_id, aggregate_type, aggregate_id, payload, consent';
  const join = options.joinWith;
  const sql = join
    ? `INSERT INTO domain_event (${columnList})
    SELECT e.event_id, e.type, e.version, e.occurred_at, e.store_id, e.channel, e.customer_id, e.aggregate_type, e.aggregate_id,
           e.payload || ${join.payloadPatch}, e.consent
      FROM unnest(${arrays}) AS e(${columnList}) CROSS JOIN ${join.relation}
    RETURNING event_id::text AS id, id::text AS sequence`
    : `INSERT INTO domain_event (${columnList})
    SELECT * FROM unnest(${arrays})
    RETURNING event_id::text AS id, id::text AS sequence`;
  return { sql, params: columns, ids };
}

/**
 * The transactional outbox: every lib records its events here, in the transaction of the change
 * they describe. Nothing is sent from here; the relay (libs/events) publishes committed rows, so an
 * event is never lost and never describes a change that was rolled back.
 */
@Injectable()
export class EventOutbox {
  private readonly logger = new Logger(EventOutbox.name);
  private wakePending = false;
  private wakeAgain = false;

  constructor(
    private readonly clock: Clock,
    private readonly dataSource: DataSource,
  ) {}

  /**
   * Records one or more events in `ctx`'s open transaction (one INSERT) and wakes the relay once
   * it has committed. Throws when no transaction is open: an event written outside
   * the change's transaction could survive its rollback.
   */
  async record(ctx: RequestContext, events: NewDomainEvent | readonly NewDomainEvent[]): Promise<RecordedEvent[]> {
    const list: readonly NewDomainEvent[] = Array.isArray(events) ? events : [events as NewDomainEvent];
    const manager = ctx.entityManager;
    if (!manager?.queryRunner?.isTransactionActive) {
      throw new Error('EventOutbox.record needs an open transaction: call it inside @Transaction() or TransactionRunner.run');
    }
    if (list.length === 0) {
      return [];
    }
    const insert = buildOutboxInsert(list, { now: this.clock.now(), channel: ctx.channel });
    const rows = await queryPrepared<RecordedEvent>(manager, insert.sql, insert.params);
    runAfterCommit(ctx, () => this.wakeRelay());
    const byId = new Map(rows.map((row) => [row.id, row.sequence]));
    return insert.ids.map((id) => ({ id, sequence: byId.get(id) ?? '' }));
  }

  /**
   * The INSERT of `events` for the caller to run inside its own statement (a CTE of a
   * data-modifying WITH on a hot path: one round trip instead of two); wakes the relay once `ctx`'s
   * transaction has committed. Same rule as `record`: only inside an open transaction.
   */
  insertInStatement(ctx: RequestContext, events: readonly NewDomainEvent[], options: OutboxInsertOptions): OutboxInsert {
    if (!ctx.entityManager?.queryRunner?.isTransactionActive) {
      throw new Error('EventOutbox.insertInStatement needs an open transaction: call it inside @Transaction() or TransactionRunner.run');
    }
    const insert = buildOutboxInsert(events, { now: this.clock.now(), channel: ctx.channel }, options);
    runAfterCommit(ctx, () => this.wakeRelay());
    return insert;
  }

  /**
   * NOTIFY after commit, on the pool, at most one in flight per process. NOTIFY inside the sale's
   * transaction would take PostgreSQL's database-wide notify lock at commit and serialise every
   * committing sale; coalesced here it costs one cheap statement per burst of commits. The relay
   * also polls, so a lost wake-up only delays publishing.
   */
  private wakeRelay(): void {
    // A commit landing while a NOTIFY is in flight asks for one more, so none waits for the poll.
    this.wakeAgain = this.wakePending;
    if (this.wakePending) {
      return;
    }
    this.wakePending = true;
    setImmediate(() => {
      this.dataSource
        .query('SELECT pg_notify($1, $2)', [OUTBOX_NOTIFY_CHANNEL, ''])
        .catch((error: unknown) => this.logger.warn(`relay wake-up failed: ${String(error)}`))
        .finally(() => {
          this.wakePending = false;
          if (this.wakeAgain) {
            this.wakeAgain = false;
            this.wakeRelay();
          }
        });
    });
  }
}
