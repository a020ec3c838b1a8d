import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { entityManagerOf, ParameterisedSql, queryPrepared, queryRows, RequestContext, rowsList } from '@omnitill/common';
import { StockMovementEntity } from '../entities/stock-movement.entity';
import { StockMovementType } from '../entities/stock.enums';
import { SettlementLine } from '../rules/settlement';
import { StockLine } from '../rules/stock-lines';
import { INSERT_MOVEMENT_COLUMNS, LOCK_LEVELS_CTE, lockLevelsCte, MOVEMENT_COLUMNS, MovementRow, toMovement } from './sql-rows';

const SETTLEMENT_COLUMNS = [{ name: 'variant_id', sqlType: 'uuid' }, { name: 'take', sqlType: 'int' }, { name: 'release', sqlType: 'int' }];

/** One ledger row to write; `quantity` is signed. */
export interface LedgerEntry {
  readonly variantId: string;
  readonly type: StockMovementType;
  readonly quantity: number;
  readonly reason?: string | null;
  readonly referenceType?: string | null;
  readonly referenceId?: string | null;
}

/** What every movement of one batch shares. */
export interface MovementContext {
  readonly actor: string;
  readonly occurredAt: Date;
  readonly reason?: string | null;
  readonly referenceType?: string | null;
  readonly referenceId?: string | null;
}

/** Common table expressions to put at the head of another statement's WITH, and their parameters. */
export interface LedgerStatementPart extends ParameterisedSql {
  /** The CTE returning the movements written (MOVEMENT_COLUMNS); select from it to run after them. */
  readonly written: string;
}

/**
 * The CTEs of StockLedgerRepository.applyEntries, parameters numbered from `firstParam`, so that a
 * caller can write ledger entries in the same statement as its own rows (a POS sale: one round trip
 * for stock and order). Levels are locked in variant order by the upsert.
 */
export function ledgerEntriesPart(storeId: string, entries: readonly LedgerEntry[], meta: MovementContext, firstParam: number): LedgerStatementPart {
  const $ = (n: number) => `$${firstParam + n - 1}`;
  return {
    sql: `ledger_entry AS MATERIALIZED (
        SELECT e.variant_id, e.quantity, e.type::stock_movement_type AS type, e.reason, e.reference_type, e.reference_id, e.ord
        FROM unnest(${$(2)}::uuid[], ${$(3)}::int[], ${$(4)}::text[], ${$(5)}::text[], ${$(6)}::text[], ${$(7)}::text[]) WITH ORDINALITY
          AS e(variant_id, quantity, type, reason, reference_type, reference_id, ord)
      ),
      ledger_level AS (
        INSERT INTO stock_level AS s (store_id, variant_id, on_hand, needs_recount, updated_at)
        SELECT ${$(1)}::uuid, e.variant_id, SUM(e.quantity)::int, SUM(e.quantity) < 0, ${$(9)}::timestamptz
        FROM ledger_entry e GROUP BY e.variant_id ORDER BY e.variant_id
        ON CONFLICT (store_id, variant_id) DO UPDATE
          SET on_hand = s.on_hand + EXCLUDED.on_hand,
              needs_recount = s.needs_recount OR s.on_hand + EXCLUDED.on_hand < 0,
              updated_at = EXCLUDED.updated_at
        RETURNING s.variant_id, s.on_hand
      ),
      ledger_movement AS (
        INSERT INTO stock_movement (${INSERT_MOVEMENT_COLUMNS})
        SELECT ${$(1)}::uuid, e.variant_id, e.type, e.quantity,
          l.on_hand - COALESCE(SUM(e.quantity) OVER (PARTITION BY e.variant_id ORDER BY e.ord ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING), 0)::int,
          ${$(8)}::varchar, e.reason, e.reference_type, e.reference_id, ${$(9)}::timestamptz
        FROM ledger_entry e JOIN ledger_level l ON l.variant_id = e.variant_id
        ORDER BY e.ord
        RETURNING ${MOVEMENT_COLUMNS}
      )`,
    params: [
      storeId,
      entries.map((e) => e.variantId),
      entries.map((e) => e.quantity),
      entries.map((e) => e.type),
      entries.map((e) => e.reason ?? meta.reason ?? null),
      entries.map((e) => e.referenceType ?? meta.referenceType ?? null),
      entries.map((e) => e.referenceId ?? meta.referenceId ?? null),
      meta.actor,
      meta.occurredAt,
    ],
    written: 'ledger_movement',
  };
}

