import { Injectable } from '@nestjs/common';
import { BadInputException, Clock, NotFoundException, RequestContext, timeOrderedUuid } from '@omnitill/common';
import { ReservationEntity } from '../entities/stock-reservation.entity';
import { ReservationCommitMovement, StockReservationState } from '../entities/stock.enums';
import { InsufficientStockError, ReservationExpiredError, ReservationNotActiveError } from '../errors/inventory.errors';
import { ReservationRepository } from '../repositories/reservation.repository';
import { StockLedgerRepository } from '../repositories/stock-ledger.repository';
import { StockLevelRepository } from '../repositories/stock-level.repository';
import { availabilityBeforeOwnChange } from '../rules/availability';
import { planSettlement } from '../rules/settlement';
import { assertLineQuantities, mergeStockLines, StockLine } from '../rules/stock-lines';
import { requireTransaction } from './require-transaction';
import { StockTargetService } from './stock-target.service';

export interface ReservationRequest {
  readonly storeId: string;
  readonly lines: readonly StockLine[];
  readonly expiresAt: Date;
  /** What holds the units, e.g. ORDER + the order id. */
  readonly referenceType: string;
  readonly referenceId: string;
}

export interface CommitOptions {
  readonly movementType: ReservationCommitMovement;
  /** Units actually handed over per variant (0..reserved); omitted: everything reserved. The rest is released. */
  readonly quantities?: readonly StockLine[];
  /** Defaults to the reservation's own reference. */
  readonly referenceType?: string;
  readonly referenceId?: string;
}

const REFERENCE_TYPE = /^[A-Za-z0-9_.:-]{1,32}$/;
const MAX_REFERENCE_ID_LENGTH = 64;

type CommitError = ReservationNotActiveError | ReservationExpiredError;

/**
 * Holds for pickup and ship orders. `reserve` is all-or-nothing through ONE conditional UPDATE that
 * never takes more than is available; every method must run in the caller's transaction, which
 * must roll back when an ErrorResult comes back (`@Transaction()` and TransactionRunner do).
 */
@Injectable()
export class InventoryReservationService {
  constructor(
    private readonly targets: StockTargetService,
    private readonly reservations: ReservationRepository,
    private readonly levels: StockLevelRepository,
    private readonly ledger: StockLedgerRepository,
    private readonly clock: Clock,
  ) {}

  async reserve(ctx: RequestContext, request: ReservationRequest): Promise<ReservationEntity | InsufficientStockError> {
    requireTransaction(ctx, 'reserve');
    const lines = mergeStockLines(request.lines);
    assertLineQuantities(lines);
    assertReference(request.referenceType, request.referenceId);
    const now = this.clock.now();
    if (!(request.expiresAt.getTime() > now.getTime())) {
      throw new BadInputException('expiresAt must be in the future', [{ field: 'expiresAt', messages: ['must be in the future'] }]);
    }
    const store = await this.targets.getRecentStore(ctx, request.storeId);
    const held = await this.levels.reserve(ctx, store.id, lines, now);
    if (held.size < lines.length) {
      // An unknown variant has no level, so it is always short: checked here, off the happy path.
      await this.targets.assertVariantsExist(ctx, lines.map((l) => l.variantId));
      const figures = await this.levels.findFigures(ctx, store.id, lines.map((l) => l.variantId));
      return new InsufficientStockError(store.id, availabilityBeforeOwnChange(lines, figures, { kind: 'RESERVED', variantIds: held }));
    }
    return this.reservations.insert(
      ctx,
      {
        id: timeOrderedUuid(),
        storeId: store.id,
        referenceType: request.referenceType,
        referenceId: request.referenceId,
        expiresAt: request.expiresAt,
        createdBy: ctx.actorLabel,
        createdAt: now,
      },
      lines,
    );
  }

