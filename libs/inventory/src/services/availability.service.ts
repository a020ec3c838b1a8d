import { Injectable } from '@nestjs/common';
import { BadInputException, NotFoundException, RequestContext } from '@omnitill/common';
import { PickupStoreOption } from '../api/types/pickup-store.type';
import { AvailabilityRepository, VariantStock } from '../repositories/availability.repository';
import { availableOf, NO_STOCK, StockFigures } from '../rules/availability';
import { roundToTenth } from '../rules/geo';
import { assertLineQuantities, MAX_LINES, mergeStockLines, StockLine } from '../rules/stock-lines';

export interface VariantAvailability extends StockFigures {
  readonly variantId: string;
  readonly sku: string;
  /** on hand − reserved − safety stock, at least 0. */
  readonly available: number;
  readonly inStock: boolean;
}

/** Exactly one of the two. */
export interface AvailabilityQuery {
  readonly variantIds?: readonly string[] | null;
  readonly skus?: readonly string[] | null;
}

export const MAX_PICKUP_STORES = 50;

function withAvailability(stock: VariantStock): VariantAvailability {
  const available = availableOf(stock);
  return { ...stock, available, inStock: available > 0 };
}

/**
 * "Is it in stock here?" and "where can I pick this basket up?": one SQL round trip each, whatever
 * the number of variants. Anyone may ask; the numbers are what a shop shelf shows.
 */
@Injectable()
export class AvailabilityService {
  constructor(private readonly availability: AvailabilityRepository) {}

  /** Availability per requested variant (in request order; no level yet = 0). NOT_FOUND for an unknown store or variant. */
  async forStore(ctx: RequestContext, storeId: string, query: AvailabilityQuery): Promise<VariantAvailability[]> {
    const byId = Boolean(query.variantIds);
    if (byId === Boolean(query.skus)) {
      throw new BadInputException('Give either variantIds or skus', [{ field: 'variantIds', messages: ['give variantIds or skus, not both'] }]);
    }
    const requested = query.variantIds?.map((id) => id.toLowerCase()) ?? query.skus?.map((sku) => sku.toUpperCase()) ?? [];
    const unique = [...new Set(requested)];
    if (unique.length === 0 || unique.length > MAX_LINES) {
      throw new BadInputException(`Ask for 1 to ${MAX_LINES} variants`);
    }
    const result = await this.availability.stockAt(ctx, storeId, byId ? 'id' : 'sku', unique);
    if (!result.storeFound) {
      throw new NotFoundException('Store', storeId);
    }
    const found = new Map(result.variants.map((v) => [byId ? v.variantId : v.sku, v]));
    const missing = unique.find((value) => !found.has(value));
    if (missing !== undefined) {
      throw new NotFoundException('ProductVariant', missing);
    }
    return unique.map((value) => withAvailability(found.get(value) as VariantStock));
  }

  /**
   * For other libs: availability of these variants at a store, keyed by (lower-case) variant id.
   * Variants without a level, or unknown, answer 0; no store check.
   */
  async availableAt(ctx: RequestContext, storeId: string, variantIds: readonly string[]): Promise<Map<string, VariantAvailability>> {
    const unique = [...new Set(variantIds.map((id) => id.toLowerCase()))];
    const result = new Map<string, VariantAvailability>();
    if (unique.length === 0) {
      return result;
    }
    const stock = await this.availability.stockAt(ctx, storeId, 'id', unique);
    for (const variant of stock.variants) {
      result.set(variant.variantId, withAvailability(variant));
    }
    for (const variantId of unique) {
      if (!result.has(variantId)) {
        result.set(variantId, withAvailability({ variantId, sku: '', ...NO_STOCK }));
      }
    }
    return result;
  }

  /** Pickup-enabled stores that have EVERY line available, nearest first, distance rounded to 0.1 km. */
  async nearbyPickupStores(
    ctx: RequestContext,
    lines: readonly StockLine[],
    latitude: number,
    longitude: number,
    limit = 10,
  ): Promise<PickupStoreOption[]> {
    const merged = mergeStockLines(lines);
    assertLineQuantities(merged);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PICKUP_STORES) {
      throw new BadInputException(`limit must be from 1 to ${MAX_PICKUP_STORES}`);
    }
    const rows = await this.availability.pickupStores(ctx, merged, latitude, longitude, limit);
    return rows.map((row) => ({ ...row, distanceKm: roundToTenth(row.distanceKm) }));
  }
}
