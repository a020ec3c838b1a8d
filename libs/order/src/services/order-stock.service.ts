import { Injectable, Logger } from '@nestjs/common';
import { RequestContext } from '@omnitill/common';
import {
  AvailabilityService, InsufficientStockError, InventoryReservationService, LedgerStatementPart, ReservationEntity, ReservationExpiredError,
  ReservationNotActiveError, StockLedgerService, StockLine, StockMovementType,
} from '@omnitill/inventory';
import { StoreEntity } from '@omnitill/store';
import { ORDER_REFERENCE_TYPE } from '../entities/order.enums';

/** Nearby stores offered when a basket cannot be reserved where the shopper asked. */
export const MAX_ALTERNATIVE_STORES = 5;

/** The order lib's one door to inventory: holds, settlements and sale movements, all referenced to the order. */
@Injectable()
export class OrderStockService {
  private readonly logger = new Logger(OrderStockService.name);

  constructor(
    private readonly reservations: InventoryReservationService,
    private readonly availability: AvailabilityService,
    private readonly ledger: StockLedgerService,
  ) {}

  /**
   * Reserves the whole basket at the store, or nothing. When it cannot, the error lists per line
   * what is available and the nearest pickup stores that have the whole basket.
   */
  async reserve(ctx: RequestContext, store: StoreEntity, orderId: string, lines: readonly StockLine[], expiresAt: Date): Promise<ReservationEntity | InsufficientStockError> {
    const result = await this.reservations.reserve(ctx, { storeId: store.id, lines, expiresAt, referenceType: ORDER_REFERENCE_TYPE, referenceId: orderId });
    if (!(result instanceof InsufficientStockError)) {
      return result;
    }
    const nearby = await this.availability.nearbyPickupStores(ctx, lines, store.latitude, store.longitude, MAX_ALTERNATIVE_STORES + 1);
    return result.withAlternatives(nearby.filter((option) => option.storeId !== store.id).slice(0, MAX_ALTERNATIVE_STORES));
  }

  /** Gives the held units back. A hold already settled or lapsed (the inventory sweeper) is left as it is. */
  async release(ctx: RequestContext, reservationId: string | null, reason: string): Promise<void> {
    if (reservationId === null) {
      return;
    }
    const result = await this.reservations.release(ctx, reservationId, reason);
    if (result instanceof ReservationNotActiveError) {
      this.logger.warn(`reservation ${reservationId} was already ${result.state} when releasing (${reason})`);
    }
  }

  /** Turns the hold into PICKUP or SALE movements; `quantities` (per variant) hands over less, releasing the rest. */
  async commit(
    ctx: RequestContext,
    reservationId: string,
    movementType: StockMovementType.PICKUP | StockMovementType.SALE,
    quantities?: readonly StockLine[],
  ): Promise<ReservationNotActiveError | ReservationExpiredError | null> {
    const result = await this.reservations.commit(ctx, reservationId, { movementType, quantities });
    return result instanceof ReservationNotActiveError || result instanceof ReservationExpiredError ? result : null;
  }

  /**
   * A till sale's SALE movements at the time it happened, as CTEs for the order's own insert (one
   * round trip for both; see OrderRepository.insertNumbered). Never refused for a stale count.
   */
  saleInStatement(ctx: RequestContext, storeId: string, orderId: string, lines: readonly StockLine[], occurredAt: Date): (firstParam: number) => LedgerStatementPart {
    return (firstParam) => this.ledger.saleInStatement(ctx, { storeId, lines, occurredAt, referenceType: ORDER_REFERENCE_TYPE, referenceId: orderId }, firstParam);
  }

  /** A voided sale's units go back on the shelf as ADJUSTMENT movements with reason "void". */
  async restoreVoidedSale(ctx: RequestContext, storeId: string, orderId: string, lines: readonly StockLine[]): Promise<void> {
    await this.ledger.applyMovements(
      ctx,
      storeId,
      lines.map((line) => ({
        variantId: line.variantId,
        type: StockMovementType.ADJUSTMENT,
        quantity: line.quantity,
        reason: 'void',
        referenceType: ORDER_REFERENCE_TYPE,
        referenceId: orderId,
      })),
    );
  }
}
