import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { entityManagerOf, findPreparedWith, inList, RequestContext } from '@omnitill/common';
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
    return this.withProduct(ctx, 'a.sku', 'varchar', skus);
  }

  /** Index-backed (uq_product_variant_barcode). `barcodes` must already be GTIN-13. */
  findByBarcodesWithProduct(ctx: RequestContext, barcodes: readonly string[]): Promise<VariantWithProduct[]> {
    return this.withProduct(ctx, 'a.barcode', 'varchar', barcodes);
  }

  findByIdsWithProduct(ctx: RequestContext, ids: readonly string[]): Promise<VariantWithProduct[]> {
    return this.withProduct(ctx, 'a.id', 'uuid', ids);
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
   * statement per list length (findPreparedWith, inList): these look-ups run on every sale and order.
   */
  private async withProduct(ctx: RequestContext, column: 'a.sku' | 'a.barcode' | 'a.id', sqlType: 'varchar' | 'uuid', values: readonly string[]): Promise<VariantWithProduct[]> {
    if (values.length === 0) {
      return [];
    }
    const match = inList(column, sqlType, 1, values);
    return findPreparedWith(
      entityManagerOf(ctx, this.dataSource),
      ProductVariantEntity,
      { entity: ProductEntity, on: 'b.id = a.product_id', property: 'product' },
      match.sql,
      match.params,
    );
  }
}
