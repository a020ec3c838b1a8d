import { Injectable } from '@nestjs/common';
import { CatalogQueryService, VariantWithProduct } from '@omnitill/catalog';
import { BadInputException, RequestContext } from '@omnitill/common';
import { StoreEntity } from '@omnitill/store';
import { UnknownSkuError } from '../errors/order.errors';
import { TaxRatePolicy } from './tax-rate.policy';

/** A line as a client sends it: exactly one of sku, barcode, variantId. */
export interface LineRequest {
  readonly sku?: string | null;
  readonly barcode?: string | null;
  readonly variantId?: string | null;
  readonly quantity: number;
  readonly priceOverride?: { readonly unitPriceAmount: number; readonly reason: string } | null;
}

/** A line matched to its variant, with the price charged and the catalog price. */
export interface ResolvedLine {
  readonly variant: VariantWithProduct;
  readonly quantity: number;
  readonly unitPriceAmount: number;
  readonly listUnitPriceAmount: number;
  readonly priceOverrideReason: string | null;
  readonly taxRateBp: number;
}

export interface PricingOptions {
  /** Tills may sell a retired item still on the shelf; the online shop sells active items only. */
  readonly allowInactive: boolean;
  /** Online orders hold one line per variant: repeated variants are summed. */
  readonly mergeVariants: boolean;
}

function referenceOf(line: LineRequest): string {
  return line.sku ?? line.barcode ?? line.variantId ?? '';
}

/**
 * Matches lines to catalog variants and prices them: one query for all SKUs, one for all variant
 * ids, one per distinct barcode (the catalog has no batch barcode look-up yet).
 */
@Injectable()
export class OrderLinePricer {
  constructor(
    private readonly catalog: CatalogQueryService,
    private readonly taxRates: TaxRatePolicy,
  ) {}

  async resolve(ctx: RequestContext, store: StoreEntity, lines: readonly LineRequest[], options: PricingOptions): Promise<ResolvedLine[] | UnknownSkuError> {
    lines.forEach(assertOneReference);
    const bySku = new Map<string, VariantWithProduct>();
    const byId = new Map<string, VariantWithProduct>();
    const byBarcode = new Map<string, VariantWithProduct>();
    const skus = lines.flatMap((line) => (line.sku ? [line.sku] : []));
    const ids = lines.flatMap((line) => (line.variantId ? [line.variantId] : []));
    const barcodes = [...new Set(lines.flatMap((line) => (line.barcode ? [line.barcode] : [])))];
    if (skus.length > 0) {
      (await this.catalog.findVariantsBySkus(ctx, skus)).forEach((variant) => bySku.set(variant.sku, variant));
    }
    if (ids.length > 0) {
      (await this.catalog.findVariantsByIds(ctx, ids)).forEach((variant) => byId.set(variant.id, variant));
    }
    for (const barcode of barcodes) {
      const variant = await this.catalog.findVariantByBarcode(ctx, barcode);
      if (variant) {
        byBarcode.set(barcode, variant);
      }
    }
    const matched = lines.map((line) =>
      line.sku ? bySku.get(line.sku.toUpperCase()) : line.variantId ? byId.get(line.variantId.toLowerCase()) : byBarcode.get(line.barcode ?? ''),
    );
    const unknown = lines.filter((line, index) => {
      const variant = matched[index];
      return !variant || !(options.allowInactive || (variant.active && variant.product.active));
    });
    if (unknown.length > 0) {
      return new UnknownSkuError([...new Set(unknown.map(referenceOf))]);
    }
    const resolved = lines.map((line, index) => this.price(store, line, matched[index] as VariantWithProduct));
    const currencies = new Set(resolved.map((line) => line.variant.currency));
    if (currencies.size > 1) {
      throw new BadInputException(`Lines are priced in different currencies (${[...currencies].join(', ')}); sell them separately`);
    }
    return options.mergeVariants ? mergeByVariant(resolved) : resolved;
  }

  private price(store: StoreEntity, line: LineRequest, variant: VariantWithProduct): ResolvedLine {
    return {
      variant,
      quantity: line.quantity,
      unitPriceAmount: line.priceOverride?.unitPriceAmount ?? variant.priceAmount,
      listUnitPriceAmount: variant.priceAmount,
      priceOverrideReason: line.priceOverride?.reason.trim() ?? null,
      taxRateBp: this.taxRates.rateFor(store, variant),
    };
  }
}

function assertOneReference(line: LineRequest, index: number): void {
  const given = [line.sku, line.barcode, line.variantId].filter((value) => value !== undefined && value !== null && value !== '');
  if (given.length !== 1) {
    throw new BadInputException('Each line needs exactly one of sku, barcode or variantId', [{ field: `lines.${index}`, messages: ['give one of sku, barcode, variantId'] }]);
  }
}

function mergeByVariant(lines: readonly ResolvedLine[]): ResolvedLine[] {
  const merged = new Map<string, ResolvedLine>();
  for (const line of lines) {
    const existing = merged.get(line.variant.id);
    merged.set(line.variant.id, existing ? { ...existing, quantity: existing.quantity + line.quantity } : line);
  }
  return [...merged.values()];
}
