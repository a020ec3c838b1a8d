import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { entityManagerOf, escapeLike, Page, queryPrepared, queryRows, RequestContext, rowsList } from '@omnitill/common';
import { StockFigures } from '../rules/availability';
import { StockLine } from '../rules/stock-lines';
import { LOCK_LEVELS_CTE, lockLevelsCte, STOCK_LINE_COLUMNS } from './sql-rows';

/** A stock level as staff see it: figures plus the variant's SKU and name. */
export interface StockLevelView extends StockFigures {
  readonly storeId: string;
  readonly variantId: string;
  readonly sku: string;
  readonly variantName: string;
  readonly lowStockThreshold: number | null;
  readonly needsRecount: boolean;
  readonly updatedAt: Date;
}

export interface StockLevelFilter {
  readonly lowStockOnly?: boolean;
  readonly negativeOnly?: boolean;
  readonly needsRecountOnly?: boolean;
  /** Upper-cased SKU fragment. */
  readonly sku?: string;
}

export interface StockSettingsChange {
  readonly safetyStock?: number;
  /** null clears the threshold; undefined keeps it. */
  readonly lowStockThreshold?: number | null;
}

interface LevelViewRow {
  store_id: string;
  variant_id: string;
  sku: string;
  variant_name: string;
  on_hand: number;
  reserved: number;
  safety_stock: number;
  low_stock_threshold: number | null;
  needs_recount: boolean;
  updated_at: Date;
}

const VIEW_COLUMNS = `s.store_id, s.variant_id, v.sku, v.name AS variant_name, s.on_hand, s.reserved, s.safety_stock,
  s.low_stock_threshold, s.needs_recount, s.updated_at`;

const LOW_STOCK_SQL = 's.low_stock_threshold IS NOT NULL AND GREATEST(s.on_hand - s.reserved - s.safety_stock, 0) <= s.low_stock_threshold';

function toView(row: LevelViewRow): StockLevelView {
  return {
    storeId: row.store_id,
    variantId: row.variant_id,
    sku: row.sku,
    variantName: row.variant_name,
    onHand: row.on_hand,
    reserved: row.reserved,
    safetyStock: row.safety_stock,
    lowStockThreshold: row.low_stock_threshold,
    needsRecount: row.needs_recount,
    updatedAt: row.updated_at,
  };
}

