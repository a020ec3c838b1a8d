import { Column, CreateDateColumn, Entity, Generated, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Channel, JsonObject, MarketingConsent } from '@omnitill/common';

/**
 * The outbox and the event log in one append-only table. Rows are written by `EventOutbox.record`
 * (libs/common, raw SQL, in the producer's transaction) and published by the relay, which only ever
 * sets `published_at`.
 */
@Entity('domain_event')
// The relay's queue: unpublished rows in recording order. Partial on `id` (not on published_at,
// which is NULL for every row it holds) so `ORDER BY id LIMIT n` reads the index without sorting.
@Index('idx_domain_event_unpublished', ['id'], { where: '"published_at" IS NULL' })
@Index('idx_domain_event_type_occurred_at', ['type', 'occurredAt'])
@Index('idx_domain_event_store_occurred_at', ['storeId', 'occurredAt'])
@Index('idx_domain_event_customer_occurred_at', ['customerId', 'occurredAt'], { where: '"customer_id" IS NOT NULL' })
// One aggregate's history, in order.
@Index('idx_domain_event_aggregate', ['aggregateType', 'aggregateId', 'id'])
// Per-aggregate order: "is an earlier event of this aggregate still unpublished?" Partial, so the
// probe stays small however long an aggregate's history grows.
@Index('idx_domain_event_unpublished_aggregate', ['aggregateType', 'aggregateId', 'id'], { where: '"published_at" IS NULL' })
export class DomainEventEntity {
  /** Global order of recording. bigint: returned by the driver as a string. */
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'pk_domain_event' })
  id!: string;

  /** The public id consumers de-duplicate on. */
  @Index('uq_domain_event_event_id', { unique: true })
  @Column({ name: 'event_id', type: 'uuid' })
  @Generated('uuid')
  eventId!: string;

  /** A DomainEventType; varchar rather than an enum so a new type needs no migration. */
  @Column({ type: 'varchar', length: 64 })
  type!: string;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  /** No foreign keys: the log outlives what it describes and must never block a write. */
  @Column({ name: 'store_id', type: 'uuid', nullable: true })
  storeId!: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  channel!: Channel | null;

  @Column({ name: 'customer_id', type: 'uuid', nullable: true })
  customerId!: string | null;

  @Column({ name: 'aggregate_type', type: 'varchar', length: 100 })
  aggregateType!: string;

  @Column({ name: 'aggregate_id', type: 'varchar', length: 100 })
  aggregateId!: string;

  @Column({ type: 'jsonb' })
  payload!: JsonObject;

  @Column({ type: 'jsonb', nullable: true })
  consent!: MarketingConsent | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
