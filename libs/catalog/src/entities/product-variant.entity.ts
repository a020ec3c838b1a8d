import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ProductEntity } from './product.entity';

/** Unique index names; a unique violation on them is mapped to a typed duplicate error. */
export const VARIANT_SKU_UNIQUE_INDEX = 'uq_product_variant_sku';
export const VARIANT_BARCODE_UNIQUE_INDEX = 'uq_product_variant_barcode';

/**
 * One sellable, stockable item of a product (a size, a colour). `sku` is stored upper-cased, so it
 * is unique case-insensitively; `barcode` is a GTIN normalised to 13 digits (UPC-A gets a leading 0).
 */
@Entity('product_variant')
@Check('chk_product_variant_price_amount', '"price_amount" >= 0')
export class ProductVariantEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('idx_product_variant_product_id')
  @Column({ name: 'product_id', type: 'uuid' })
  productId!: string;

  @ManyToOne(() => ProductEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'product_id', foreignKeyConstraintName: 'fk_product_variant_product' })
  product?: ProductEntity;

  @Index(VARIANT_SKU_UNIQUE_INDEX, { unique: true })
  @Column({ type: 'varchar', length: 64 })
  sku!: string;

  @Index(VARIANT_BARCODE_UNIQUE_INDEX, { unique: true, where: 'barcode IS NOT NULL' })
  @Column({ type: 'varchar', length: 14, nullable: true })
  barcode!: string | null;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  size!: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  colour!: string | null;

  /** Integer minor units of `currency`. */
  @Column({ name: 'price_amount', type: 'integer' })
  priceAmount!: number;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** A variant loaded together with its product (one join), as the catalog's finders return it. */
export type VariantWithProduct = ProductVariantEntity & { product: ProductEntity };

/** A product with the variants the caller may see, assembled from two queries (no N+1). */
export interface ProductWithVariants {
  readonly product: ProductEntity;
  readonly variants: ProductVariantEntity[];
}
