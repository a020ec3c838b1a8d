import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrderEntity } from '@omnitill/order';
import { StoreEntity } from '@omnitill/store';
import { RefundMethod, ReturnState } from './return.enums';

const REFUND_METHODS = Object.values(RefundMethod).map((method) => `'${method}'`).join(', ');

/**
 * One return of units of one order: authorised online by support and received later in a store,
 * or taken directly at a store's till. Money is integer minor units of the order's currency.
 * The units themselves are counted on the order lines (returned_quantity), under the order lock.
 */
@Entity('return_request')
@Check('chk_return_request_refund_method', `"refund_method" IN (${REFUND_METHODS})`)
@Check('chk_return_request_refund_amount', '"refund_amount" >= 0')
@Check('chk_return_request_received', `("state" IN ('RECEIVED', 'REFUNDED')) = ("received_at" IS NOT NULL AND "receiving_store_id" IS NOT NULL)`)
@Check('chk_return_request_refunded', `("state" = 'REFUNDED') = ("refunded_at" IS NOT NULL)`)
@Check('chk_return_request_rejected', `("state" = 'REJECTED') = ("rejected_at" IS NOT NULL AND "rejected_reason" IS NOT NULL)`)
@Check('chk_return_request_override', '("window_override_reason" IS NULL) = ("overridden_by" IS NULL)')
@Index('idx_return_request_customer_created', ['customerId', 'createdAt'], { where: '"customer_id" IS NOT NULL' })
@Index('idx_return_request_authorised_expiry', ['authorisedExpiresAt'], { where: `"state" = 'AUTHORISED'` })
export class ReturnRequestEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_return_request' })
  id!: string;

  /** The order's number with a running suffix: BER-MITTE-P-000123-R1. */
  @Index('uq_return_request_number', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  number!: string;

  @Index('idx_return_request_order_id')
  @Column({ name: 'order_id', type: 'uuid' })
  orderId!: string;

  @ManyToOne(() => OrderEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'order_id', foreignKeyConstraintName: 'fk_return_request_order' })
  order?: OrderEntity;

  /** The order's customer when the return was made (timeline, store credit); moved by merges. */
  @Column({ name: 'customer_id', type: 'uuid', nullable: true })
  customerId!: string | null;

  /** Where the goods came back; null until a store receives them. */
  @Index('idx_return_request_receiving_store_id')
  @Column({ name: 'receiving_store_id', type: 'uuid', nullable: true })
  receivingStoreId!: string | null;

  @ManyToOne(() => StoreEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'receiving_store_id', foreignKeyConstraintName: 'fk_return_request_receiving_store' })
  receivingStore?: StoreEntity;

  @Column({ type: 'enum', enum: ReturnState, enumName: 'return_state' })
  state!: ReturnState;

  /** Who agreed to take the goods back: the support agent, or the staff member at the till. */
  @Column({ name: 'authorised_by', type: 'varchar', length: 120 })
  authorisedBy!: string;

  /** Authorised returns only: a store must receive the goods before this. */
  @Column({ name: 'authorised_expires_at', type: 'timestamptz', nullable: true })
  authorisedExpiresAt!: Date | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason!: string | null;

  /** The end of the return window that applied (sale, pickup or shipping + the store's days). */
  @Column({ name: 'window_ends_at', type: 'timestamptz' })
  windowEndsAt!: Date;

  /** Why a manager accepted the return after the window ended. */
  @Column({ name: 'window_override_reason', type: 'varchar', length: 200, nullable: true })
  windowOverrideReason!: string | null;

  @Column({ name: 'overridden_by', type: 'varchar', length: 120, nullable: true })
  overriddenBy!: string | null;

  @Column({ name: 'refund_method', type: 'varchar', length: 16 })
  refundMethod!: RefundMethod;

  /** What the returned units were paid; an estimate while AUTHORISED, exact once received. */
  @Column({ name: 'refund_amount', type: 'integer' })
  refundAmount!: number;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  /** The order's payment reference, for the payment provider to refund against. */
  @Column({ name: 'original_payment_reference', type: 'varchar', length: 200, nullable: true })
  originalPaymentReference!: string | null;

  /** The till's idempotency key: the same key again answers this return instead of a second one. */
  @Index('uq_return_request_client_return_id', { unique: true, where: '"client_return_id" IS NOT NULL' })
  @Column({ name: 'client_return_id', type: 'uuid', nullable: true })
  clientReturnId!: string | null;

  /** The replacement sale when the return is part of an exchange. */
  @Index('idx_return_request_exchange_order_id', { where: '"exchange_order_id" IS NOT NULL' })
  @Column({ name: 'exchange_order_id', type: 'uuid', nullable: true })
  exchangeOrderId!: string | null;

  @Column({ name: 'received_by', type: 'varchar', length: 120, nullable: true })
  receivedBy!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'received_at', type: 'timestamptz', nullable: true })
  receivedAt!: Date | null;

  @Column({ name: 'refunded_at', type: 'timestamptz', nullable: true })
  refundedAt!: Date | null;

  @Column({ name: 'rejected_at', type: 'timestamptz', nullable: true })
  rejectedAt!: Date | null;

  @Column({ name: 'rejected_reason', type: 'varchar', length: 200, nullable: true })
  rejectedReason!: string | null;

  @Column({ name: 'expired_at', type: 'timestamptz', nullable: true })
  expiredAt!: Date | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
