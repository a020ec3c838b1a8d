import { Injectable } from '@nestjs/common';
import { isUniqueViolation, NotFoundException, RequestContext } from '@omnitill/common';
import { ProductEntity } from '../entities/product.entity';
import {
  ProductVariantEntity, ProductWithVariants, VARIANT_BARCODE_UNIQUE_INDEX, VARIANT_SKU_UNIQUE_INDEX,
} from '../entities/product-variant.entity';
import { AddVariantInput, CreateVariantInput, UpdateVariantInput } from '../api/inputs/product-variant.input';
import { CreateProductInput, UpdateProductInput } from '../api/inputs/product.input';
import { DuplicateBarcodeError, DuplicateSkuError } from '../errors/catalog.errors';
import { ProductRepository } from '../repositories/product.repository';
import { duplicateKeyValueOf, ProductVariantRepository, VariantInsert } from '../repositories/product-variant.repository';
import { normaliseGtin } from '../validation/gtin.validator';
import { normaliseSku } from '../validation/sku.validator';

type VariantDraft = Omit<VariantInsert, 'productId'>;
type DuplicateError = DuplicateSkuError | DuplicateBarcodeError;

/**
 * Catalog maintenance. Duplicates are checked before writing (a friendly typed error) and again by
 * the unique indexes (a concurrent writer), which map to the same typed errors; the mutation's
 * transaction rolls back on either, so a failed create leaves no product behind. Every write method
 * must run inside a transaction (`@Transaction()` on the mutation, or the caller's own).
 */
@Injectable()
export class CatalogAdminService {
  constructor(
    private readonly products: ProductRepository,
    private readonly variants: ProductVariantRepository,
  ) {}

  async createProduct(ctx: RequestContext, input: CreateProductInput): Promise<ProductWithVariants | DuplicateError> {
    const drafts = input.variants.map(toDraft);
    const duplicate = await this.findDuplicate(ctx, drafts);
    if (duplicate) {
      return duplicate;
    }
    const product = await this.products.insert(ctx, {
      name: input.name,
      description: input.description ?? null,
      brand: input.brand ?? null,
      active: input.active,
    });
    try {
      await this.variants.insertMany(ctx, drafts.map((draft) => ({ ...draft, productId: product.id })));
    } catch (error) {
      return rethrowUnlessDuplicate(error, drafts[0]);
    }
    // Read back so the variants come in the same order as every later read.
    return { product, variants: await this.variants.findByProductIds(ctx, [product.id], false) };
  }

  async updateProduct(ctx: RequestContext, id: string, input: UpdateProductInput): Promise<ProductWithVariants> {
    const product = await this.getProduct(ctx, id);
    if (input.name !== undefined && input.name !== null) {
      product.name = input.name;
    }
    if (input.description !== undefined) {
      product.description = input.description;
    }
    if (input.brand !== undefined) {
      product.brand = input.brand;
    }
    if (input.active !== undefined && input.active !== null) {
      product.active = input.active;
    }
    const saved = await this.products.save(ctx, product);
    return { product: saved, variants: await this.variants.findByProductIds(ctx, [id], false) };
  }

  async addVariant(ctx: RequestContext, input: AddVariantInput): Promise<ProductVariantEntity | DuplicateError> {
    await this.getProduct(ctx, input.productId);
    const draft = toDraft(input);
    const duplicate = await this.findDuplicate(ctx, [draft]);
    if (duplicate) {
      return duplicate;
    }
    try {
      const [variant] = await this.variants.insertMany(ctx, [{ ...draft, productId: input.productId }]);
      return variant;
    } catch (error) {
      return rethrowUnlessDuplicate(error, draft);
    }
  }

