import { Injectable } from '@nestjs/common';
import { Money, RequestContext } from '@omnitill/common';
import { InsufficientStoreCreditError, StoreCreditNeedsSignedInCustomerError } from '../errors/order.errors';

/** An order being undone, and the customer it belongs to now. */
export interface OrderHoldingCredit {
  readonly id: string;
  readonly customerId: string | null;
}

/**
 * Store credit balances live on customer profiles (the returns lib keeps the account and its
 * ledger). The order lib spends them as a tender and gives them back when a sale is undone, always
 * inside the transaction of the sale, cancellation, void or expiry.
 */
export interface StoreCreditLedger {
  /**
   * Debits `amount` from the customer's balance for the order. Idempotent per order; answers
   * InsufficientStoreCreditError (and debits nothing) when the balance does not cover it.
   */
  debitForOrder(tx: RequestContext, customerId: string, amount: Money, orderId: string): Promise<InsufficientStoreCreditError | null>;

  /**
   * Credits back what was debited for each order, to the order's customer now (profiles may have
   * been merged since). Called once per order, with its cancellation, void or expiry (the order's
   * state machine makes that happen once). Answers the amount given back per order id.
   */
  restoreForOrders(tx: RequestContext, orders: readonly OrderHoldingCredit[]): Promise<Map<string, number>>;
}

/**
 * The STORE_CREDIT tender of sales and online orders. The returns lib connects its ledger when the
 * app starts; without one (a deployment without returns) a store-credit tender is a bug, not a sale.
 */
@Injectable()
export class StoreCreditTender {
  private ledger: StoreCreditLedger | null = null;

  connect(ledger: StoreCreditLedger): void {
    if (this.ledger && this.ledger !== ledger) {
      throw new Error('A store credit ledger is already connected');
    }
    this.ledger = ledger;
  }

  /** Takes `amount` from the customer's balance for the order (nothing when the amount is 0). */
  async spend(tx: RequestContext, customerId: string | null, amount: Money, orderId: string): Promise<InsufficientStoreCreditError | StoreCreditNeedsSignedInCustomerError | null> {
    if (amount.amount === 0) {
      return null;
    }
    if (customerId === null) {
      return new StoreCreditNeedsSignedInCustomerError();
    }
    return this.requireLedger().debitForOrder(tx, customerId, amount, orderId);
  }

  /** Gives back the store credit spent on these orders (cancelled, voided, expired). Amount per order id. */
  restore(tx: RequestContext, orders: readonly OrderHoldingCredit[]): Promise<Map<string, number>> {
    return orders.length === 0 ? Promise.resolve(new Map()) : this.requireLedger().restoreForOrders(tx, orders);
  }

  private requireLedger(): StoreCreditLedger {
    if (!this.ledger) {
      throw new Error('No store credit ledger is connected (the returns lib connects it)');
    }
    return this.ledger;
  }
}
