import { Injectable } from '@nestjs/common';
import { AuditAction, AuditTrail, RequestContext } from '@omnitill/common';
import { OrderChannel, OrderState } from '../entities/order.enums';
import { OrderStateTransitionError } from '../errors/order.errors';
import { StoreCreditTender } from '../ports/store-credit.ledger';
import { SaleCouponService } from './sale-coupon.service';
import { OrderDetails, OrderRepository } from '../repositories/order.repository';
import { staffHandles, visibleOrFail } from '../rules/order-access';
import { OrderStockService } from './order-stock.service';
import { OrderTransitionService } from './order-transition.service';

/**
 * A manager voids a till sale shortly after it was rung up (within 24 hours, nothing returned):
 * the units go back on the shelf (ADJUSTMENT movements, reason "void"), the payments are owed back
 * and any coupon redemption is reversed. Later corrections are returns.
 */
@Injectable()
export class SaleVoidService {
  constructor(
    private readonly orders: OrderRepository,
    private readonly transitions: OrderTransitionService,
    private readonly stock: OrderStockService,
    private readonly coupons: SaleCouponService,
    private readonly audit: AuditTrail,
    private readonly storeCredit: StoreCreditTender,
  ) {}

  async voidSale(ctx: RequestContext, orderId: string, reason: string): Promise<OrderDetails | OrderStateTransitionError> {
    // Locked first, so a return being recorded right now is either counted below or waits for us.
    const order = visibleOrFail(await this.orders.findByIdForUpdate(ctx, orderId), (o) => staffHandles(ctx, o) && o.channel === OrderChannel.POS, orderId);
    const stateBefore = order.state;
    // Store credit tendered goes back to the balance first (a refused void rolls it back); the rest is owed back.
    const restored = (await this.storeCredit.restore(ctx, [order])).get(order.id) ?? 0;
    const result = await this.transitions.transition(ctx, order, OrderState.VOIDED, {
      reason: reason.trim(),
      returnedUnits: await this.orders.returnedUnitsOf(ctx, orderId),
      patch: (now) => ({ voidedAt: now, refundDueAmount: order.totalAmount - restored }),
    });
    if (result instanceof OrderStateTransitionError) {
      return result;
    }
    const lines = await this.orders.loadLines(ctx, orderId);
    await this.stock.restoreVoidedSale(ctx, order.storeId, orderId, lines.map((line) => ({ variantId: line.variantId, quantity: line.quantity })));
    if (order.couponCode) {
      await this.coupons.reverseForOrder(ctx, orderId, 'voided');
    }
    await this.audit.record(ctx, {
      action: AuditAction.SALE_VOID, subjectType: 'order', subjectId: orderId, storeId: order.storeId, reason: reason.trim(),
      before: { state: stateBefore, totalAmount: order.totalAmount, currency: order.currency },
      after: { state: OrderState.VOIDED, refundDueAmount: order.totalAmount - restored, storeCreditRestored: restored },
    });
    const [details] = await this.orders.loadDetails(ctx, [orderId]);
    return details;
  }
}
