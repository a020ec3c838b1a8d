import { Injectable } from '@nestjs/common';
import { NotFoundException, RequestContext } from '@omnitill/common';
import {
  OrderDetails, OrderEntity, OrderQueryService, OrderReturnLedgerService, ReceiptService, ReturnableLine, ReturnedUnits,
} from '@omnitill/order';

const ORDER_NUMBER = /^[A-Z0-9][A-Z0-9_-]{0,40}-[PW]-\d{1,12}$/;
const MAX_LOOKUP_LENGTH = 1024;

/**
 * Orders as returns see them, through the order lib's public services only. Returns are
 * cross-store: a store's staff may look up any store's sale or any online order to take it back,
 * which the order lib's own reads (staff of the order's store) do not allow; every read here is
 * by id from a ledger call, by exact number, or by a signed receipt token.
 */
@Injectable()
export class OrderDirectory {
  constructor(
    private readonly ledger: OrderReturnLedgerService,
    private readonly queries: OrderQueryService,
    private readonly receipts: ReceiptService,
  ) {}

  /** The order and its lines with what is still returnable. NOT_FOUND when missing. */
  returnable(ctx: RequestContext, orderId: string): Promise<{ order: OrderEntity; lines: ReturnableLine[] }> {
    return this.ledger.returnableLines(ctx, orderId);
  }

  /** Counts units as returned under the order lock; CONFLICT when they are not left (see the ledger). */
  recordReturnedUnits(ctx: RequestContext, orderId: string, lineId: string, units: number): Promise<ReturnedUnits> {
    return this.ledger.recordReturnedUnits(ctx, orderId, lineId, units);
  }

  /** Everything about the order (payments, history), whichever store sold it. */
  async details(ctx: RequestContext, order: Pick<OrderEntity, 'id' | 'number'>): Promise<OrderDetails> {
    // Exact match on the number (the order lib's support search); ids are unique, numbers too.
    const page = await this.queries.search(ctx, order.number, 0, 5);
    const details = page.items.find((item) => item.order.id === order.id);
    if (!details) {
      throw new NotFoundException('Order', order.id);
    }
    return details;
  }

  /** By order number (any case) or receipt QR token. NOT_FOUND for missing, malformed or forged alike. */
  async findId(ctx: RequestContext, numberOrReceiptToken: string): Promise<string> {
    const text = numberOrReceiptToken.trim();
    if (text.length === 0 || text.length > MAX_LOOKUP_LENGTH) {
      throw new NotFoundException('Order');
    }
    const number = text.toUpperCase();
    if (ORDER_NUMBER.test(number)) {
      const page = await this.queries.search(ctx, number, 0, 5);
      const match = page.items.find((item) => item.order.number === number);
      if (match) {
        return match.order.id;
      }
      throw new NotFoundException('Order');
    }
    const id = this.receipts.orderIdOf(text);
    if (!id) {
      throw new NotFoundException('Order');
    }
    // The token is signed, but the order must still exist.
    await this.ledger.returnableLines(ctx, id);
    return id;
  }
}
