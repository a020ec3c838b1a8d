import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrderPaymentEntity } from '@omnitill/order';
import { RefundState } from './return.enums';
import { ReturnRequestEntity } from './return-request.entity';

/** How money goes back for a return: to a tender of the order (for the provider) or as store credit. */
export type RefundRowMethod = 'ORIGINAL_TENDER' | 'STORE_CREDIT';

/**
 * Money owed back for a return: one row per tender refunded (a split payment is refunded to each
 * tender up to what it paid) or one STORE_CREDIT row. Executing card refunds is the payment
 * provider's job: rows wait in PENDING_PROVIDER with the original payment reference.
 */
@Entity('refund')
@Check('chk_refund_method', `"method" IN ('ORIGINAL_TENDER', 'STORE_CREDIT')`)
@Check('chk_refund_state', `"state" IN ('PENDING_PROVIDER', 'COMPLETED')`)
@Check('chk_refund_amount', '"amount" > 0')
@Index('idx_refund_pending', ['createdAt'], { where: `"state" = 'PENDING_PROVIDER'` })
export class RefundEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_refund' })
  id!: string;

  @Index('idx_refund_return_id')
  @Column({ name: 'return_id', type: 'uuid' })
  returnId!: string;

  @ManyToOne(() => ReturnRequestEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'return_id', foreignKeyConstraintName: 'fk_refund_return' })
  returnRequest?: ReturnRequestEntity;

  @Column({ type: 'varchar', length: 16 })
  method!: RefundRowMethod;

  /** The order payment refunded (original tender), null for store credit. */
  @Index('idx_refund_order_payment_id', { where: '"order_payment_id" IS NOT NULL' })
  @Column({ name: 'order_payment_id', type: 'uuid', nullable: true })
  orderPaymentId!: string | null;

  @ManyToOne(() => OrderPaymentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'order_payment_id', foreignKeyConstraintName: 'fk_refund_order_payment' })
  orderPayment?: OrderPaymentEntity;

  /** The tender's method (CASH, CARD, EXTERNAL...) for original-tender refunds. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  tender!: string | null;

  @Column({ type: 'integer' })
  amount!: number;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  /** The original payment's reference (card authorisation, PSP id) the provider refunds against. */
  @Column({ name: 'payment_reference', type: 'varchar', length: 200, nullable: true })
  paymentReference!: string | null;

  @Column({ type: 'varchar', length: 20 })
  state!: RefundState;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;
}
