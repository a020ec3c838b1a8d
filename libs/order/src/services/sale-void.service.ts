import { Injectable } from '@nestjs/common';
import { RequestContext } from '@omnitill/common';
import { OrderChannel, OrderState } from '../entities/order.enums';
import { OrderStateTransitionError } from '../errors/order.errors';
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
  ) {}

  async voidSale(ctx: RequestContext, orderId: string, reason: string): Promise<OrderDetails | OrderStateTransitionError> {
    // Locked first, so a return being recorded right now is either counted below or waits for us.
    const order = visibleOrFail(await this.orders.findByIdForUpdate(ctx, orderId), (o) => staffHandles(ctx, o) && o.channel === OrderChannel.POS, orderId);
    const result = await this.transitions.transition(ctx, order, OrderState.VOIDED, {
      reason: reason.trim(),
      returnedUnits: await this.orders.returnedUnitsOf(ctx, orderId),
      patch: (now) => ({ voidedAt: now, refundDueAmount: order.totalAmount }),
    });
    if (result instanceof OrderStateTransitionError) {
      return result;
    }
    const lines = await this.orders.loadLines(ctx, orderId);
    await this.stock.restoreVoidedSale(ctx, order.storeId, orderId, lines.map((line) => ({ variantId: line.variantId, quantity: line.quantity })));
    if (order.couponCode) {
      await this.coupons.reverseForOrder(ctx, orderId, 'voided');
    }
    const [details] = await this.orders.loadDetails(ctx, [orderId]);
    return details;
  }
}
