import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { entityManagerOf, Page, queryRows, RequestContext } from '@omnitill/common';
import { StockMovementEntity } from '../entities/stock-movement.entity';
import { MOVEMENT_COLUMNS, MovementRow, toMovement } from './sql-rows';

/** Reads of the ledger. Writes live in StockLedgerRepository, next to the level changes. */
@Injectable()
export class StockMovementRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A variant's ledger at a store, newest first (idx_stock_movement_ledger). */
  async listForLevel(ctx: RequestContext, storeId: string, variantId: string, skip: number, take: number): Promise<Page<StockMovementEntity>> {
    const manager = entityManagerOf(ctx, this.dataSource);
    const [countRows, rows] = await Promise.all([
      queryRows<{ count: string }>(manager, 'SELECT count(*) AS count FROM stock_movement WHERE store_id = $1 AND variant_id = $2', [storeId, variantId]),
      queryRows<MovementRow>(
        manager,
        `SELECT ${MOVEMENT_COLUMNS} FROM stock_movement WHERE store_id = $1 AND variant_id = $2 ORDER BY id DESC LIMIT $3 OFFSET $4`,
        [storeId, variantId, take, skip],
      ),
    ]);
    return { items: rows.map(toMovement), totalCount: Number(countRows[0].count), skip, take };
  }
}
