import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One privileged action (AuditTrail in libs/common writes it, in the action's transaction).
 * Append-only: a trigger refuses UPDATE and DELETE. Ids of actors and subjects are plain text, not
 * foreign keys, so the trail outlives what it describes (an erased customer, a removed terminal).
 */
@Entity('audit_entry')
@Index('idx_audit_entry_occurred_at', ['occurredAt'])
@Index('idx_audit_entry_store_occurred_at', ['storeId', 'occurredAt'])
@Index('idx_audit_entry_subject', ['subjectType', 'subjectId'])
export class AuditEntryEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'pk_audit_entry' })
  id!: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ type: 'varchar', length: 40 })
  action!: string;

  /** Staff user id (or customer / storefront key id); null for anonymous callers. */
  @Column({ name: 'actor_id', type: 'varchar', length: 100, nullable: true })
  actorId!: string | null;

  @Column({ name: 'actor_label', type: 'varchar', length: 120 })
  actorLabel!: string;

  @Column({ name: 'actor_role', type: 'varchar', length: 20, nullable: true })
  actorRole!: string | null;

  @Column({ name: 'terminal_id', type: 'uuid', nullable: true })
  terminalId!: string | null;

  @Column({ type: 'varchar', length: 16 })
  channel!: string;

  @Column({ name: 'store_id', type: 'uuid', nullable: true })
  storeId!: string | null;

  @Column({ name: 'subject_type', type: 'varchar', length: 100 })
  subjectType!: string;

  @Column({ name: 'subject_id', type: 'varchar', length: 100 })
  subjectId!: string;

  @Column({ type: 'jsonb', nullable: true })
  before!: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after!: Record<string, unknown> | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason!: string | null;

  @Column({ name: 'request_id', type: 'varchar', length: 100, nullable: true })
  requestId!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip!: string | null;
}