  /** Gives the held units back. Allowed while ACTIVE, even past expiry (the sweeper would do the same). */
  async release(ctx: RequestContext, reservationId: string, reason: string): Promise<ReservationEntity | ReservationNotActiveError> {
    requireTransaction(ctx, 'release');
    const reservation = await this.getForUpdate(ctx, reservationId);
    if (reservation.state !== StockReservationState.ACTIVE) {
      return new ReservationNotActiveError(reservation.id, reservation.state);
    }
    const now = this.clock.now();
    await this.levels.unreserve(ctx, reservation.storeId, reservation.lines, now);
    return this.reservations.close(ctx, reservation, StockReservationState.RELEASED, now, reason.slice(0, 200));
  }

  /** Turns held units into PICKUP/SALE movements (on hand − taken, reserved − held); the rest is released. */
  async commit(ctx: RequestContext, reservationId: string, options: CommitOptions): Promise<ReservationEntity | CommitError> {
    requireTransaction(ctx, 'commit');
    const reservation = await this.getForUpdate(ctx, reservationId);
    const now = this.clock.now();
    const refusal = commitRefusal(reservation, now);
    if (refusal) {
      return refusal;
    }
    const referenceType = options.referenceType ?? reservation.referenceType;
    const referenceId = options.referenceId ?? reservation.referenceId;
    assertReference(referenceType, referenceId);
    const settlement = planSettlement(reservation.lines, options.quantities);
    await this.ledger.settleReserved(ctx, reservation.storeId, settlement, options.movementType, {
      actor: ctx.actorLabel,
      occurredAt: now,
      referenceType,
      referenceId,
    });
    return this.reservations.close(ctx, reservation, StockReservationState.COMMITTED, now, null);
  }

  /**
   * Releases up to `batchSize` ACTIVE reservations lapsed at `now`; returns how many. Safe to run on
   * several replicas at once: each reservation is claimed by exactly one sweeper (SKIP LOCKED).
   */
  async expireLapsed(ctx: RequestContext, now: Date, batchSize: number): Promise<number> {
    requireTransaction(ctx, 'expireLapsed');
    const expired = await this.reservations.expireLapsed(ctx, now, batchSize);
    await this.levels.unreserveForReservations(ctx, expired, now);
    return expired.length;
  }

  async getById(ctx: RequestContext, reservationId: string): Promise<ReservationEntity> {
    const reservation = await this.reservations.findById(ctx, reservationId);
    if (!reservation) {
      throw new NotFoundException('StockReservation', reservationId);
    }
    return reservation;
  }

  private async getForUpdate(ctx: RequestContext, reservationId: string): Promise<ReservationEntity> {
    const reservation = await this.reservations.findForUpdate(ctx, reservationId);
    if (!reservation) {
      throw new NotFoundException('StockReservation', reservationId);
    }
    return reservation;
  }
}

/** Why a reservation cannot be committed now, or null. A lapsed hold is expired even before the sweeper runs. */
export function commitRefusal(reservation: Pick<ReservationEntity, 'id' | 'state' | 'expiresAt'>, now: Date): CommitError | null {
  switch (reservation.state) {
    case StockReservationState.ACTIVE:
      return reservation.expiresAt.getTime() <= now.getTime() ? new ReservationExpiredError(reservation.id, reservation.expiresAt) : null;
    case StockReservationState.EXPIRED:
      return new ReservationExpiredError(reservation.id, reservation.expiresAt);
    case StockReservationState.COMMITTED:
    case StockReservationState.RELEASED:
      return new ReservationNotActiveError(reservation.id, reservation.state);
  }
}

function assertReference(referenceType: string, referenceId: string): void {
  if (!REFERENCE_TYPE.test(referenceType)) {
    throw new BadInputException('referenceType must be 1-32 letters, digits, ".", "_", ":" or "-"', [{ field: 'referenceType', messages: ['invalid'] }]);
  }
  if (referenceId.length < 1 || referenceId.length > MAX_REFERENCE_ID_LENGTH) {
    throw new BadInputException(`referenceId must be 1-${MAX_REFERENCE_ID_LENGTH} characters`, [{ field: 'referenceId', messages: ['invalid length'] }]);
  }
}
