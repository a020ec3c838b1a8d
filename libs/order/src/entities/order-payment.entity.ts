import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrderEntity } from './order.entity';
import { PaymentMethod } from './order.enums';

/** One tender of an order. `amount` is what it paid towards the total; cash may hand back change. */
@Entity('order_payment')
@Check('chk_order_payment_amounts', '"amount" >= 0 AND "change_amount" >= 0 AND ("tendered_amount" IS NULL OR "tendered_amount" >= "amount")')
export class OrderPaymentEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_order_payment' })
  id!: string;

  @Index('idx_order_payment_order_id')
  @Column({ name: 'order_id', type: 'uuid' })
  orderId!: string;

  @ManyToOne(() => OrderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_id', foreignKeyConstraintName: 'fk_order_payment_order' })
  order?: OrderEntity;

  @Column({ type: 'enum', enum: PaymentMethod, enumName: 'order_payment_method' })
  method!: PaymentMethod;

  /** Applied to the order total, in minor units. */
  @Column({ type: 'integer' })
  amount!: number;

  /** Cash handed over (cash only). */
  @Column({ name: 'tendered_amount', type: 'integer', nullable: true })
  tenderedAmount!: number | null;

  @Column({ name: 'change_amount', type: 'integer', default: 0 })
  changeAmount!: number;

  /** Card terminal, gift card or provider reference. */
  @Column({ name: 'external_reference', type: 'varchar', length: 200, nullable: true })
  externalReference!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
