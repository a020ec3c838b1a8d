import { Injectable } from '@nestjs/common';
import { Clock, ForbiddenException, RequestContext, TransactionRunner } from '@omnitill/common';
import { StoreEntity, StoreService } from '@omnitill/store';
import { Receipt } from '../receipts/receipt';
import { OrderDetails, OrderRepository } from '../repositories/order.repository';
import { writeOnce } from './idempotent-write';
import { PosSaleRecorder, SaleRefusal, SaleRequest, Till } from './pos-sale.recorder';
import { ReceiptService } from './receipt.service';

export interface RecordedSale {
  readonly details: OrderDetails;
  readonly receipt: Receipt;
  /** True when this clientSaleId was recorded before and this is the original sale. */
  readonly replayed: boolean;
  readonly notices: string[];
}

export type RecordSaleOutcome = RecordedSale | SaleRefusal;

/**
 * Records till sales exactly once per (terminal, clientSaleId): a retry, a concurrent duplicate or
 * an offline till syncing days later gets the original sale back and changes nothing. The store is
 * the terminal's, from the session; the sale keeps the time it happened at the till.
 */
@Injectable()
export class PosSaleService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly orders: OrderRepository,
    private readonly recorder: PosSaleRecorder,
    private readonly stores: StoreService,
    private readonly receipts: ReceiptService,
    private readonly clock: Clock,
  ) {}

  async recordSale(ctx: RequestContext, request: SaleRequest): Promise<RecordSaleOutcome> {
    const till = tillOf(ctx);
    const now = this.clock.now();
    // The till's store (code, time zone, tax) as read at most a few seconds ago: one query less per sale.
    const store = await this.stores.getRecent(ctx, till.storeId);
    const replay = () => this.replay(ctx, till, store, request.clientSaleId);
    const outcome = await writeOnce(this.transactions, ctx, (tx) => this.recorder.record(tx, till, store, request, now), replay);
    if ('receipt' in outcome) {
      return outcome;
    }
    if ('details' in outcome) {
      return { details: outcome.details, receipt: this.receipts.build(outcome.details, store), replayed: false, notices: outcome.notices };
    }
    return outcome;
  }

  private async replay(ctx: RequestContext, till: Till, store: StoreEntity, clientSaleId: string): Promise<RecordedSale> {
    const id = await this.orders.findIdByClientSale(ctx, till.terminalId, clientSaleId.toLowerCase());
    const [details] = id ? await this.orders.loadDetails(ctx, [id]) : [];
    if (!details) {
      throw new Error(`sale ${clientSaleId} of terminal ${till.terminalId} was recorded but cannot be read back`);
    }
    return { details, receipt: this.receipts.build(details, store), replayed: true, notices: [] };
  }
}

/** Sales are recorded on a terminal session only; its store is the only store it sells for. */
export function tillOf(ctx: RequestContext): Till {
  const staff = ctx.staff;
  if (!staff?.terminalId || !staff.terminalStoreId) {
    throw new ForbiddenException('Sales are recorded on a POS terminal session (terminalLogin)');
  }
  return { terminalId: staff.terminalId, storeId: staff.terminalStoreId };
}
