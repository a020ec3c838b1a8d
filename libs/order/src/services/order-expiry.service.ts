import { Inject, Injectable } from '@nestjs/common';
import { Clock, RequestContext, TransactionRunner } from '@omnitill/common';
import { ORDER_OPTIONS, OrderOptions } from '../order.options';
import { StoreCreditTender } from '../ports/store-credit.ledger';
import { OrderStateRepository } from '../repositories/order-state.repository';
import { OrderEventsService } from './order-events.service';
import { OrderStockService } from './order-stock.service';

/**
 * Expires open pickup and ship orders whose hold lapsed (ready orders not collected within the
 * store's hold period; orders never made ready or shipped when their reservation runs out) and
 * releases their stock. One transaction per batch; safe on several replicas (SKIP LOCKED).
 */
@Injectable()
export class OrderExpiryService {
  constructor(
    private readonly states: OrderStateRepository,
    private readonly stock: OrderStockService,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    @Inject(ORDER_OPTIONS) private readonly options: OrderOptions,
    private readonly events: OrderEventsService,
    private readonly storeCredit: StoreCreditTender,
  ) {}

  /** Expires every order lapsed by now; returns how many. */
  async expireLapsed(ctx: RequestContext, shouldStop: () => boolean = () => false): Promise<number> {
    const now = this.clock.now();
    let total = 0;
    for (;;) {
      const { claimed, expired } = await this.transactions.run(ctx, async (tx) => {
        const candidates = await this.states.claimLapsed(tx, now, this.options.expiryBatchSize);
        for (const candidate of candidates) {
          await this.stock.release(tx, candidate.reservationId, `order ${candidate.id} expired`);
        }
        const expired = await this.states.expire(tx, candidates, tx.actorLabel, now);
        if (expired.length > 0) {
          // Store credit spent on them goes back to the balance; the rest is owed to the payment provider.
          const orders = await this.states.findByIds(tx, expired);
          const restored = await this.storeCredit.restore(tx, orders);
          await this.states.reduceRefundDue(tx, restored);
          for (const order of orders) {
            order.refundDueAmount -= restored.get(order.id) ?? 0;
          }
          await this.events.record(tx, 'order.expired', orders, { reason: 'not collected within the hold period' });
        }
        return { claimed: candidates.length, expired: expired.length };
      });
      total += expired;
      if (claimed < this.options.expiryBatchSize || shouldStop()) {
        return total;
      }
    }
  }
}
