import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { OrderEntity } from '@omnitill/order';

/**
 * The last return number of each order (R1, R2...). Taken with an atomic upsert as the FIRST
 * statement of every return of that order, so concurrent returns of one order queue here.
 */
@Entity('return_number_sequence')
@Check('chk_return_number_sequence_last_value', '"last_value" > 0')
export class ReturnNumberSequenceEntity {
  @PrimaryColumn({ name: 'order_id', type: 'uuid', primaryKeyConstraintName: 'pk_return_number_sequence' })
  orderId!: string;

  @ManyToOne(() => OrderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_id', foreignKeyConstraintName: 'fk_return_number_sequence_order' })
  order?: OrderEntity;

  @Column({ name: 'last_value', type: 'integer' })
  lastValue!: number;
}
