import { Injectable } from '@nestjs/common';
import { NotFoundException, Page, RequestContext } from '@omnitill/common';
import { ProductEntity } from '../entities/product.entity';
import { ProductVariantEntity, ProductWithVariants, VariantWithProduct } from '../entities/product-variant.entity';
import { ProductListQuery, ProductRepository } from '../repositories/product.repository';
import { ProductVariantRepository } from '../repositories/product-variant.repository';
import { normaliseGtin } from '../validation/gtin.validator';
import { normaliseSku } from '../validation/sku.validator';
import { isVariantVisible, seesInactive } from './catalog-visibility.policy';

export type CatalogListQuery = Omit<ProductListQuery, 'visibleOnly'>;

/**
 * Reads the catalog. The `list`/`get*` methods serve the API and hide inactive items from non-staff
 * callers; the `find*` methods serve other libs (POS sales, inventory) and return every match,
 * inactive included, with its product loaded: the caller decides whether an inactive item may sell.
 */
@Injectable()
export class CatalogQueryService {
  constructor(
    private readonly products: ProductRepository,
    private readonly variants: ProductVariantRepository,
  ) {}

  async listProducts(ctx: RequestContext, query: CatalogListQuery): Promise<Page<ProductWithVariants>> {
    const page = await this.products.list(ctx, { ...query, visibleOnly: !seesInactive(ctx) });
    return { ...page, items: await this.withVariants(ctx, page.items) };
  }

  async getProduct(ctx: RequestContext, id: string): Promise<ProductWithVariants> {
    const product = await this.products.findById(ctx, id);
    if (!product || !(product.active || seesInactive(ctx))) {
      throw new NotFoundException('Product', id);
    }
    const [result] = await this.withVariants(ctx, [product]);
    return result;
  }

  /** NOT_FOUND when missing or hidden from this caller. Matched case-insensitively. */
  async getVariantBySku(ctx: RequestContext, sku: string): Promise<ProductVariantEntity> {
    const [variant] = await this.variants.findBySkusWithProduct(ctx, [normaliseSku(sku)]);
    if (!variant || !isVariantVisible(ctx, variant)) {
      throw new NotFoundException('ProductVariant', sku);
    }
    return variant;
  }

  /** NOT_FOUND when missing, hidden from this caller, or not a valid EAN-13/UPC-A. */
  async getVariantByBarcode(ctx: RequestContext, barcode: string): Promise<ProductVariantEntity> {
    const variant = await this.findVariantByBarcode(ctx, barcode);
    if (!variant || !isVariantVisible(ctx, variant)) {
      throw new NotFoundException('ProductVariant', barcode);
    }
    return variant;
  }

  /** Every variant with one of these SKUs (any case), inactive included, in ONE query. Unknown SKUs are absent. */
  findVariantsBySkus(ctx: RequestContext, skus: readonly string[]): Promise<VariantWithProduct[]> {
    return this.variants.findBySkusWithProduct(ctx, [...new Set(skus.map(normaliseSku))]);
  }

  /** Every variant with one of these ids (which must be UUIDs), inactive included, in ONE query. */
  findVariantsByIds(ctx: RequestContext, ids: readonly string[]): Promise<VariantWithProduct[]> {
    return this.variants.findByIdsWithProduct(ctx, [...new Set(ids)]);
  }

  /** The variant with this EAN-13 or UPC-A barcode (either spelling), inactive included, or null. */
  async findVariantByBarcode(ctx: RequestContext, barcode: string): Promise<VariantWithProduct | null> {
    const gtin = normaliseGtin(barcode);
    if (gtin === null) {
      return null;
    }
    const [variant] = await this.variants.findByBarcodesWithProduct(ctx, [gtin]);
    return variant ?? null;
  }

  /** Attaches each product's visible variants, loaded with ONE query for the whole page. */
  private async withVariants(ctx: RequestContext, products: readonly ProductEntity[]): Promise<ProductWithVariants[]> {
    const variants = await this.variants.findByProductIds(
      ctx,
      products.map((product) => product.id),
      !seesInactive(ctx),
    );
    const byProduct = new Map<string, ProductVariantEntity[]>(products.map((product) => [product.id, []]));
    for (const variant of variants) {
      byProduct.get(variant.productId)?.push(variant);
    }
    return products.map((product) => ({ product, variants: byProduct.get(product.id) ?? [] }));
  }
}
