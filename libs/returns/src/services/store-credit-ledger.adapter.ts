import { Injectable } from '@nestjs/common';
import { Money, RequestContext } from '@omnitill/common';
import { InsufficientStoreCreditError, ORDER_REFERENCE_TYPE, OrderHoldingCredit, StoreCreditLedger } from '@omnitill/order';
import { StoreCreditRepository } from '../repositories/store-credit.repository';
import { StoreCreditService } from './store-credit.service';

/**
 * The order lib's door to store credit: sales and online orders spend it inside their own
 * transaction (a STORE_CREDIT tender), and give it back when they are cancelled, voided or expire.
 */
@Injectable()
export class StoreCreditLedgerAdapter implements StoreCreditLedger {
  constructor(
    private readonly credits: StoreCreditService,
    private readonly entries: StoreCreditRepository,
  ) {}

  async debitForOrder(tx: RequestContext, customerId: string, amount: Money, orderId: string): Promise<InsufficientStoreCreditError | null> {
    const result = await this.credits.debit(tx, customerId, amount, { type: ORDER_REFERENCE_TYPE, id: orderId });
    return result instanceof InsufficientStoreCreditError ? result : null;
  }

  async restoreForOrders(tx: RequestContext, orders: readonly OrderHoldingCredit[]): Promise<Map<string, number>> {
    const debited = await this.entries.debitedForOrders(tx, orders.map((order) => order.id));
    const restored = new Map<string, number>();
    for (const order of orders) {
      const debit = debited.get(order.id);
      if (!debit || debit.amount <= 0 || order.customerId === null) {
        continue;
      }
      await this.credits.credit(tx, order.customerId, new Money(debit.amount, debit.currency), { type: ORDER_REFERENCE_TYPE, id: order.id });
      restored.set(order.id, debit.amount);
    }
    return restored;
  }
}
