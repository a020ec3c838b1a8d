import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ProductVariantEntity } from '@omnitill/catalog';
import { StoreEntity } from '@omnitill/store';
import { StockMovementType } from './stock.enums';

/**
 * The append-only stock ledger: one row per change of on hand, written in the same statement as the
 * change. A trigger (see the Inventory migration) refuses UPDATE and DELETE.
 */
@Entity('stock_movement')
@Check('chk_stock_movement_quantity', '"quantity" <> 0')
// The migration creates this as (store_id, variant_id, id DESC): a variant's ledger, newest first.
@Index('idx_stock_movement_ledger', ['storeId', 'variantId', 'id'])
export class StockMovementEntity {
  /** bigint: returned by the driver as a string. */
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'pk_stock_movement' })
  id!: string;

  @Column({ name: 'store_id', type: 'uuid' })
  storeId!: string;

  @ManyToOne(() => StoreEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'store_id', foreignKeyConstraintName: 'fk_stock_movement_store' })
  store?: StoreEntity;

  @Index('idx_stock_movement_variant_id')
  @Column({ name: 'variant_id', type: 'uuid' })
  variantId!: string;

  @ManyToOne(() => ProductVariantEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'variant_id', foreignKeyConstraintName: 'fk_stock_movement_variant' })
  variant?: ProductVariantEntity;

  @Column({ type: 'enum', enum: StockMovementType, enumName: 'stock_movement_type' })
  type!: StockMovementType;

  /** Signed: positive adds to on hand, negative removes. Never zero. */
  @Column({ type: 'integer' })
  quantity!: number;

  @Column({ name: 'on_hand_after', type: 'integer' })
  onHandAfter!: number;

  /** Who made the change, e.g. `staff:<id>` (RequestContext.actorLabel). */
  @Column({ type: 'varchar', length: 120 })
  actor!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  reason!: string | null;

  /** What caused it: ORDER, RETURN, STOCK_TRANSFER, DELIVERY, STOCK_COUNT... */
  @Column({ name: 'reference_type', type: 'varchar', length: 32, nullable: true })
  referenceType!: string | null;

  @Column({ name: 'reference_id', type: 'varchar', length: 64, nullable: true })
  referenceId!: string | null;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;
}
