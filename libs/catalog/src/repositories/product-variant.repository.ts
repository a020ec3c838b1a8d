import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { entityManagerOf, inList, queryPrepared, RequestContext } from '@omnitill/common';
import { ProductEntity } from '../entities/product.entity';
import { ProductVariantEntity, VariantWithProduct } from '../entities/product-variant.entity';

export type VariantInsert = Omit<ProductVariantEntity, 'id' | 'product' | 'createdAt' | 'updatedAt'>;

/** The value PostgreSQL names in a unique violation ("Key (sku)=(ABC) already exists."), if any. */
export function duplicateKeyValueOf(error: unknown): string | null {
  const source = error as { driverError?: { detail?: unknown }; detail?: unknown } | null;
  const detail = source?.driverError?.detail ?? source?.detail;
  const match = typeof detail === 'string' ? /^Key \([^)]*\)=\((.*)\) already exists/.exec(detail) : null;
  return match ? match[1] : null;
}

@Injectable()
export class ProductVariantRepository {
  constructor(private readonly dataSource: DataSource) {}

  findById(ctx: RequestContext, id: string): Promise<ProductVariantEntity | null> {
    return entityManagerOf(ctx, this.dataSource).findOneBy(ProductVariantEntity, { id });
  }

  /** Variants of these products in one query (`product_id = ANY`), in a stable order. */
  findByProductIds(ctx: RequestContext, productIds: readonly string[], activeOnly: boolean): Promise<ProductVariantEntity[]> {
    if (productIds.length === 0) {
      return Promise.resolve([]);
    }
    const qb = entityManagerOf(ctx, this.dataSource)
      .createQueryBuilder(ProductVariantEntity, 'v')
      .where('v.product_id = ANY(:productIds)', { productIds });
    if (activeOnly) {
      qb.andWhere('v.active = true');
    }
    return qb.orderBy('v.created_at', 'ASC').addOrderBy('v.sku', 'ASC').getMany();
  }

  /** Index-backed (uq_product_variant_sku). `skus` must already be upper-cased. */
  findBySkusWithProduct(ctx: RequestContext, skus: readonly string[]): Promise<VariantWithProduct[]> {
    return this.withProduct(ctx, 'v.sku', 'varchar', skus);
  }

  /** Index-backed (uq_product_variant_barcode). `barcodes` must already be GTIN-13. */
  findByBarcodesWithProduct(ctx: RequestContext, barcodes: readonly string[]): Promise<VariantWithProduct[]> {
    return this.withProduct(ctx, 'v.barcode', 'varchar', barcodes);
  }

  findByIdsWithProduct(ctx: RequestContext, ids: readonly string[]): Promise<VariantWithProduct[]> {
    return this.withProduct(ctx, 'v.id', 'uuid', ids);
  }

  /** Inserts all rows in one statement; the caller maps unique violations. */
  insertMany(ctx: RequestContext, variants: readonly VariantInsert[]): Promise<ProductVariantEntity[]> {
    const manager = entityManagerOf(ctx, this.dataSource);
    return manager.save(
      ProductVariantEntity,
      variants.map((variant) => manager.create(ProductVariantEntity, variant)),
    );
  }

  save(ctx: RequestContext, variant: ProductVariantEntity): Promise<ProductVariantEntity> {
    return entityManagerOf(ctx, this.dataSource).save(ProductVariantEntity, variant);
  }

  /**
   * Variants whose SKU, barcode or id is one of `values`, with their product, in ONE prepared
   * statement per list length (inList): these look-ups run on every sale and order.
   */
  private async withProduct(ctx: RequestContext, column: 'v.sku' | 'v.barcode' | 'v.id', sqlType: 'varchar' | 'uuid', values: readonly string[]): Promise<VariantWithProduct[]> {
    if (values.length === 0) {
      return [];
    }
    const match = inList(column, sqlType, 1, values);
    const rows = await queryPrepared<VariantWithProductRow>(
      entityManagerOf(ctx, this.dataSource),
      `SELECT v.id, v.product_id, v.sku, v.barcode, v.name, v.size, v.colour, v.price_amount, v.currency, v.active,
              v.created_at, v.updated_at, p.name AS p_name, p.description AS p_description, p.brand AS p_brand,
              p.active AS p_active, p.created_at AS p_created_at, p.updated_at AS p_updated_at
         FROM product_variant v JOIN product p ON p.id = v.product_id
        WHERE ${match.sql}`,
      match.params,
    );
    return rows.map((row) => Object.assign(new ProductVariantEntity(), {
      id: row.id,
      productId: row.product_id,
      sku: row.sku,
      barcode: row.barcode,
      name: row.name,
      size: row.size,
      colour: row.colour,
      priceAmount: row.price_amount,
      currency: row.currency,
      active: row.active,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      product: Object.assign(new ProductEntity(), {
        id: row.product_id,
        name: row.p_name,
        description: row.p_description,
        brand: row.p_brand,
        active: row.p_active,
        createdAt: row.p_created_at,
        updatedAt: row.p_updated_at,
      }),
    }));
  }
}

interface VariantWithProductRow {
  id: string;
  product_id: string;
  sku: string;
  barcode: string | null;
  name: string;
  size: string | null;
  colour: string | null;
  price_amount: number;
  currency: string;
  active: boolean;
  created_at: Date;
  updated_at: Date;
  p_name: string;
  p_description: string | null;
  p_brand: string | null;
  p_active: boolean;
  p_created_at: Date;
  p_updated_at: Date;
}
