import { StockMovementEntity } from '../entities/stock-movement.entity';
import { StockMovementType } from '../entities/stock.enums';

/** A basket's (variant, quantity) lines as a table, for rowsList. */
export const STOCK_LINE_COLUMNS = [{ name: 'variant_id', sqlType: 'uuid' }, { name: 'quantity', sqlType: 'int' }];

export const MOVEMENT_COLUMNS =
  'id, store_id, variant_id, type, quantity, on_hand_after, actor, reason, reference_type, reference_id, occurred_at';

export const INSERT_MOVEMENT_COLUMNS =
  'store_id, variant_id, type, quantity, on_hand_after, actor, reason, reference_type, reference_id, occurred_at';

export interface MovementRow {
  id: string;
  store_id: string;
  variant_id: string;
  type: StockMovementType;
  quantity: number;
  on_hand_after: number;
  actor: string;
  reason: string | null;
  reference_type: string | null;
  reference_id: string | null;
  occurred_at: Date;
}

export function toMovement(row: MovementRow): StockMovementEntity {
  return Object.assign(new StockMovementEntity(), {
    id: String(row.id),
    storeId: row.store_id,
    variantId: row.variant_id,
    type: row.type,
    quantity: row.quantity,
    onHandAfter: row.on_hand_after,
    actor: row.actor,
    reason: row.reason,
    referenceType: row.reference_type,
    referenceId: row.reference_id,
    occurredAt: row.occurred_at,
  });
}

/**
 * A CTE named `locked` that locks the store's (`$1`) levels matching `variants` (a condition on
 * `s.variant_id`), in variant order. Every multi-row write to stock_level joins it, so concurrent
 * writers on overlapping variants always lock in the same order and never deadlock. MATERIALIZED
 * keeps the lock step from being folded into the outer statement.
 */
export function lockLevelsCte(variants: string): string {
  return `locked AS MATERIALIZED (
    SELECT s.variant_id, s.on_hand FROM stock_level s
    WHERE s.store_id = $1 AND ${variants}
    ORDER BY s.variant_id
    FOR UPDATE
  )`;
}

/** lockLevelsCte of the variants in `$2` (a uuid[]). */
export const LOCK_LEVELS_CTE = lockLevelsCte('s.variant_id = ANY($2::uuid[])');
