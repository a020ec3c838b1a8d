import { Injectable } from '@nestjs/common';
import { RequestContext, TransactionRunner } from '@omnitill/common';
import { ProjectedEvent, SaleLineProjectionRepository } from '../repositories/sale-line-projection.repository';

/**
 * Folds committed events into report_sale_line: the rows of every order they concern are replaced
 * from the order and return tables, in one transaction for the whole batch, and the events are
 * marked applied. Replacing (not adding deltas) makes it idempotent: a repeat, a late duplicate
 * or a second replica writes the same rows.
 */
@Injectable()
export class SaleLineProjector {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly projection: SaleLineProjectionRepository,
  ) {}

  /** Returns how many orders it rewrote. */
  apply(ctx: RequestContext, events: readonly ProjectedEvent[]): Promise<number> {
    if (events.length === 0) {
      return Promise.resolve(0);
    }
    return this.transactions.run(ctx, async (tx) => {
      const orderIds = await this.projection.ordersOf(tx, events);
      if (orderIds.length > 0) {
        await this.projection.lockOrders(tx, orderIds);
        await this.projection.replaceOrders(tx, orderIds);
      }
      await this.projection.markApplied(tx, events);
      return orderIds.length;
    });
  }
}
