import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CustomerEntity } from './customer.entity';

export const CUSTOMER_MERGE_MERGED_UNIQUE_INDEX = 'uq_customer_merge_merged_id';

/** A support agent's merge of a duplicate profile into a survivor. A profile is merged at most once. */
@Entity('customer_merge')
export class CustomerMergeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('idx_customer_merge_survivor_id')
  @Column({ name: 'survivor_id', type: 'uuid' })
  survivorId!: string;

  @ManyToOne(() => CustomerEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'survivor_id', foreignKeyConstraintName: 'fk_customer_merge_survivor' })
  survivor?: CustomerEntity;

  @Index(CUSTOMER_MERGE_MERGED_UNIQUE_INDEX, { unique: true })
  @Column({ name: 'merged_id', type: 'uuid' })
  mergedId!: string;

  @ManyToOne(() => CustomerEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'merged_id', foreignKeyConstraintName: 'fk_customer_merge_merged' })
  merged?: CustomerEntity;

  /** Who merged, as RequestContext.actorLabel (e.g. `staff:<uuid>`). */
  @Column({ name: 'merged_by', type: 'varchar', length: 120 })
  mergedBy!: string;

  /** What participants moved, by name (e.g. `{ "consents": 2, "coupon": 1 }`). */
  @Column({ name: 'moved_counts', type: 'jsonb', default: () => "'{}'" })
  movedCounts!: Record<string, number>;

  @Column({ name: 'merged_at', type: 'timestamptz' })
  mergedAt!: Date;
}
