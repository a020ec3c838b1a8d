import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { StoreEntity } from '@omnitill/store';

/** A store's own return window; stores without a row use RETURN_WINDOW_DAYS. */
@Entity('store_return_policy')
@Check('chk_store_return_policy_window_days', '"window_days" >= 0 AND "window_days" <= 365')
export class StoreReturnPolicyEntity {
  @PrimaryColumn({ name: 'store_id', type: 'uuid', primaryKeyConstraintName: 'pk_store_return_policy' })
  storeId!: string;

  @ManyToOne(() => StoreEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'store_id', foreignKeyConstraintName: 'fk_store_return_policy_store' })
  store?: StoreEntity;

  @Column({ name: 'window_days', type: 'integer' })
  windowDays!: number;

  @Column({ name: 'updated_by', type: 'varchar', length: 120 })
  updatedBy!: string;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
