import { Injectable } from '@nestjs/common';
import { BadInputException, Clock, NotFoundException, RequestContext } from '@omnitill/common';
import { StockMovementEntity } from '../entities/stock-movement.entity';
import { StockMovementType } from '../entities/stock.enums';
import { LedgerEntry, ledgerEntriesPart, LedgerStatementPart, MovementContext, StockLedgerRepository } from '../repositories/stock-ledger.repository';
import { movementQuantityProblem } from '../rules/movement-direction';
import { assertLineQuantities, MAX_LINE_QUANTITY, MAX_LINES, mergeStockLines, StockLine } from '../rules/stock-lines';

export interface SaleRecord {
  readonly storeId: string;
  /** Units sold per variant (positive). */
  readonly lines: readonly StockLine[];
  readonly referenceType: string;
  readonly referenceId: string;
  /** When the till sold it (an offline terminal syncs later). */
  readonly occurredAt: Date;
}

export interface MovementRequest {
  readonly variantId: string;
  readonly type: StockMovementType;
  /** Signed: RETURN_RESTOCK positive, DAMAGE negative... (see MOVEMENT_DIRECTION). */
  readonly quantity: number;
  readonly reason?: string | null;
  readonly referenceType?: string | null;
  readonly referenceId?: string | null;
}

const FOREIGN_KEY_VIOLATION = '23503';

/**
 * Writes to the ledger for other libs (POS sales, returns, write-offs). One statement per call:
 * levels and movements change together, levels are created on first use and flagged for a
 * recount when on hand goes negative. A sale never waits for, or is refused by, a stale count.
 */
@Injectable()
export class StockLedgerService {
  constructor(
    private readonly ledger: StockLedgerRepository,
    private readonly clock: Clock,
  ) {}

  /** Decrements on hand for a POS sale, one SALE movement per variant. */
  async recordSale(ctx: RequestContext, sale: SaleRecord): Promise<StockMovementEntity[]> {
    const { entries, meta } = this.saleEntries(ctx, sale);
    return this.write(ctx, sale.storeId, entries, meta);
  }

  /**
   * The same writes as recordSale, as CTEs for the caller's own statement (parameters from
   * `firstParam`): the till sale writes its stock and its order in one round trip. The caller's
   * statement should read `written` before taking locks of its own, so every sale locks stock
   * levels first, as recordSale's callers do.
   */
  saleInStatement(ctx: RequestContext, sale: SaleRecord, firstParam: number): LedgerStatementPart {
    const { entries, meta } = this.saleEntries(ctx, sale);
    return ledgerEntriesPart(sale.storeId, entries, meta, firstParam);
  }

  private saleEntries(ctx: RequestContext, sale: SaleRecord): { entries: LedgerEntry[]; meta: MovementContext } {
    const lines = mergeStockLines(sale.lines);
    assertLineQuantities(lines, MAX_LINE_QUANTITY * MAX_LINES);
    return {
      entries: lines.map((line) => ({ variantId: line.variantId, type: StockMovementType.SALE, quantity: -line.quantity })),
      meta: { actor: ctx.actorLabel, occurredAt: sale.occurredAt, referenceType: sale.referenceType, referenceId: sale.referenceId },
    };
  }

  /** Appends movements of any type whose sign matches it (RETURN_RESTOCK in, DAMAGE out...). */
  async applyMovements(ctx: RequestContext, storeId: string, movements: readonly MovementRequest[]): Promise<StockMovementEntity[]> {
    if (movements.length === 0 || movements.length > MAX_LINES) {
      throw new BadInputException(`Between 1 and ${MAX_LINES} movements are required`);
    }
    for (const movement of movements) {
      const problem = movementQuantityProblem(movement.type, movement.quantity);
      if (problem !== null || Math.abs(movement.quantity) > MAX_LINE_QUANTITY) {
        throw new BadInputException(problem ?? `Quantity must be at most ${MAX_LINE_QUANTITY}`);
      }
    }
    const entries = movements.map((movement) => ({ ...movement, variantId: movement.variantId.toLowerCase() }));
    return this.write(ctx, storeId, entries, { actor: ctx.actorLabel, occurredAt: this.clock.now() });
  }

  private async write(
    ctx: RequestContext,
    storeId: string,
    entries: readonly LedgerEntry[],
    meta: MovementContext,
  ): Promise<StockMovementEntity[]> {
    try {
      return await this.ledger.applyEntries(ctx, storeId, entries, meta);
    } catch (error) {
      // No upfront look-up on this path: the foreign keys tell us about an unknown store or variant.
      const driverError = (error as { driverError?: { code?: string } }).driverError;
      if (driverError?.code === FOREIGN_KEY_VIOLATION) {
        throw new NotFoundException('Store or product variant');
      }
      throw error;
    }
  }
}
