import { Injectable } from '@nestjs/common';
import { RequestContext } from '@omnitill/common';
import { OrderState } from '../entities/order.enums';
import { OrderStateTransitionError } from '../errors/order.errors';
import { StoreCreditTender } from '../ports/store-credit.ledger';
import { SaleCouponService } from './sale-coupon.service';
import { OrderDetails, OrderRepository } from '../repositories/order.repository';
import { canCancelOrder, visibleOrFail } from '../rules/order-access';
import { OrderStockService } from './order-stock.service';
import { OrderTransitionService } from './order-transition.service';

/** Cancels an open online order (staff of its store, its customer, or the storefront): the stock goes back on the shelf. */
@Injectable()
export class OrderCancellationService {
  constructor(
    private readonly orders: OrderRepository,
    private readonly transitions: OrderTransitionService,
    private readonly stock: OrderStockService,
    private readonly coupons: SaleCouponService,
    private readonly storeCredit: StoreCreditTender,
  ) {}

  async cancel(ctx: RequestContext, orderId: string, reason: string): Promise<OrderDetails | OrderStateTransitionError> {
    const order = visibleOrFail(await this.orders.findById(ctx, orderId), (o) => canCancelOrder(ctx, o), orderId);
    // Store credit spent on it goes back to the balance first (a refused transition rolls it back);
    // the rest is owed to the payment provider.
    const restored = (await this.storeCredit.restore(ctx, [order])).get(order.id) ?? 0;
    const result = await this.transitions.transition(ctx, order, OrderState.CANCELLED, {
      reason: reason.trim(),
      patch: (now) => ({ cancelledAt: now, expiresAt: null, refundDueAmount: order.totalAmount - restored }),
    });
    if (result instanceof OrderStateTransitionError) {
      return result;
    }
    await this.stock.release(ctx, order.reservationId, `order ${order.number} cancelled`);
    if (order.couponCode) {
      await this.coupons.reverseForOrder(ctx, order.id, 'cancelled');
    }
    const [details] = await this.orders.loadDetails(ctx, [orderId]);
    return details;
  }
}
