import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ProductVariantEntity } from '@omnitill/catalog';
import { StoreEntity } from '@omnitill/store';

/**
 * Stock of one variant at one store. `onHand` may go negative (a POS sale never waits for a count;
 * the level is then flagged `needsRecount`); `reserved` never does. Available is
 * on hand − reserved − safety stock. On hand always equals the sum of the level's movements.
 */
@Entity('stock_level')
@Check('chk_stock_level_reserved', '"reserved" >= 0')
@Check('chk_stock_level_safety_stock', '"safety_stock" >= 0')
@Check('chk_stock_level_low_stock_threshold', '"low_stock_threshold" IS NULL OR "low_stock_threshold" >= 0')
export class StockLevelEntity {
  @PrimaryColumn({ name: 'store_id', type: 'uuid', primaryKeyConstraintName: 'pk_stock_level' })
  storeId!: string;

  @ManyToOne(() => StoreEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'store_id', foreignKeyConstraintName: 'fk_stock_level_store' })
  store?: StoreEntity;

  @Index('idx_stock_level_variant_id')
  @PrimaryColumn({ name: 'variant_id', type: 'uuid', primaryKeyConstraintName: 'pk_stock_level' })
  variantId!: string;

  @ManyToOne(() => ProductVariantEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'variant_id', foreignKeyConstraintName: 'fk_stock_level_variant' })
  variant?: ProductVariantEntity;

  @Column({ name: 'on_hand', type: 'integer', default: 0 })
  onHand!: number;

  @Column({ type: 'integer', default: 0 })
  reserved!: number;

  @Column({ name: 'safety_stock', type: 'integer', default: 0 })
  safetyStock!: number;

  @Column({ name: 'low_stock_threshold', type: 'integer', nullable: true })
  lowStockThreshold!: number | null;

  @Column({ name: 'needs_recount', type: 'boolean', default: false })
  needsRecount!: boolean;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