  async updateVariant(ctx: RequestContext, id: string, input: UpdateVariantInput): Promise<ProductVariantEntity | DuplicateBarcodeError> {
    const variant = await this.variants.findById(ctx, id);
    if (!variant) {
      throw new NotFoundException('ProductVariant', id);
    }
    if (input.barcode !== undefined) {
      const barcode = input.barcode === null ? null : normaliseGtinOrThrow(input.barcode);
      if (barcode !== null && barcode !== variant.barcode) {
        const [holder] = await this.variants.findByBarcodesWithProduct(ctx, [barcode]);
        if (holder && holder.id !== variant.id) {
          return new DuplicateBarcodeError(barcode);
        }
      }
      variant.barcode = barcode;
    }
    if (input.size !== undefined) {
      variant.size = input.size;
    }
    if (input.colour !== undefined) {
      variant.colour = input.colour;
    }
    // Required columns: null means "leave unchanged", like an omitted field.
    variant.name = input.name ?? variant.name;
    variant.priceAmount = input.priceAmount ?? variant.priceAmount;
    variant.currency = input.currency ?? variant.currency;
    variant.active = input.active ?? variant.active;
    try {
      return await this.variants.save(ctx, variant);
    } catch (error) {
      if (isUniqueViolation(error, VARIANT_BARCODE_UNIQUE_INDEX)) {
        return new DuplicateBarcodeError(duplicateKeyValueOf(error) ?? variant.barcode ?? '');
      }
      throw error;
    }
  }

  private async getProduct(ctx: RequestContext, id: string): Promise<ProductEntity> {
    const product = await this.products.findById(ctx, id);
    if (!product) {
      throw new NotFoundException('Product', id);
    }
    return product;
  }

  /** The first SKU or barcode repeated within `drafts` or already taken; one query per kind. */
  private async findDuplicate(ctx: RequestContext, drafts: readonly VariantDraft[]): Promise<DuplicateError | null> {
    const repeatedSku = firstRepeated(drafts.map((draft) => draft.sku));
    if (repeatedSku !== null) {
      return new DuplicateSkuError(repeatedSku);
    }
    const barcodes = drafts.map((draft) => draft.barcode).filter((barcode): barcode is string => barcode !== null);
    const repeatedBarcode = firstRepeated(barcodes);
    if (repeatedBarcode !== null) {
      return new DuplicateBarcodeError(repeatedBarcode);
    }
    const [skuHolder] = await this.variants.findBySkusWithProduct(ctx, drafts.map((draft) => draft.sku));
    if (skuHolder) {
      return new DuplicateSkuError(skuHolder.sku);
    }
    const [barcodeHolder] = await this.variants.findByBarcodesWithProduct(ctx, barcodes);
    if (barcodeHolder?.barcode) {
      return new DuplicateBarcodeError(barcodeHolder.barcode);
    }
    return null;
  }
}

function toDraft(input: CreateVariantInput): VariantDraft {
  return {
    sku: normaliseSku(input.sku),
    barcode: input.barcode === undefined || input.barcode === null ? null : normaliseGtinOrThrow(input.barcode),
    name: input.name,
    size: input.size ?? null,
    colour: input.colour ?? null,
    priceAmount: input.priceAmount,
    currency: input.currency,
    active: input.active,
  };
}

/** Inputs are validated with @IsGtin, so an invalid barcode here is a bug, not user input. */
function normaliseGtinOrThrow(barcode: string): string {
  const gtin = normaliseGtin(barcode);
  if (gtin === null) {
    throw new Error(`Unvalidated barcode reached the catalog: ${barcode}`);
  }
  return gtin;
}

function firstRepeated(values: readonly string[]): string | null {
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) {
      return value;
    }
    seen.add(value);
  }
  return null;
}

/** A concurrent writer took a SKU or barcode between our check and the insert. */
function rethrowUnlessDuplicate(error: unknown, fallback: VariantDraft): DuplicateError {
  if (isUniqueViolation(error, VARIANT_SKU_UNIQUE_INDEX)) {
    return new DuplicateSkuError(duplicateKeyValueOf(error) ?? fallback.sku);
  }
  if (isUniqueViolation(error, VARIANT_BARCODE_UNIQUE_INDEX)) {
    return new DuplicateBarcodeError(duplicateKeyValueOf(error) ?? fallback.barcode ?? '');
  }
  throw error;
}
