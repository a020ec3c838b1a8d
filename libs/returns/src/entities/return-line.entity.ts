import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ProductVariantEntity } from '@omnitill/catalog';
import { OrderLineEntity } from '@omnitill/order';
import { ItemCondition, ReturnReasonCode } from './return.enums';
import { ReturnRequestEntity } from './return-request.entity';

/**
 * Units of one order line in one return, with why they came back and in what condition. One
 * order line appears once per condition (one unit resellable, one damaged).
 */
@Entity('return_line')
@Index('uq_return_line_return_order_line_condition', ['returnId', 'orderLineId', 'condition'], { unique: true })
@Check('chk_return_line_quantity', '"quantity" > 0')
@Check('chk_return_line_refund_amount', '"refund_amount" >= 0')
export class ReturnLineEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_return_line' })
  id!: string;

  @Column({ name: 'return_id', type: 'uuid' })
  returnId!: string;

  @ManyToOne(() => ReturnRequestEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'return_id', foreignKeyConstraintName: 'fk_return_line_return' })
  returnRequest?: ReturnRequestEntity;

  @Index('idx_return_line_order_line_id')
  @Column({ name: 'order_line_id', type: 'uuid' })
  orderLineId!: string;

  @ManyToOne(() => OrderLineEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'order_line_id', foreignKeyConstraintName: 'fk_return_line_order_line' })
  orderLine?: OrderLineEntity;

  @Index('idx_return_line_variant_id')
  @Column({ name: 'variant_id', type: 'uuid' })
  variantId!: string;

  @ManyToOne(() => ProductVariantEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'variant_id', foreignKeyConstraintName: 'fk_return_line_variant' })
  variant?: ProductVariantEntity;

  /** Snapshot of the order line's SKU. */
  @Column({ type: 'varchar', length: 64 })
  sku!: string;

  @Column({ type: 'integer' })
  quantity!: number;

  @Column({ type: 'enum', enum: ReturnReasonCode, enumName: 'return_reason_code' })
  reason!: ReturnReasonCode;

  /** Known once a store has the goods in hand; null while only authorised. */
  @Column({ type: 'enum', enum: ItemCondition, enumName: 'return_item_condition', nullable: true })
  condition!: ItemCondition | null;

  /** What these units were paid (discounts prorated); an estimate while authorised. */
  @Column({ name: 'refund_amount', type: 'integer' })
  refundAmount!: number;
}