/**
 * Every change of on hand. Each method is ONE statement that changes the levels and appends their
 * movements together (data-modifying CTEs), so on hand equals the sum of movements even outside a
 * transaction, and nothing here ever reads a counter to write it back.
 */
@Injectable()
export class StockLedgerRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Adds signed quantities (creating missing levels at 0), flags levels that go negative for a
   * recount, and appends one movement per entry. Entries may repeat a variant: `on_hand_after`
   * follows their order.
   */
  async applyEntries(ctx: RequestContext, storeId: string, entries: readonly LedgerEntry[], meta: MovementContext): Promise<StockMovementEntity[]> {
    const part = ledgerEntriesPart(storeId, entries, meta, 1);
    const rows = await queryPrepared<MovementRow>(
      entityManagerOf(ctx, this.dataSource),
      `WITH ${part.sql}
      SELECT ${MOVEMENT_COLUMNS} FROM ${part.written} ORDER BY id`,
      part.params,
    );
    return rows.map(toMovement);
  }

  /**
   * Takes `lines` (merged, positive quantities) out of on hand as `type` movements, only where that
   * much is available (on hand − reserved − safety stock). Returns the movements written: fewer
   * than the lines means some were short and the caller must roll back.
   */
  async removeAvailable(
    ctx: RequestContext,
    storeId: string,
    lines: readonly StockLine[],
    type: StockMovementType,
    meta: MovementContext,
  ): Promise<StockMovementEntity[]> {
    const rows = await queryPrepared<MovementRow>(
      entityManagerOf(ctx, this.dataSource),
      `WITH wanted AS MATERIALIZED (
        SELECT w.variant_id, w.quantity FROM unnest($2::uuid[], $3::int[]) AS w(variant_id, quantity)
      ),
      ${LOCK_LEVELS_CTE},
      level AS (
        UPDATE stock_level s SET on_hand = s.on_hand - w.quantity, updated_at = $9
        FROM wanted w JOIN locked l ON l.variant_id = w.variant_id
        WHERE s.store_id = $1 AND s.variant_id = w.variant_id
          AND s.on_hand - s.reserved - s.safety_stock >= w.quantity
        RETURNING s.variant_id, s.on_hand, w.quantity
      ),
      movement AS (
        INSERT INTO stock_movement (${INSERT_MOVEMENT_COLUMNS})
        SELECT $1, l.variant_id, $4::stock_movement_type, -l.quantity, l.on_hand, $8, $5, $6, $7, $9
        FROM level l ORDER BY l.variant_id
        RETURNING ${MOVEMENT_COLUMNS}
      )
      SELECT ${MOVEMENT_COLUMNS} FROM movement ORDER BY id`,
      [
        storeId,
        lines.map((l) => l.variantId),
        lines.map((l) => l.quantity),
        type,
        meta.reason ?? null,
        meta.referenceType ?? null,
        meta.referenceId ?? null,
        meta.actor,
        meta.occurredAt,
      ],
    );
    return rows.map(toMovement);
  }

  /**
   * Settles reserved units: on hand −take and reserved −release per line, with a `type` movement for
   * every line that takes something. Levels going negative are flagged for a recount.
   */
  async settleReserved(
    ctx: RequestContext,
    storeId: string,
    lines: readonly SettlementLine[],
    type: StockMovementType,
    meta: MovementContext,
  ): Promise<StockMovementEntity[]> {
    // Prepared, with the lines as a VALUES table per count (rowsList): planned once per count.
    const settle = rowsList('x', SETTLEMENT_COLUMNS, 8, lines.map((l) => [l.variantId, l.take, l.release]));
    const rows = await queryPrepared<MovementRow>(
      entityManagerOf(ctx, this.dataSource),
      `WITH settle AS MATERIALIZED (
        SELECT x.variant_id, x.take, x.release FROM ${settle.sql}
      ),
      ${lockLevelsCte('s.variant_id IN (SELECT variant_id FROM settle)')},
      level AS (
        UPDATE stock_level s
        SET on_hand = s.on_hand - x.take,
            reserved = s.reserved - x.release,
            needs_recount = s.needs_recount OR s.on_hand - x.take < 0,
            updated_at = $7
        FROM settle x JOIN locked l ON l.variant_id = x.variant_id
        WHERE s.store_id = $1 AND s.variant_id = x.variant_id
        RETURNING s.variant_id, s.on_hand, x.take
      ),
      movement AS (
        INSERT INTO stock_movement (${INSERT_MOVEMENT_COLUMNS})
        SELECT $1, l.variant_id, $2::stock_movement_type, -l.take, l.on_hand, $6, $3, $4, $5, $7
        FROM level l WHERE l.take > 0 ORDER BY l.variant_id
        RETURNING ${MOVEMENT_COLUMNS}
      )
      SELECT ${MOVEMENT_COLUMNS} FROM movement ORDER BY id`,
      [
        storeId,
        type,
        meta.reason ?? null,
        meta.referenceType ?? null,
        meta.referenceId ?? null,
        meta.actor,
        meta.occurredAt,
        ...settle.params,
      ],
    );
    return rows.map(toMovement);
  }

  /**
   * A cycle count: sets on hand to what was counted, clears the recount flag and writes each
   * difference as a COUNT_CORRECTION. The difference is taken against the locked (latest) row.
   */
  async recordCount(ctx: RequestContext, storeId: string, counts: readonly StockLine[], meta: MovementContext): Promise<StockMovementEntity[]> {
    const manager = entityManagerOf(ctx, this.dataSource);
    const variantIds = counts.map((c) => c.variantId);
    await manager.query(
      `INSERT INTO stock_level (store_id, variant_id, updated_at)
       SELECT $1, v.variant_id, $3 FROM unnest($2::uuid[]) AS v(variant_id) ORDER BY v.variant_id
       ON CONFLICT (store_id, variant_id) DO NOTHING`,
      [storeId, variantIds, meta.occurredAt],
    );
    const rows = await queryRows<MovementRow>(
      manager,
      `WITH counted AS MATERIALIZED (
        SELECT c.variant_id, c.counted FROM unnest($2::uuid[], $3::int[]) AS c(variant_id, counted)
      ),
      ${LOCK_LEVELS_CTE},
      level AS (
        UPDATE stock_level s SET on_hand = c.counted, needs_recount = false, updated_at = $8
        FROM counted c JOIN locked l ON l.variant_id = c.variant_id
        WHERE s.store_id = $1 AND s.variant_id = c.variant_id
        RETURNING s.variant_id, s.on_hand, c.counted - l.on_hand AS difference
      ),
      movement AS (
        INSERT INTO stock_movement (${INSERT_MOVEMENT_COLUMNS})
        SELECT $1, l.variant_id, 'COUNT_CORRECTION', l.difference, l.on_hand, $7, $4, $5, $6, $8
        FROM level l WHERE l.difference <> 0 ORDER BY l.variant_id
        RETURNING ${MOVEMENT_COLUMNS}
      )
      SELECT ${MOVEMENT_COLUMNS} FROM movement ORDER BY id`,
      [
        storeId,
        variantIds,
        counts.map((c) => c.quantity),
        meta.reason ?? null,
        meta.referenceType ?? null,
        meta.referenceId ?? null,
        meta.actor,
        meta.occurredAt,
      ],
    );
    return rows.map(toMovement);
  }
}
