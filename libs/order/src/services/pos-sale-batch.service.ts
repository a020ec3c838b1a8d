import { Injectable } from '@nestjs/common';
import { DomainException, ErrorCode, RequestContext } from '@omnitill/common';
import { InvalidSaleError } from '../errors/sale-batch.errors';
import { SaleRequest } from './pos-sale.recorder';
import { PosSaleService, RecordSaleOutcome, tillOf } from './pos-sale.service';

/** Most sales one batch call may carry: a day offline at a busy till, answered within seconds. */
export const MAX_SALES_PER_BATCH = 500;

export interface BatchedSaleOutcome {
  readonly clientSaleId: string;
  readonly outcome: RecordSaleOutcome | InvalidSaleError;
}

/**
 * An offline till's queue, uploaded in one call. Sales are recorded one by one in the queue's order
 * (the till's own order, so order numbers follow it), each in its own transaction through the same
 * idempotent path as `recordSale`: a sale refused or invalid does not stop the rest, and a batch
 * sent again (the answer was lost) replays every recorded sale and changes nothing. A failure that
 * is not about one sale (the database went away) fails the call; what was recorded before it stays
 * recorded, and the till simply sends the whole batch again.
 */
@Injectable()
export class PosSaleBatchService {
  constructor(private readonly sales: PosSaleService) {}

  async recordSales(ctx: RequestContext, requests: readonly SaleRequest[]): Promise<BatchedSaleOutcome[]> {
    tillOf(ctx);
    const outcomes: BatchedSaleOutcome[] = [];
    for (const request of requests) {
      outcomes.push({ clientSaleId: request.clientSaleId, outcome: await this.recordOne(ctx, request) });
    }
    return outcomes;
  }

  private async recordOne(ctx: RequestContext, request: SaleRequest): Promise<RecordSaleOutcome | InvalidSaleError> {
    try {
      return await this.sales.recordSale(ctx, request);
    } catch (error) {
      // Bad input about this one sale (e.g. occurredAt outside the sync window) is its answer alone.
      if (error instanceof DomainException && error.code === ErrorCode.BAD_USER_INPUT) {
        return new InvalidSaleError(error.message, error.fields);
      }
      throw error;
    }
  }
}
