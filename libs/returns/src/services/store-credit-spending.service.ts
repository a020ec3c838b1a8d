import { Injectable } from '@nestjs/common';
import { isErrorResult, Money, RequestContext } from '@omnitill/common';
import { OrderQueryService, OrderState, PaymentMethod } from '@omnitill/order';
import { ORDER_REFERENCE_TYPE } from '../entities/return.enums';
import { InsufficientStoreCreditError, NoStoreCreditTenderError } from '../errors/returns.errors';
import { ReturnRequestRepository } from '../repositories/return-request.repository';
import { StoreCreditBalance, StoreCreditService } from './store-credit.service';
import { requireTransaction } from './store-return.service';

/** How the order lib labels the exchange-credit tender of a replacement sale (ExchangeSaleService). */
export function exchangeCreditReference(returnNumber: string): string {
  return `exchange ${returnNumber}`;
}

/**
 * Settles the STORE_CREDIT tenders of a recorded POS sale from its customer's balance. The order
 * lib records the tender but does not debit anything (it has no hook for it yet), so the till calls
 * this right after recordSale. Idempotent per sale; a balance that does not cover the tender
 * answers InsufficientStoreCreditError and debits nothing (the till then voids or re-tenders).
 */
@Injectable()
export class StoreCreditSpendingService {
  constructor(
    private readonly queries: OrderQueryService,
    private readonly credits: StoreCreditService,
    private readonly requests: ReturnRequestRepository,
  ) {}

  async spendOnSale(ctx: RequestContext, orderId: string): Promise<StoreCreditBalance | InsufficientStoreCreditError | NoStoreCreditTenderError> {
    requireTransaction(ctx, 'spendStoreCredit');
    // Staff of the selling store only (NOT_FOUND for others), as for any read of the sale.
    const { order, payments } = await this.queries.getById(ctx, orderId);
    // The replacement sale of an exchange carries the returned goods' value as a STORE_CREDIT
    // tender: that value was never on the balance, so it is not debited from it.
    const exchange = await this.requests.findByExchangeOrder(ctx, order.id);
    const exchangeReference = exchange ? exchangeCreditReference(exchange.number) : null;
    const amount = payments
      .filter((payment) => payment.method === PaymentMethod.STORE_CREDIT && (exchangeReference === null || payment.externalReference !== exchangeReference))
      .reduce((sum, payment) => sum + payment.amount, 0);
    if (amount === 0) {
      return new NoStoreCreditTenderError();
    }
    if (order.customerId === null) {
      return new NoStoreCreditTenderError('The sale is not attached to a customer profile, so there is no balance to take the store credit from');
    }
    if (order.state !== OrderState.COMPLETED) {
      return new NoStoreCreditTenderError(`The sale is ${order.state}`);
    }
    const debited = await this.credits.debit(ctx, order.customerId, new Money(amount, order.currency), { type: ORDER_REFERENCE_TYPE, id: order.id });
    if (isErrorResult(debited)) {
      return debited;
    }
    return this.credits.balanceOf(ctx, order.customerId);
  }
}
