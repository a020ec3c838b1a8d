import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { BadInputException, Clock, isErrorResult, NotFoundException, Page, RequestContext } from '@omnitill/common';
import { TransferWithLines } from '../entities/stock-transfer.entity';
import { StockMovementType, StockTransferState } from '../entities/stock.enums';
import { InsufficientStockError, StoreHoldsNoStockError, TransferNotInTransitError } from '../errors/inventory.errors';
import { StockLedgerRepository } from '../repositories/stock-ledger.repository';
import { StockLevelRepository } from '../repositories/stock-level.repository';
import { TransferRepository } from '../repositories/transfer.repository';
import { availabilityBeforeOwnChange } from '../rules/availability';
import { assertLineQuantities, mergeStockLines, StockLine } from '../rules/stock-lines';
import { requireTransaction } from './require-transaction';
import { StockTargetService } from './stock-target.service';

export interface TransferRequest {
  readonly fromStoreId: string;
  readonly toStoreId: string;
  readonly lines: readonly StockLine[];
}

const TRANSFER_REFERENCE = 'STOCK_TRANSFER';

/**
 * Moving stock between stores: TRANSFER_OUT at the source at once (only what is available), the
 * transfer IN_TRANSIT, then TRANSFER_IN at the destination when its staff receive it. Cancelling a
 * transfer in transit puts the units back at the source.
 */
@Injectable()
export class StockTransferService {
  constructor(
    private readonly targets: StockTargetService,
    private readonly transfers: TransferRepository,
    private readonly ledger: StockLedgerRepository,
    private readonly levels: StockLevelRepository,
    private readonly clock: Clock,
  ) {}

  async send(ctx: RequestContext, request: TransferRequest): Promise<TransferWithLines | InsufficientStockError | StoreHoldsNoStockError> {
    ctx.assertCanActInStore(request.fromStoreId);
    requireTransaction(ctx, 'transferStock');
    if (request.fromStoreId.toLowerCase() === request.toStoreId.toLowerCase()) {
      throw new BadInputException('A transfer needs two different stores', [{ field: 'toStoreId', messages: ['must differ from fromStoreId'] }]);
    }
    const lines = mergeStockLines(request.lines);
    assertLineQuantities(lines);
    const source = await this.targets.stockingStore(ctx, request.fromStoreId, lines.map((l) => l.variantId));
    if (isErrorResult(source)) {
      return source;
    }
    const destination = await this.targets.getStore(ctx, request.toStoreId);
    if (!destination.holdsStock) {
      return new StoreHoldsNoStockError(destination.id);
    }
    const id = randomUUID();
    const now = this.clock.now();
    const movements = await this.ledger.removeAvailable(ctx, source.id, lines, StockMovementType.TRANSFER_OUT, {
      actor: ctx.actorLabel,
      occurredAt: now,
      referenceType: TRANSFER_REFERENCE,
      referenceId: id,
    });
    if (movements.length < lines.length) {
      // The caller's transaction rolls back on this result, undoing the lines that did go out.
      const figures = await this.levels.findFigures(ctx, source.id, lines.map((l) => l.variantId));
      const removed = new Set(movements.map((m) => m.variantId));
      return new InsufficientStockError(source.id, availabilityBeforeOwnChange(lines, figures, { kind: 'REMOVED', variantIds: removed }));
    }
    return this.transfers.insert(ctx, { id, fromStoreId: source.id, toStoreId: destination.id, createdBy: ctx.actorLabel, createdAt: now }, lines);
  }

  async receive(ctx: RequestContext, transferId: string): Promise<TransferWithLines | TransferNotInTransitError> {
    requireTransaction(ctx, 'receiveTransfer');
    const transfer = await this.getForUpdate(ctx, transferId);
    ctx.assertCanActInStore(transfer.toStoreId);
    if (transfer.state !== StockTransferState.IN_TRANSIT) {
      return new TransferNotInTransitError(transfer.id, transfer.state);
    }
    const now = this.clock.now();
    await this.ledger.applyEntries(
      ctx,
      transfer.toStoreId,
      transfer.lines.map((line) => ({ variantId: line.variantId, type: StockMovementType.TRANSFER_IN, quantity: line.quantity })),
      { actor: ctx.actorLabel, occurredAt: now, referenceType: TRANSFER_REFERENCE, referenceId: transfer.id },
    );
    return this.transfers.save(ctx, Object.assign(transfer, { state: StockTransferState.RECEIVED, receivedAt: now, receivedBy: ctx.actorLabel }));
  }

  /** Staff of the source call a transfer back while it is in transit: the units return to the source. */
  async cancel(ctx: RequestContext, transferId: string): Promise<TransferWithLines | TransferNotInTransitError> {
    requireTransaction(ctx, 'cancelTransfer');
    const transfer = await this.getForUpdate(ctx, transferId);
    ctx.assertCanActInStore(transfer.fromStoreId);
    if (transfer.state !== StockTransferState.IN_TRANSIT) {
      return new TransferNotInTransitError(transfer.id, transfer.state);
    }
    const now = this.clock.now();
    await this.ledger.applyEntries(
      ctx,
      transfer.fromStoreId,
      transfer.lines.map((line) => ({ variantId: line.variantId, type: StockMovementType.TRANSFER_IN, quantity: line.quantity })),
      { actor: ctx.actorLabel, occurredAt: now, reason: 'transfer cancelled', referenceType: TRANSFER_REFERENCE, referenceId: transfer.id },
    );
    return this.transfers.save(ctx, Object.assign(transfer, { state: StockTransferState.CANCELLED, cancelledAt: now }));
  }

  async listForStore(
    ctx: RequestContext,
    storeId: string,
    state: StockTransferState | undefined,
    skip: number,
    take: number,
  ): Promise<Page<TransferWithLines>> {
    ctx.assertCanActInStore(storeId);
    await this.targets.getStore(ctx, storeId);
    return this.transfers.listForStore(ctx, storeId, state, skip, take);
  }

  private async getForUpdate(ctx: RequestContext, transferId: string): Promise<TransferWithLines> {
    const transfer = await this.transfers.findForUpdate(ctx, transferId);
    if (!transfer) {
      throw new NotFoundException('StockTransfer', transferId);
    }
    return transfer;
  }
}
