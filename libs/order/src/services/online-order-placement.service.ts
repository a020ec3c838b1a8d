import { Injectable } from '@nestjs/common';
import { BadInputException, Clock, Money, RequestContext, timeOrderedUuid, TransactionRunner } from '@omnitill/common';
import { InsufficientStockError } from '@omnitill/inventory';
import { StoreEntity } from '@omnitill/store';
import { ShippingAddress } from '../entities/order.entity';
import { OrderChannel, OrderFulfilment, OrderState, PaymentMethod } from '../entities/order.enums';
import { InsufficientStoreCreditError, StoreCreditNeedsSignedInCustomerError } from '../errors/order.errors';
import { StoreCreditTender } from '../ports/store-credit.ledger';
import { NewOrder, NewOrderPayment, OrderDetails, OrderRepository } from '../repositories/order.repository';
import { orderNumberPrefix } from '../rules/order-number';
import { priceOrder } from '../rules/pricing';
import { AlreadyRecordedSignal, writeOnce } from './idempotent-write';
import { newOrderLines, writtenOrderDetails } from './new-order-contents';
import { ResolvedLine } from './order-line-pricer.service';
import { eventLines, orderEvents } from './order-events.service';
import { OrderStockService } from './order-stock.service';

export interface OnlineContact {
  /** Normalised (lower-cased). */
  readonly email: string;
  readonly phone: string | null;
  readonly name: string;
}

/** Everything an online order needs once its store and lines are settled. */
export interface OnlineOrderDraft {
  readonly store: StoreEntity;
  readonly fulfilment: OrderFulfilment.PICKUP | OrderFulfilment.SHIP;
  /** One line per variant. */
  readonly lines: readonly ResolvedLine[];
  readonly contact: OnlineContact;
  readonly paymentReference: string;
  /** Paid from the signed-in customer's store credit; the payment provider's part is the rest. */
  readonly storeCreditAmount: number;
  readonly clientOrderId: string | null;
  readonly shippingAddress: ShippingAddress | null;
  /** How long the stock stays reserved if nothing else happens. */
  readonly holdMs: number;
  /** Pickup orders: minutes until the store promised to have it ready. */
  readonly promiseMinutes: number | null;
}

export type PlacementOutcome = OrderDetails | InsufficientStockError | InsufficientStoreCreditError | StoreCreditNeedsSignedInCustomerError;

/**
 * Records an online order in one transaction: reserve the whole basket at the store (all or
 * nothing), number the order, insert it with its lines, its payment and its first state. With a
 * clientOrderId, a retry (even a concurrent one) answers the order placed first and changes nothing.
 */
@Injectable()
export class OnlineOrderPlacementService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly orders: OrderRepository,
    private readonly stock: OrderStockService,
    private readonly clock: Clock,
    private readonly storeCredit: StoreCreditTender,
  ) {}

  /** The order this caller already placed with this clientOrderId, if any. */
  async findPlaced(ctx: RequestContext, clientOrderId: string): Promise<OrderDetails | null> {
    const id = await this.orders.findIdByClientOrder(ctx, ctx.actorLabel, clientOrderId.toLowerCase());
    return id ? ((await this.orders.loadDetails(ctx, [id]))[0] ?? null) : null;
  }

  place(ctx: RequestContext, draft: OnlineOrderDraft): Promise<PlacementOutcome> {
    return writeOnce(
      this.transactions,
      ctx,
      (tx) => this.insert(tx, draft),
      async () => {
        const placed = draft.clientOrderId ? await this.findPlaced(ctx, draft.clientOrderId) : null;
        if (!placed) {
          throw new Error('an order with this clientOrderId was recorded but cannot be read back');
        }
        return placed;
      },
    );
  }

  private async insert(tx: RequestContext, draft: OnlineOrderDraft): Promise<PlacementOutcome> {
    const now = this.clock.now();
    const orderId = timeOrderedUuid();
    const expiresAt = new Date(now.getTime() + draft.holdMs);
    const reservation = await this.stock.reserve(
      tx,
      draft.store,
      orderId,
      draft.lines.map((line) => ({ variantId: line.variant.id, quantity: line.quantity })),
      expiresAt,
    );
    if (reservation instanceof InsufficientStockError) {
      return reservation;
    }
    const priced = priceOrder(draft.lines);
    const currency = draft.lines[0].variant.currency;
    if (draft.storeCreditAmount > priced.totals.totalAmount) {
      throw new BadInputException('storeCreditAmount is more than the order total', [{ field: 'storeCreditAmount', messages: [`must be ≤ ${priced.totals.totalAmount}`] }]);
    }
    const customerId = tx.actor.kind === 'customer' ? tx.actor.customerId : null;
    const order: NewOrder = {
      id: orderId,
      channel: OrderChannel.ONLINE,
      fulfilment: draft.fulfilment,
      state: OrderState.PLACED,
      storeId: draft.store.id,
      terminalId: null,
      customerId,
      guestEmail: draft.contact.email,
      guestPhone: draft.contact.phone,
      contactName: draft.contact.name,
      currency,
      ...priced.totals,
      refundDueAmount: 0,
      clientSaleId: null,
      clientOrderId: draft.clientOrderId?.toLowerCase() ?? null,
      placedBy: tx.actorLabel,
      occurredAt: now,
      placedAt: now,
      promisedAt: draft.promiseMinutes === null ? null : new Date(now.getTime() + draft.promiseMinutes * 60_000),
      readyAt: null,
      pickedUpAt: null,
      shippedAt: null,
      cancelledAt: null,
      expiredAt: null,
      voidedAt: null,
      expiresAt,
      trackingNumber: null,
      shippingAddress: draft.shippingAddress,
      couponCode: null,
      paymentReference: draft.paymentReference,
      pickupCodeHash: null,
      pickupTokenNonce: null,
      failedPickupAttempts: 0,
      pickupLockedUntil: null,
      reservationId: reservation.id,
    };
    const lines = newOrderLines(orderId, draft.lines, priced);
    const payment = (method: PaymentMethod, amount: number, externalReference: string | null): NewOrderPayment => ({
      id: timeOrderedUuid(), orderId, method, amount, tenderedAmount: null, changeAmount: 0, externalReference, createdAt: now,
    });
    const externalAmount = priced.totals.totalAmount - draft.storeCreditAmount;
    const payments = [
      ...(draft.storeCreditAmount > 0 ? [payment(PaymentMethod.STORE_CREDIT, draft.storeCreditAmount, null)] : []),
      ...(externalAmount > 0 || draft.storeCreditAmount === 0 ? [payment(PaymentMethod.EXTERNAL, externalAmount, draft.paymentReference)] : []),
    ];
    const history = { orderId, fromState: null, toState: OrderState.PLACED, actor: tx.actorLabel, reason: 'placed online', occurredAt: now };
    const inserted = await this.orders.insertNumbered(tx, order, orderNumberPrefix(draft.store.code, OrderChannel.ONLINE), order.clientOrderId ? 'client-order' : 'none', {
      lines,
      payments,
      changes: [history],
      events: orderEvents('order.placed', [order], { lines: eventLines(lines, currency) }),
    });
    if (!inserted) {
      throw new AlreadyRecordedSignal();
    }
    const spent = await this.storeCredit.spend(tx, customerId, new Money(draft.storeCreditAmount, currency), orderId);
    if (spent) {
      return spent;
    }
    return writtenOrderDetails(order, inserted.number, { lines, payments, history }, now);
  }
}
