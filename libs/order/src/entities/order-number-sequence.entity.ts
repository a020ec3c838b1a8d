import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { StoreEntity } from '@omnitill/store';
import { OrderChannel } from './order.enums';

/**
 * The last order number issued per store and channel. Incremented by an atomic upsert in the
 * statement that inserts the order, so numbers are gap-free unless that transaction rolls back.
 */
@Entity('order_number_sequence')
@Check('chk_order_number_sequence_channel', `"channel" IN ('ONLINE', 'POS')`)
@Check('chk_order_number_sequence_last_value', '"last_value" > 0')
export class OrderNumberSequenceEntity {
  @PrimaryColumn({ name: 'store_id', type: 'uuid', primaryKeyConstraintName: 'pk_order_number_sequence' })
  storeId!: string;

  @ManyToOne(() => StoreEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'store_id', foreignKeyConstraintName: 'fk_order_number_sequence_store' })
  store?: StoreEntity;

  @PrimaryColumn({ type: 'varchar', length: 8, primaryKeyConstraintName: 'pk_order_number_sequence' })
  channel!: OrderChannel;

  @Column({ name: 'last_value', type: 'integer' })
  lastValue!: number;
}
