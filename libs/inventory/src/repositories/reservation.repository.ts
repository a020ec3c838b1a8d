import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { entityManagerOf, findPrepared, queryPrepared, queryRows, RequestContext } from '@omnitill/common';
import { ReservationEntity, StockReservationEntity, StockReservationLineEntity } from '../entities/stock-reservation.entity';
import { StockReservationState } from '../entities/stock.enums';
import { StockLine } from '../rules/stock-lines';

export type ReservationInsert = Pick<StockReservationEntity, 'id' | 'storeId' | 'referenceType' | 'referenceId' | 'expiresAt' | 'createdBy' | 'createdAt'>;

@Injectable()
export class ReservationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The reservation and its lines in ONE prepared statement (every pickup and ship order writes one). */
  async insert(ctx: RequestContext, reservation: ReservationInsert, lines: readonly StockLine[]): Promise<ReservationEntity> {
    await queryPrepared(
      entityManagerOf(ctx, this.dataSource),
      `WITH reservation AS (
        INSERT INTO stock_reservation (id, store_id, reference_type, reference_id, state, expires_at, created_by, release_reason, created_at, updated_at)
        VALUES ($1, $2, $3, $4, 'ACTIVE', $5, $6, NULL, $7, $7)
        RETURNING id
      )
      INSERT INTO stock_reservation_line (reservation_id, variant_id, quantity)
      SELECT reservation.id, l.variant_id, l.quantity FROM reservation, unnest($8::uuid[], $9::int[]) AS l(variant_id, quantity)`,
      [
        reservation.id, reservation.storeId, reservation.referenceType, reservation.referenceId, reservation.expiresAt,
        reservation.createdBy, reservation.createdAt, lines.map((line) => line.variantId), lines.map((line) => line.quantity),
      ],
    );
    const entity = Object.assign(new StockReservationEntity(), {
      ...reservation,
      state: StockReservationState.ACTIVE,
      releaseReason: null,
      updatedAt: reservation.createdAt,
    });
    const lineEntities = lines.map((line) =>
      Object.assign(new StockReservationLineEntity(), { reservationId: reservation.id, variantId: line.variantId, quantity: line.quantity }));
    return Object.assign(entity, { lines: lineEntities });
  }

  /** Locks the reservation row (a commit, a release and the sweeper never act on it at once). */
  async findForUpdate(ctx: RequestContext, id: string): Promise<ReservationEntity | null> {
    return this.withLines(ctx, id, true);
  }

  async findById(ctx: RequestContext, id: string): Promise<ReservationEntity | null> {
    return this.withLines(ctx, id, false);
  }

  async close(ctx: RequestContext, reservation: ReservationEntity, state: StockReservationState, at: Date, reason: string | null): Promise<ReservationEntity> {
    await queryPrepared(
      entityManagerOf(ctx, this.dataSource),
      'UPDATE stock_reservation SET state = $2, updated_at = $3, release_reason = $4 WHERE id = $1',
      [reservation.id, state, at, reason],
    );
    return Object.assign(reservation, { state, updatedAt: at, releaseReason: reason });
  }

  /**
   * Marks up to `limit` lapsed ACTIVE reservations EXPIRED and returns their ids. SKIP LOCKED: rows
   * another sweeper (or a commit/release) holds are left to it, so replicas never double-release.
   */
  async expireLapsed(ctx: RequestContext, now: Date, limit: number): Promise<string[]> {
    const rows = await queryRows<{ id: string }>(
      entityManagerOf(ctx, this.dataSource),
      `WITH lapsed AS MATERIALIZED (
        SELECT id FROM stock_reservation
        WHERE state = 'ACTIVE' AND expires_at <= $1
        ORDER BY expires_at, id
        LIMIT $2
        FOR UPDATE SKIP LOCKED
      ),
      expired AS (
        UPDATE stock_reservation r SET state = 'EXPIRED', release_reason = 'expired', updated_at = $1
        FROM lapsed WHERE r.id = lapsed.id
        RETURNING r.id
      )
      SELECT id FROM expired`,
      [now, limit],
    );
    return rows.map((row) => row.id);
  }

  /** The reservation (locked until commit when `forUpdate`) and its lines: two prepared statements. */
  private async withLines(ctx: RequestContext, id: string, forUpdate: boolean): Promise<ReservationEntity | null> {
    const manager = entityManagerOf(ctx, this.dataSource);
    const [reservation] = await findPrepared(manager, StockReservationEntity, 'id = $1', [id], { forUpdate });
    if (!reservation) {
      return null;
    }
    const lines = await findPrepared(manager, StockReservationLineEntity, 'reservation_id = $1', [id], { orderBy: 'variant_id' });
    return Object.assign(reservation, { lines });
  }
}