/** Stock levels apart from on hand (see StockLedgerRepository): holds, settings and reads. */
@Injectable()
export class StockLevelRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * THE reservation statement: adds each line to `reserved` only where on hand − reserved − safety
   * stock covers it, locking the levels in variant order first. Returns the variants held; fewer
   * than the lines means the caller must roll back. Never reads a counter to write it back.
   */
  async reserve(ctx: RequestContext, storeId: string, lines: readonly StockLine[], at: Date): Promise<Set<string>> {
    // Prepared, with the lines as a VALUES table per basket size (rowsList): planned once per size.
    const wanted = rowsList('w', STOCK_LINE_COLUMNS, 3, lines.map((l) => [l.variantId, l.quantity]));
    const rows = await queryPrepared<{ variant_id: string }>(
      entityManagerOf(ctx, this.dataSource),
      `WITH wanted AS MATERIALIZED (
        SELECT w.variant_id, w.quantity FROM ${wanted.sql}
      ),
      ${lockLevelsCte('s.variant_id IN (SELECT variant_id FROM wanted)')},
      held AS (
        UPDATE stock_level s SET reserved = s.reserved + w.quantity, updated_at = $2
        FROM wanted w JOIN locked l ON l.variant_id = w.variant_id
        WHERE s.store_id = $1 AND s.variant_id = w.variant_id
          AND s.on_hand - s.reserved - s.safety_stock >= w.quantity
        RETURNING s.variant_id
      )
      SELECT variant_id FROM held`,
      [storeId, at, ...wanted.params],
    );
    return new Set(rows.map((row) => row.variant_id));
  }

  /** Gives held units back (a released reservation). */
  async unreserve(ctx: RequestContext, storeId: string, lines: readonly StockLine[], at: Date): Promise<number> {
    const rows = await queryRows<{ variant_id: string }>(
      entityManagerOf(ctx, this.dataSource),
      `WITH wanted AS MATERIALIZED (
        SELECT w.variant_id, w.quantity FROM unnest($2::uuid[], $3::int[]) AS w(variant_id, quantity)
      ),
      ${LOCK_LEVELS_CTE},
      freed AS (
        UPDATE stock_level s SET reserved = s.reserved - w.quantity, updated_at = $4
        FROM wanted w JOIN locked l ON l.variant_id = w.variant_id
        WHERE s.store_id = $1 AND s.variant_id = w.variant_id
        RETURNING s.variant_id
      )
      SELECT variant_id FROM freed`,
      [storeId, lines.map((l) => l.variantId), lines.map((l) => l.quantity), at],
    );
    return rows.length;
  }

  /** Gives back everything these reservations hold, across stores, locking levels in (store, variant) order. */
  async unreserveForReservations(ctx: RequestContext, reservationIds: readonly string[], at: Date): Promise<number> {
    if (reservationIds.length === 0) {
      return 0;
    }
    const rows = await queryRows<{ variant_id: string }>(
      entityManagerOf(ctx, this.dataSource),
      `WITH held AS MATERIALIZED (
        SELECT r.store_id, l.variant_id, SUM(l.quantity)::int AS quantity
        FROM stock_reservation r JOIN stock_reservation_line l ON l.reservation_id = r.id
        WHERE r.id = ANY($1::uuid[])
        GROUP BY r.store_id, l.variant_id
      ),
      locked AS MATERIALIZED (
        SELECT s.store_id, s.variant_id FROM stock_level s
        JOIN held h ON h.store_id = s.store_id AND h.variant_id = s.variant_id
        ORDER BY s.store_id, s.variant_id
        FOR UPDATE OF s
      ),
      freed AS (
        UPDATE stock_level s SET reserved = s.reserved - h.quantity, updated_at = $2
        FROM held h JOIN locked k ON k.store_id = h.store_id AND k.variant_id = h.variant_id
        WHERE s.store_id = h.store_id AND s.variant_id = h.variant_id
        RETURNING s.variant_id
      )
      SELECT variant_id FROM freed`,
      [reservationIds, at],
    );
    return rows.length;
  }

  /** Current figures of these variants at a store (absent: no level yet). */
  async findFigures(ctx: RequestContext, storeId: string, variantIds: readonly string[]): Promise<Map<string, StockFigures>> {
    const rows = await queryRows<{ variant_id: string; on_hand: number; reserved: number; safety_stock: number }>(
      entityManagerOf(ctx, this.dataSource),
      'SELECT variant_id, on_hand, reserved, safety_stock FROM stock_level WHERE store_id = $1 AND variant_id = ANY($2::uuid[])',
      [storeId, variantIds],
    );
    return new Map(rows.map((r) => [r.variant_id, { onHand: r.on_hand, reserved: r.reserved, safetyStock: r.safety_stock }]));
  }

  /** Creates the level at 0 if needed (on hand 0 is the sum of no movements) and applies the settings. */
  async upsertSettings(ctx: RequestContext, storeId: string, variantId: string, change: StockSettingsChange, at: Date): Promise<void> {
    const keepThreshold = change.lowStockThreshold === undefined;
    await entityManagerOf(ctx, this.dataSource).query(
      `INSERT INTO stock_level AS s (store_id, variant_id, safety_stock, low_stock_threshold, updated_at)
       VALUES ($1, $2, COALESCE($3::int, 0), $4::int, $6)
       ON CONFLICT (store_id, variant_id) DO UPDATE
         SET safety_stock = COALESCE($3::int, s.safety_stock),
             low_stock_threshold = CASE WHEN $5::boolean THEN s.low_stock_threshold ELSE $4::int END,
             updated_at = EXCLUDED.updated_at`,
      [storeId, variantId, change.safetyStock ?? null, change.lowStockThreshold ?? null, keepThreshold, at],
    );
  }

  async findViews(ctx: RequestContext, storeId: string, variantIds: readonly string[]): Promise<StockLevelView[]> {
    const rows = await queryRows<LevelViewRow>(
      entityManagerOf(ctx, this.dataSource),
      `SELECT ${VIEW_COLUMNS} FROM stock_level s JOIN product_variant v ON v.id = s.variant_id
       WHERE s.store_id = $1 AND s.variant_id = ANY($2::uuid[]) ORDER BY v.sku`,
      [storeId, variantIds],
    );
    return rows.map(toView);
  }

  /** A store's levels, by SKU. Filters combine with AND. */
  async list(ctx: RequestContext, storeId: string, filter: StockLevelFilter, skip: number, take: number): Promise<Page<StockLevelView>> {
    const params: unknown[] = [storeId];
    const where = ['s.store_id = $1'];
    if (filter.lowStockOnly) {
      where.push(LOW_STOCK_SQL);
    }
    if (filter.negativeOnly) {
      where.push('s.on_hand < 0');
    }
    if (filter.needsRecountOnly) {
      where.push('s.needs_recount');
    }
    if (filter.sku) {
      params.push(`%${escapeLike(filter.sku)}%`);
      where.push(`v.sku LIKE $${params.length}`);
    }
    const from = `FROM stock_level s JOIN product_variant v ON v.id = s.variant_id WHERE ${where.join(' AND ')}`;
    const manager = entityManagerOf(ctx, this.dataSource);
    const [countRows, rows] = await Promise.all([
      queryRows<{ count: string }>(manager, `SELECT count(*) AS count ${from}`, params),
      queryRows<LevelViewRow>(
        manager,
        `SELECT ${VIEW_COLUMNS} ${from} ORDER BY v.sku LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, take, skip],
      ),
    ]);
    return { items: rows.map(toView), totalCount: Number(countRows[0].count), skip, take };
  }
}
