import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { entityManagerOf, queryRows, RequestContext } from '@omnitill/common';

export interface LedgerMismatch {
  readonly storeId: string;
  readonly variantId: string;
  /** null: movements exist without a level. */
  readonly onHand: number | null;
  readonly ledgerSum: number;
  /** on_hand_after of the newest movement, which must equal on hand. */
  readonly lastOnHandAfter: number | null;
}

export interface ReservedMismatch {
  readonly storeId: string;
  readonly variantId: string;
  readonly reserved: number | null;
  readonly heldByActiveReservations: number;
}

const MAX_REPORTED = 1000;

/** Whole-table consistency checks; each is one statement, so it sees one snapshot. */
@Injectable()
export class VerificationRepository {
  constructor(private readonly dataSource: DataSource) {}

  async ledgerMismatches(ctx: RequestContext): Promise<LedgerMismatch[]> {
    const rows = await queryRows<{
      store_id: string; variant_id: string; on_hand: number | null; ledger_sum: string | null; last_on_hand_after: number | null;
    }>(
      entityManagerOf(ctx, this.dataSource),
      `WITH ledger AS (
        SELECT store_id, variant_id, SUM(quantity) AS total FROM stock_movement GROUP BY store_id, variant_id
      ),
      latest AS (
        SELECT DISTINCT ON (store_id, variant_id) store_id, variant_id, on_hand_after
        FROM stock_movement ORDER BY store_id, variant_id, id DESC
      ),
      joined AS (
        SELECT COALESCE(s.store_id, g.store_id) AS store_id, COALESCE(s.variant_id, g.variant_id) AS variant_id,
               s.on_hand, g.total AS ledger_sum
        FROM stock_level s FULL JOIN ledger g ON g.store_id = s.store_id AND g.variant_id = s.variant_id
      )
      SELECT j.store_id, j.variant_id, j.on_hand, j.ledger_sum, t.on_hand_after AS last_on_hand_after
      FROM joined j LEFT JOIN latest t ON t.store_id = j.store_id AND t.variant_id = j.variant_id
      WHERE COALESCE(j.on_hand, 0) <> COALESCE(j.ledger_sum, 0)
         OR (t.on_hand_after IS NOT NULL AND t.on_hand_after IS DISTINCT FROM j.on_hand)
      ORDER BY j.store_id, j.variant_id
      LIMIT ${MAX_REPORTED}`,
      [],
    );
    return rows.map((row) => ({
      storeId: row.store_id,
      variantId: row.variant_id,
      onHand: row.on_hand,
      ledgerSum: Number(row.ledger_sum ?? 0),
      lastOnHandAfter: row.last_on_hand_after,
    }));
  }

  async reservedMismatches(ctx: RequestContext): Promise<ReservedMismatch[]> {
    const rows = await queryRows<{ store_id: string; variant_id: string; reserved: number | null; held: string | null }>(
      entityManagerOf(ctx, this.dataSource),
      `WITH held AS (
        SELECT r.store_id, l.variant_id, SUM(l.quantity) AS total
        FROM stock_reservation r JOIN stock_reservation_line l ON l.reservation_id = r.id
        WHERE r.state = 'ACTIVE'
        GROUP BY r.store_id, l.variant_id
      )
      SELECT COALESCE(s.store_id, h.store_id) AS store_id, COALESCE(s.variant_id, h.variant_id) AS variant_id,
             s.reserved, h.total AS held
      FROM stock_level s FULL JOIN held h ON h.store_id = s.store_id AND h.variant_id = s.variant_id
      WHERE COALESCE(s.reserved, 0) <> COALESCE(h.total, 0)
      ORDER BY 1, 2
      LIMIT ${MAX_REPORTED}`,
      [],
    );
    return rows.map((row) => ({
      storeId: row.store_id,
      variantId: row.variant_id,
      reserved: row.reserved,
      heldByActiveReservations: Number(row.held ?? 0),
    }));
  }
}
