import { Injectable } from '@nestjs/common';
import { AuditAction, AuditTrail, Money, RequestContext, StaffRole, timeOrderedUuid } from '@omnitill/common';
import { CouponError } from '@omnitill/coupon';
import { StoreEntity } from '@omnitill/store';
import { OrderChannel, OrderFulfilment, OrderState, PaymentMethod } from '../entities/order.enums';
import {
  InsufficientStoreCreditError, PaymentShortfallError, PriceOverrideNotAllowedError, StoreCreditNeedsSignedInCustomerError, UnknownSkuError,
} from '../errors/order.errors';
import { OrderCustomerDirectory } from '../ports/order-customer.directory';
import { StoreCreditTender } from '../ports/store-credit.ledger';
import { NewOrder, OrderDetails, OrderRepository } from '../repositories/order.repository';
import { orderNumberPrefix } from '../rules/order-number';
import { PaymentInput, settlePayments } from '../rules/payments';
import { priceOrder } from '../rules/pricing';
import { assertSaleTime } from '../rules/sale-time';
import { AlreadyRecordedSignal } from './idempotent-write';
import { LineRequest, OrderLinePricer } from './order-line-pricer.service';
import { OrderStockService } from './order-stock.service';
import { newOrderLines, writtenOrderDetails } from './new-order-contents';
import { SaleCouponService } from './sale-coupon.service';
import { eventLines, orderEvents } from './order-events.service';

export interface SaleRequest {
  readonly clientSaleId: string;
  readonly occurredAt: Date;
  readonly lines: readonly LineRequest[];
  readonly payments: readonly PaymentInput[];
  readonly customerIdentifier?: string | null;
  /** A customer the caller already knows (an exchange: the returning customer). Wins over the identifier. */
  readonly customerId?: string | null;
  readonly couponCode?: string | null;
  /** A credit applied before the payments, up to the total (an exchange's returned goods). */
  readonly creditTender?: { readonly method: PaymentMethod; readonly amount: number; readonly externalReference: string } | null;
}

/** The till a sale is recorded on, from the session (never from arguments). */
export interface Till {
  readonly terminalId: string;
  readonly storeId: string;
}

export const SALE_NOTICE_CUSTOMER_NOT_FOUND = 'CUSTOMER_NOT_FOUND';

/** What the recorder wrote. */
export interface NewSale {
  readonly details: OrderDetails;
  /** Things the cashier should know that did not stop the sale, e.g. CUSTOMER_NOT_FOUND. */
  readonly notices: string[];
}

export type SaleRefusal =
  | PaymentShortfallError | UnknownSkuError | PriceOverrideNotAllowedError | InsufficientStoreCreditError | StoreCreditNeedsSignedInCustomerError | CouponError;

/** What the till's own tenders take from the customer's store credit balance. */
function storeCreditTendered(payments: readonly PaymentInput[]): number {
  return payments.reduce((sum, payment) => (payment.method === PaymentMethod.STORE_CREDIT ? sum + payment.amount : sum), 0);
}

const OVERRIDE_ROLES: readonly StaffRole[] = [StaffRole.STORE_MANAGER, StaffRole.ADMIN];

/**
 * The body of one POS sale, inside its transaction. The hot path is two statements: the variant
 * look-up (plus the customer's when one is identified), and ONE statement writing the stock
 * entries and the numbered order with its lines, payments, history and event (ON CONFLICT DO
 * NOTHING on the till's clientSaleId: a repeat is answered with the original, and its transaction,
 * stock entries included, rolls back).
 */
@Injectable()
export class PosSaleRecorder {
  constructor(
    private readonly pricer: OrderLinePricer,
    private readonly orders: OrderRepository,
    private readonly stock: OrderStockService,
    private readonly customers: OrderCustomerDirectory,
    private readonly coupons: SaleCouponService,
    private readonly storeCredit: StoreCreditTender,
    private readonly audit: AuditTrail,
  ) {}

