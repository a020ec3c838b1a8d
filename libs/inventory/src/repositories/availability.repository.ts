import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { entityManagerOf, inList, queryPrepared, RequestContext, rowsList } from '@omnitill/common';
import { StockFigures } from '../rules/availability';
import { haversineSql } from '../rules/geo';
import { StockLine } from '../rules/stock-lines';
import { STOCK_LINE_COLUMNS } from './sql-rows';

export interface VariantStock extends StockFigures {
  readonly variantId: string;
  readonly sku: string;
}

/** `storeFound` false: no such store. `variants`: the requested variants that exist, levels or not. */
export interface StoreStock {
  readonly storeFound: boolean;
  readonly variants: VariantStock[];
}

export interface PickupStoreRow {
  readonly storeId: string;
  readonly code: string;
  readonly name: string;
  readonly city: string;
  readonly latitude: number;
  readonly longitude: number;
  readonly pickupPromiseMinutes: number;
  readonly distanceKm: number;
}

interface StoreStockRow {
  variant_id: string | null;
  sku: string | null;
  on_hand: number;
  reserved: number;
  safety_stock: number;
}

/**
 * The hot read paths (product pages, POS "in stock here?", store locators): raw SQL, one round trip
 * each, index-backed (stock_level PK, idx_stock_level_variant_id, product_variant PK / SKU index).
 */
@Injectable()
export class AvailabilityRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Stock of many variants (by id, or by upper-cased SKU) at one store, and whether the store exists. */
  async stockAt(ctx: RequestContext, storeId: string, key: 'id' | 'sku', values: readonly string[]): Promise<StoreStock> {
    const match = key === 'id' ? inList('v.id', 'uuid', 2, values) : inList('v.sku', 'varchar', 2, values);
    const rows = await queryPrepared<StoreStockRow>(
      entityManagerOf(ctx, this.dataSource),
      `SELECT v.id AS variant_id, v.sku,
              COALESCE(s.on_hand, 0) AS on_hand, COALESCE(s.reserved, 0) AS reserved, COALESCE(s.safety_stock, 0) AS safety_stock
       FROM store st
       LEFT JOIN product_variant v ON ${match.sql}
       LEFT JOIN stock_level s ON s.store_id = st.id AND s.variant_id = v.id
       WHERE st.id = $1`,
      [storeId, ...match.params],
    );
    return {
      storeFound: rows.length > 0,
      variants: rows
        .filter((row): row is StoreStockRow & { variant_id: string; sku: string } => row.variant_id !== null && row.sku !== null)
        .map((row) => ({ variantId: row.variant_id, sku: row.sku, onHand: row.on_hand, reserved: row.reserved, safetyStock: row.safety_stock })),
    };
  }

  /**
   * Pickup-enabled stores holding stock where EVERY line is available, nearest first. `lines` must
   * be merged (one per variant).
   */
  async pickupStores(
    ctx: RequestContext,
    lines: readonly StockLine[],
    latitude: number,
    longitude: number,
    limit: number,
  ): Promise<PickupStoreRow[]> {
    const wanted = rowsList('w', STOCK_LINE_COLUMNS, 5, lines.map((line) => [line.variantId, line.quantity]));
    const rows = await queryPrepared<{
      store_id: string; code: string; name: string; city: string; latitude: number; longitude: number;
      pickup_promise_minutes: number; distance_km: number;
    }>(
      entityManagerOf(ctx, this.dataSource),
      `SELECT st.id AS store_id, st.code, st.name, st.city, st.latitude, st.longitude, st.pickup_promise_minutes,
             ${haversineSql('st.latitude', 'st.longitude', '$1::float8', '$2::float8')} AS distance_km
      FROM ${wanted.sql}
      JOIN stock_level s ON s.variant_id = w.variant_id AND s.on_hand - s.reserved - s.safety_stock >= w.quantity
      JOIN store st ON st.id = s.store_id AND st.offers_pickup AND st.holds_stock
      GROUP BY st.id
      HAVING count(*) = $3
      ORDER BY distance_km, st.code
      LIMIT $4`,
      [latitude, longitude, lines.length, limit, ...wanted.params],
    );
    return rows.map((row) => ({
      storeId: row.store_id,
      code: row.code,
      name: row.name,
      city: row.city,
      latitude: row.latitude,
      longitude: row.longitude,
      pickupPromiseMinutes: row.pickup_promise_minutes,
      distanceKm: row.distance_km,
    }));
  }
}
