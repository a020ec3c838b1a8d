import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { DomainEventEntity } from './domain-event.entity';
import { WebhookEndpointEntity } from './webhook-endpoint.entity';

/** PENDING: not tried yet; FAILED: last attempt failed, retry scheduled; DEAD: gave up (replayable). */
export enum WebhookDeliveryState {
  PENDING = 'PENDING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
  DEAD = 'DEAD',
}

/** One event for one endpoint. At least once: the receiver de-duplicates on the event id. */
@Entity('webhook_delivery')
@Unique('uq_webhook_delivery_endpoint_event', ['endpointId', 'eventId'])
// The dispatcher's queue: active deliveries (queue heads) in time order; waiting ones have no time.
@Index('idx_webhook_delivery_due', ['nextAttemptAt', 'id'], { where: `"state" IN ('PENDING', 'FAILED') AND "next_attempt_at" IS NOT NULL` })
// Each (endpoint, aggregate) queue in event order: its head, and whether it has open deliveries.
@Index('idx_webhook_delivery_open_aggregate', ['endpointId', 'aggregateType', 'aggregateId', 'eventId'], {
  where: `"state" IN ('PENDING', 'FAILED')`,
})
@Index('idx_webhook_delivery_endpoint_id', ['endpointId', 'id'])
export class WebhookDeliveryEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'pk_webhook_delivery' })
  id!: string;

  @Column({ name: 'endpoint_id', type: 'uuid' })
  endpointId!: string;

  @ManyToOne(() => WebhookEndpointEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'endpoint_id', foreignKeyConstraintName: 'fk_webhook_delivery_endpoint' })
  endpoint?: WebhookEndpointEntity;

  /** domain_event.id (the global position, bigint as a string). */
  @Index('idx_webhook_delivery_event_id')
  @Column({ name: 'event_id', type: 'bigint' })
  eventId!: string;

  @ManyToOne(() => DomainEventEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'fk_webhook_delivery_event' })
  event?: DomainEventEntity;

  /** Copied from the event so the order check needs no join. */
  @Column({ name: 'aggregate_type', type: 'varchar', length: 100 })
  aggregateType!: string;

  @Column({ name: 'aggregate_id', type: 'varchar', length: 100 })
  aggregateId!: string;

  @Column({ type: 'enum', enum: WebhookDeliveryState, enumName: 'webhook_delivery_state', default: WebhookDeliveryState.PENDING })
  state!: WebhookDeliveryState;

  /** Attempts in the current round (a replay starts a new round); the attempt log keeps them all. */
  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  /**
   * When it is due. NULL while it waits behind an earlier open delivery of the same aggregate to
   * the same endpoint (it is promoted when that one finishes), and once finished.
   */
  @Column({ name: 'next_attempt_at', type: 'timestamptz', nullable: true })
  nextAttemptAt!: Date | null;

  /** Set while one dispatcher is sending it; another may take it over only after this passes. */
  @Column({ name: 'lease_until', type: 'timestamptz', nullable: true })
  leaseUntil!: Date | null;

  @Column({ name: 'last_status', type: 'integer', nullable: true })
  lastStatus!: number | null;

  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
