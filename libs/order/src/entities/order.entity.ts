import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CustomerEntity } from '@omnitill/customer';
import { StoreEntity, TerminalEntity } from '@omnitill/store';
import { OrderChannel, OrderFulfilment, OrderState } from './order.enums';

/** Unique index names the services map to idempotent replays. */
export const ORDER_CLIENT_SALE_UNIQUE_INDEX = 'uq_order_terminal_client_sale';
export const ORDER_CLIENT_ORDER_UNIQUE_INDEX = 'uq_order_client_order';

export interface ShippingAddress {
  name: string;
  line1: string;
  line2: string | null;
  city: string;
  postalCode: string;
  countryCode: string;
}

/**
 * One order for every channel: an online pickup or ship order, or a POS sale. Money columns are
 * integer minor units of `currency`; prices are tax-inclusive. The state history is in
 * order_state_change; lines and payments in their own tables.
 */
@Entity('order')
@Check('chk_order_amounts', '"subtotal_amount" >= 0 AND "discount_amount" >= 0 AND "tax_amount" >= 0 AND "total_amount" >= 0 AND "refund_due_amount" >= 0')
@Check('chk_order_failed_pickup_attempts', '"failed_pickup_attempts" >= 0')
@Index('idx_order_store_state_placed_at', ['storeId', 'state', 'placedAt'])
@Index('idx_order_store_occurred_at', ['storeId', 'occurredAt'])
@Index('idx_order_open_expiry', ['expiresAt'], { where: `"state" IN ('PLACED', 'PICKING', 'READY_FOR_PICKUP')` })
@Index(ORDER_CLIENT_SALE_UNIQUE_INDEX, ['terminalId', 'clientSaleId'], { unique: true, where: '"client_sale_id" IS NOT NULL' })
@Index(ORDER_CLIENT_ORDER_UNIQUE_INDEX, ['placedBy', 'clientOrderId'], { unique: true, where: '"client_order_id" IS NOT NULL' })
// Look-ups by a nullable column are equalities (which imply NOT NULL, so these partial indexes
// serve them and the foreign-key checks): a till sale, which has no guest contact and no
// reservation, adds no entry to them.
@Index('idx_order_reservation_id', ['reservationId'], { where: '"reservation_id" IS NOT NULL' })
@Index('idx_order_guest_phone', ['guestPhone'], { where: '"guest_phone" IS NOT NULL' })
@Index('idx_order_guest_email', ['guestEmail'], { where: '"guest_email" IS NOT NULL' })
@Index('idx_order_customer_id', ['customerId'], { where: '"customer_id" IS NOT NULL' })
@Index('idx_order_terminal_id', ['terminalId'], { where: '"terminal_id" IS NOT NULL' })
export class OrderEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_order' })
  id!: string;

  /** Human-readable, per store and channel: BER-MITTE-P-000123 (POS), BER-MITTE-W-000045 (online). */
  @Index('uq_order_number', { unique: true })
  @Column({ type: 'varchar', length: 48 })
  number!: string;

  @Column({ type: 'enum', enum: OrderChannel, enumName: 'order_channel' })
  channel!: OrderChannel;

  @Column({ type: 'enum', enum: OrderFulfilment, enumName: 'order_fulfilment' })
  fulfilment!: OrderFulfilment;

  @Column({ type: 'enum', enum: OrderState, enumName: 'order_state' })
  state!: OrderState;

  /** The store that sells (POS), hands over (pickup) or ships. */
  @Column({ name: 'store_id', type: 'uuid' })
  storeId!: string;

  @ManyToOne(() => StoreEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'store_id', foreignKeyConstraintName: 'fk_order_store' })
  store?: StoreEntity;

  @Column({ name: 'terminal_id', type: 'uuid', nullable: true })
  terminalId!: string | null;

  @ManyToOne(() => TerminalEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'terminal_id', foreignKeyConstraintName: 'fk_order_terminal' })
  terminal?: TerminalEntity;

  @Column({ name: 'customer_id', type: 'uuid', nullable: true })
  customerId!: string | null;

  /** Profiles are never deleted (erasure anonymises, merges keep the row), so RESTRICT holds. */
  @ManyToOne(() => CustomerEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'customer_id', foreignKeyConstraintName: 'fk_order_customer' })
  customer?: CustomerEntity;

  /** Stored lower-cased. */
  @Column({ name: 'guest_email', type: 'varchar', length: 254, nullable: true })
  guestEmail!: string | null;

  /** Digits with an optional leading +, as normalised on input. */
  @Column({ name: 'guest_phone', type: 'varchar', length: 32, nullable: true })
  guestPhone!: string | null;

  @Column({ name: 'contact_name', type: 'varchar', length: 120, nullable: true })
  contactName!: string | null;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  /** Sum of line gross amounts (unit price × quantity) before discounts. */
  @Column({ name: 'subtotal_amount', type: 'integer' })
  subtotalAmount!: number;

  @Column({ name: 'discount_amount', type: 'integer', default: 0 })
  discountAmount!: number;

  /** Tax included in the total (prices are tax-inclusive). */
  @Column({ name: 'tax_amount', type: 'integer' })
  taxAmount!: number;

  /** What the customer pays: subtotal − discount. */
  @Column({ name: 'total_amount', type: 'integer' })
  totalAmount!: number;

  /** Owed back to the customer: lines refused at the counter, a cancelled, expired or voided order. */
  @Column({ name: 'refund_due_amount', type: 'integer', default: 0 })
  refundDueAmount!: number;

  /** POS idempotency key, unique per terminal. */
  @Column({ name: 'client_sale_id', type: 'uuid', nullable: true })
  clientSaleId!: string | null;

  /** Storefront idempotency key, unique per caller (placed_by). */
  @Column({ name: 'client_order_id', type: 'uuid', nullable: true })
  clientOrderId!: string | null;

  /** Who placed it (RequestContext.actorLabel): staff:<id>, storefront:<key id>, customer:<id>. */
  @Column({ name: 'placed_by', type: 'varchar', length: 120 })
  placedBy!: string;

  /** When the sale happened: the till's time for (possibly offline) POS sales, else placed_at. */
  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  /** When the system recorded it. */
  @Column({ name: 'placed_at', type: 'timestamptz' })
  placedAt!: Date;

  /** Pickup orders: placed_at + the store's pickup promise; the pickup queue is sorted by it. */
  @Column({ name: 'promised_at', type: 'timestamptz', nullable: true })
  promisedAt!: Date | null;

  @Column({ name: 'ready_at', type: 'timestamptz', nullable: true })
  readyAt!: Date | null;

  @Column({ name: 'picked_up_at', type: 'timestamptz', nullable: true })
  pickedUpAt!: Date | null;

  @Column({ name: 'shipped_at', type: 'timestamptz', nullable: true })
  shippedAt!: Date | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  @Column({ name: 'expired_at', type: 'timestamptz', nullable: true })
  expiredAt!: Date | null;

  @Column({ name: 'voided_at', type: 'timestamptz', nullable: true })
  voidedAt!: Date | null;

  /** Open pickup and ship orders: when the hold lapses (equals or precedes the reservation's expiry). */
  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt!: Date | null;

  @Column({ name: 'tracking_number', type: 'varchar', length: 100, nullable: true })
  trackingNumber!: string | null;

  @Column({ name: 'shipping_address', type: 'jsonb', nullable: true })
  shippingAddress!: ShippingAddress | null;

  /** The coupon redeemed for this order's discount, as stored by the coupon lib. */
  @Column({ name: 'coupon_code', type: 'varchar', length: 64, nullable: true })
  couponCode!: string | null;

  /** The payment provider's reference for online orders. */
  @Column({ name: 'payment_reference', type: 'varchar', length: 200, nullable: true })
  paymentReference!: string | null;

  /** HMAC of the pickup code (never the code itself). */
  @Column({ name: 'pickup_code_hash', type: 'char', length: 64, nullable: true })
  pickupCodeHash!: string | null;

  /** Nonce inside the pickup QR token; re-issuing credentials replaces it, invalidating old QR codes. */
  @Column({ name: 'pickup_token_nonce', type: 'varchar', length: 32, nullable: true })
  pickupTokenNonce!: string | null;

  @Column({ name: 'failed_pickup_attempts', type: 'integer', default: 0 })
  failedPickupAttempts!: number;

  @Column({ name: 'pickup_locked_until', type: 'timestamptz', nullable: true })
  pickupLockedUntil!: Date | null;

  @Column({ name: 'reservation_id', type: 'uuid', nullable: true })
  reservationId!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