  async record(tx: RequestContext, till: Till, store: StoreEntity, request: SaleRequest, now: Date): Promise<NewSale | SaleRefusal> {
    const clientSaleId = request.clientSaleId.toLowerCase();
    // A sale recorded once is always answered, however late the retry: the numbered insert finds a
    // repeat (ON CONFLICT), and every refusal first asks whether this sale is already recorded, so
    // the hot path has no up-front probe. A repeat found there rolls back what this attempt wrote
    // so far (a multi-use coupon's redemption) and answers the original.
    const answerIfRecorded = async (): Promise<void> => {
      if (await this.orders.findIdByClientSale(tx, till.terminalId, clientSaleId)) {
        throw new AlreadyRecordedSignal();
      }
    };
    const refuse = async <TRefusal>(refusal: TRefusal): Promise<TRefusal> => {
      await answerIfRecorded();
      return refusal;
    };
    try {
      assertSaleTime(request.occurredAt, now);
    } catch (error) {
      await answerIfRecorded();
      throw error;
    }
    const role = tx.staff?.role;
    if (request.lines.some((line) => line.priceOverride) && !(role && OVERRIDE_ROLES.includes(role))) {
      return refuse(new PriceOverrideNotAllowedError());
    }
    const lines = await this.pricer.resolve(tx, store, request.lines, { allowInactive: true, mergeVariants: false });
    if (lines instanceof UnknownSkuError) {
      return refuse(lines);
    }
    const notices: string[] = [];
    let customerId: string | null = request.customerId ?? null;
    if (!customerId && request.customerIdentifier) {
      // A sale already paid is never refused for an unknown customer (it may sync days later).
      customerId = await this.customers.identify(tx, request.customerIdentifier);
      if (!customerId) {
        notices.push(SALE_NOTICE_CUSTOMER_NOT_FOUND);
      }
    }
    const orderId = timeOrderedUuid();
    const currency = lines[0].variant.currency;
    const coupon = request.couponCode
      ? await this.coupons.redeem(tx, {
          orderId,
          codeOrToken: request.couponCode,
          storeId: store.id,
          channel: OrderChannel.POS,
          customerId,
          currency,
          lines: lines.map((line) => ({ variantId: line.variant.id, sku: line.variant.sku, quantity: line.quantity, unitPriceAmount: line.unitPriceAmount })),
        })
      : null;
    if (coupon && !('lineDiscounts' in coupon)) {
      // This sale may have been recorded before (a retry), or a concurrent copy of it may have used
      // the single-use code first and not committed yet: then answer that sale once it has.
      if (await this.orders.findIdByClientSale(tx, till.terminalId, clientSaleId)) {
        throw new AlreadyRecordedSignal();
      }
      return coupon;
    }
    // A QR coupon issued to a shopper attaches the sale to their profile when nobody else was identified.
    customerId = customerId ?? coupon?.customerId ?? null;
    const priced = priceOrder(lines, coupon?.lineDiscounts ?? 0);
    const credit = request.creditTender ? { ...request.creditTender, amount: Math.min(request.creditTender.amount, priced.totals.totalAmount) } : null;
    const settlement = settlePayments(priced.totals.totalAmount, credit && credit.amount > 0 ? [credit, ...request.payments] : request.payments);
    if (!settlement.covered) {
      return refuse(new PaymentShortfallError(new Money(settlement.dueAmount, currency), new Money(settlement.paidAmount, currency)));
    }
    const order: NewOrder = {
      id: orderId,
      channel: OrderChannel.POS,
      fulfilment: OrderFulfilment.CARRY_OUT,
      state: OrderState.COMPLETED,
      storeId: store.id,
      terminalId: till.terminalId,
      customerId,
      guestEmail: null,
      guestPhone: null,
      contactName: null,
      currency,
      ...priced.totals,
      refundDueAmount: 0,
      clientSaleId,
      clientOrderId: null,
      placedBy: tx.actorLabel,
      occurredAt: request.occurredAt,
      placedAt: now,
      promisedAt: null,
      readyAt: null,
      pickedUpAt: null,
      shippedAt: null,
      cancelledAt: null,
      expiredAt: null,
      voidedAt: null,
      expiresAt: null,
      trackingNumber: null,
      shippingAddress: null,
      couponCode: coupon?.code ?? null,
      paymentReference: null,
      pickupCodeHash: null,
      pickupTokenNonce: null,
      failedPickupAttempts: 0,
      pickupLockedUntil: null,
      reservationId: null,
    };
    const orderLines = newOrderLines(orderId, lines, priced);
    const payments = settlement.payments.map((payment) => ({ ...payment, id: timeOrderedUuid(), orderId, createdAt: now }));
    const history = { orderId, fromState: null, toState: OrderState.COMPLETED, actor: tx.actorLabel, reason: 'sold at the till', occurredAt: now };
    // Stock and order in ONE statement, the stock levels locked before the store's number sequence
    // row, which stays locked until commit (sales of one store queue there only briefly).
    const inserted = await this.orders.insertNumbered(tx, order, orderNumberPrefix(store.code, OrderChannel.POS), 'client-sale', {
      lines: orderLines,
      payments,
      changes: [history],
      events: orderEvents('sale.completed', [order], { lines: eventLines(orderLines, currency) }, request.occurredAt),
      before: this.stock.saleInStatement(tx, store.id, orderId, lines.map((line) => ({ variantId: line.variant.id, quantity: line.quantity })), request.occurredAt),
    });
    if (!inserted) {
      throw new AlreadyRecordedSignal();
    }
    // The till's STORE_CREDIT tenders come off the customer's balance in this transaction, after
    // the insert (a concurrent copy of this sale has waited there and left). A refusal rolls the
    // sale back. An exchange's credit tender is the returned goods' value, never on the balance.
    const spent = await this.storeCredit.spend(tx, customerId, new Money(storeCreditTendered(request.payments), currency), orderId);
    if (spent) {
      return spent;
    }
    const overridden = orderLines.filter((line) => line.priceOverrideReason);
    if (overridden.length > 0) {
      await this.audit.record(tx, {
        action: AuditAction.PRICE_OVERRIDE, subjectType: 'order', subjectId: orderId, storeId: store.id,
        reason: overridden.map((line) => line.priceOverrideReason).join('; '),
        before: { currency, lines: overridden.map((line) => ({ sku: line.sku, unitPriceAmount: line.listUnitPriceAmount })) },
        after: { currency, lines: overridden.map((line) => ({ sku: line.sku, unitPriceAmount: line.unitPriceAmount, quantity: line.quantity })) },
      });
    }
    const details = writtenOrderDetails(order, inserted.number, { lines: orderLines, payments, history }, now);
    return { details, notices };
  }
}
