import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditAction, AuditTrail, BadInputException, Clock, isErrorResult, RequestContext } from '@omnitill/common';
import { StockMovementEntity } from '../entities/stock-movement.entity';
import { StockMovementType } from '../entities/stock.enums';
import { StoreHoldsNoStockError } from '../errors/inventory.errors';
import { StockLedgerRepository } from '../repositories/stock-ledger.repository';
import { StockLevelRepository, StockLevelView, StockSettingsChange } from '../repositories/stock-level.repository';
import { assertLineQuantities, firstDuplicateVariant, MAX_COUNTED_QUANTITY, mergeStockLines, StockLine } from '../rules/stock-lines';
import { requireTransaction } from './require-transaction';
import { StockTargetService } from './stock-target.service';

/** What a stock operation changed: the levels as they are now, and the movements written. */
export interface StockChange {
  readonly storeId: string;
  readonly levels: StockLevelView[];
  readonly movements: StockMovementEntity[];
}

export interface ReceiptRequest {
  readonly storeId: string;
  readonly lines: readonly StockLine[];
  /** Delivery note or supplier reference. */
  readonly reference?: string | null;
}

export interface AdjustmentRequest {
  readonly storeId: string;
  readonly variantId: string;
  readonly quantityDelta: number;
  readonly reason: string;
}

export interface CountRequest {
  readonly storeId: string;
  /** `quantity` is what was counted. */
  readonly lines: readonly StockLine[];
}

export interface StockSettingsRequest extends StockSettingsChange {
  readonly storeId: string;
  readonly variantId: string;
}

/** On hand per variant before and after these movements (for the audit trail). */
function onHandChange(movements: readonly StockMovementEntity[]): { before: { onHand: Record<string, number> }; after: { onHand: Record<string, number> } } {
  const before: Record<string, number> = {};
  const after: Record<string, number> = {};
  for (const movement of movements) {
    before[movement.variantId] ??= movement.onHandAfter - movement.quantity;
    after[movement.variantId] = movement.onHandAfter;
  }
  return { before: { onHand: before }, after: { onHand: after } };
}

/**
 * What store managers do to their stock: receive deliveries, adjust with a reason, record cycle
 * counts and tune safety stock and low-stock thresholds. Staff act only in their own stores.
 */
@Injectable()
export class StockManagementService {
  constructor(
    private readonly targets: StockTargetService,
    private readonly ledger: StockLedgerRepository,
    private readonly levels: StockLevelRepository,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
  ) {}

  async receive(ctx: RequestContext, request: ReceiptRequest): Promise<StockChange | StoreHoldsNoStockError> {
    ctx.assertCanActInStore(request.storeId);
    const lines = mergeStockLines(request.lines);
    assertLineQuantities(lines);
    const store = await this.targets.stockingStore(ctx, request.storeId, lines.map((l) => l.variantId));
    if (isErrorResult(store)) {
      return store;
    }
    const movements = await this.ledger.applyEntries(
      ctx,
      store.id,
      lines.map((line) => ({ variantId: line.variantId, type: StockMovementType.RECEIPT, quantity: line.quantity })),
      {
        actor: ctx.actorLabel,
        occurredAt: this.clock.now(),
        referenceType: request.reference ? 'DELIVERY' : null,
        referenceId: request.reference ?? null,
      },
    );
    return this.changeOf(ctx, store.id, movements);
  }

  async adjust(ctx: RequestContext, request: AdjustmentRequest): Promise<StockChange | StoreHoldsNoStockError> {
    ctx.assertCanActInStore(request.storeId);
    if (!Number.isInteger(request.quantityDelta) || request.quantityDelta === 0) {
      throw new BadInputException('quantityDelta must be a non-zero integer', [{ field: 'quantityDelta', messages: ['must not be 0'] }]);
    }
    const variantId = request.variantId.toLowerCase();
    const store = await this.targets.stockingStore(ctx, request.storeId, [variantId]);
    if (isErrorResult(store)) {
      return store;
    }
    const movements = await this.ledger.applyEntries(
      ctx,
      store.id,
      [{ variantId, type: StockMovementType.ADJUSTMENT, quantity: request.quantityDelta, reason: request.reason.trim() }],
      { actor: ctx.actorLabel, occurredAt: this.clock.now() },
    );
    await this.audit.record(ctx, {
      action: AuditAction.STOCK_ADJUSTMENT, subjectType: 'variant', subjectId: variantId, storeId: store.id, reason: request.reason.trim(),
      ...onHandChange(movements),
    });
    return this.changeOf(ctx, store.id, movements);
  }

  /** Sets on hand to what was counted; the differences become COUNT_CORRECTION movements. */
  async recordCount(ctx: RequestContext, request: CountRequest): Promise<StockChange | StoreHoldsNoStockError> {
    ctx.assertCanActInStore(request.storeId);
    requireTransaction(ctx, 'recordCount');
    const duplicate = firstDuplicateVariant(request.lines.map((l) => l.variantId));
    if (duplicate) {
      throw new BadInputException(`Variant ${duplicate} is counted twice`, [{ field: 'lines', messages: ['each variant once'] }]);
    }
    const counts = mergeStockLines(request.lines);
    if (counts.some((c) => !Number.isInteger(c.quantity) || c.quantity < 0 || c.quantity > MAX_COUNTED_QUANTITY)) {
      throw new BadInputException(`Counted quantities must be integers from 0 to ${MAX_COUNTED_QUANTITY}`);
    }
    const store = await this.targets.stockingStore(ctx, request.storeId, counts.map((c) => c.variantId));
    if (isErrorResult(store)) {
      return store;
    }
    const countId = randomUUID();
    const movements = await this.ledger.recordCount(ctx, store.id, counts, {
      actor: ctx.actorLabel,
      occurredAt: this.clock.now(),
      referenceType: 'STOCK_COUNT',
      referenceId: countId,
    });
    await this.audit.record(ctx, {
      action: AuditAction.STOCK_COUNT, subjectType: 'stock_count', subjectId: countId, storeId: store.id,
      ...onHandChange(movements), after: { ...onHandChange(movements).after, counted: counts.map((c) => ({ variantId: c.variantId, quantity: c.quantity })) },
    });
    return { storeId: store.id, levels: await this.levels.findViews(ctx, store.id, counts.map((c) => c.variantId)), movements };
  }

  async updateSettings(ctx: RequestContext, request: StockSettingsRequest): Promise<StockLevelView | StoreHoldsNoStockError> {
    ctx.assertCanActInStore(request.storeId);
    const variantId = request.variantId.toLowerCase();
    const store = await this.targets.stockingStore(ctx, request.storeId, [variantId]);
    if (isErrorResult(store)) {
      return store;
    }
    await this.levels.upsertSettings(ctx, store.id, variantId, request, this.clock.now());
    const [level] = await this.levels.findViews(ctx, store.id, [variantId]);
    return level;
  }

  private async changeOf(ctx: RequestContext, storeId: string, movements: StockMovementEntity[]): Promise<StockChange> {
    const variantIds = [...new Set(movements.map((m) => m.variantId))];
    return { storeId, levels: await this.levels.findViews(ctx, storeId, variantIds), movements };
  }
}
