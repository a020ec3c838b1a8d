import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ProductVariantEntity } from '@omnitill/catalog';
import { OrderEntity } from './order.entity';

/**
 * One line of an order with the price, discount and tax at the time of sale (tax-inclusive:
 * total = unit price × quantity − discount, tax = round(total × rate / (10000 + rate))).
 * Units refused at the counter and units returned later are counted here, never deleted.
 */
@Entity('order_line')
@Index('uq_order_line_order_line_no', ['orderId', 'lineNo'], { unique: true })
@Check('chk_order_line_quantity', '"quantity" > 0')
@Check('chk_order_line_amounts', '"unit_price_amount" >= 0 AND "discount_amount" >= 0 AND "tax_amount" >= 0 AND "total_amount" >= 0')
@Check('chk_order_line_settled_units', '"refused_quantity" >= 0 AND "returned_quantity" >= 0 AND "refused_quantity" + "returned_quantity" <= "quantity"')
export class OrderLineEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_order_line' })
  id!: string;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId!: string;

  @ManyToOne(() => OrderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_id', foreignKeyConstraintName: 'fk_order_line_order' })
  order?: OrderEntity;

  /** 1-based position on the order and receipt. */
  @Column({ name: 'line_no', type: 'integer' })
  lineNo!: number;

  @Index('idx_order_line_variant_id')
  @Column({ name: 'variant_id', type: 'uuid' })
  variantId!: string;

  @ManyToOne(() => ProductVariantEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'variant_id', foreignKeyConstraintName: 'fk_order_line_variant' })
  variant?: ProductVariantEntity;

  /** Snapshots: the receipt must not change when the catalog does. */
  @Column({ type: 'varchar', length: 64 })
  sku!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'integer' })
  quantity!: number;

  /** The price charged per unit (after a manager's override, if any). */
  @Column({ name: 'unit_price_amount', type: 'integer' })
  unitPriceAmount!: number;

  /** The catalog price per unit at the time of sale. */
  @Column({ name: 'list_unit_price_amount', type: 'integer' })
  listUnitPriceAmount!: number;

  @Column({ name: 'price_override_reason', type: 'varchar', length: 200, nullable: true })
  priceOverrideReason!: string | null;

  /** The order discount allocated to this line. */
  @Column({ name: 'discount_amount', type: 'integer', default: 0 })
  discountAmount!: number;

  /** Basis points: 1900 = 19 %. */
  @Column({ name: 'tax_rate_bp', type: 'integer' })
  taxRateBp!: number;

  @Column({ name: 'tax_amount', type: 'integer' })
  taxAmount!: number;

  /** What was paid for the line: unit price × quantity − discount. */
  @Column({ name: 'total_amount', type: 'integer' })
  totalAmount!: number;

  /** Units the customer refused at the pickup counter (released, refunded). */
  @Column({ name: 'refused_quantity', type: 'integer', default: 0 })
  refusedQuantity!: number;

  /** Units returned later (recorded by the returns lib through OrderReturnLedgerService). */
  @Column({ name: 'returned_quantity', type: 'integer', default: 0 })
  returnedQuantity!: number;
}
