import { Injectable } from '@nestjs/common';
import { RequestContext } from '@omnitill/common';
import { StockMovementType } from '@omnitill/inventory';
import { OrderState } from '../entities/order.enums';
import { OrderStateTransitionError } from '../errors/order.errors';
import { OrderDetails, OrderRepository } from '../repositories/order.repository';
import { staffHandles, visibleOrFail } from '../rules/order-access';
import { OrderStockService } from './order-stock.service';
import { OrderTransitionService } from './order-transition.service';

/** Staff of the shipping store send a ship order: its reservation becomes SALE movements. */
@Injectable()
export class ShippingService {
  constructor(
    private readonly orders: OrderRepository,
    private readonly transitions: OrderTransitionService,
    private readonly stock: OrderStockService,
  ) {}

  async markShipped(ctx: RequestContext, orderId: string, trackingNumber: string): Promise<OrderDetails | OrderStateTransitionError> {
    const order = visibleOrFail(await this.orders.findById(ctx, orderId), (o) => staffHandles(ctx, o), orderId);
    const result = await this.transitions.transition(ctx, order, OrderState.SHIPPED, {
      reason: `shipped, tracking ${trackingNumber.trim()}`,
      patch: (now) => ({ shippedAt: now, trackingNumber: trackingNumber.trim(), expiresAt: null }),
    });
    if (result instanceof OrderStateTransitionError) {
      return result;
    }
    if (order.reservationId) {
      const problem = await this.stock.commit(ctx, order.reservationId, StockMovementType.SALE);
      if (problem) {
        return new OrderStateTransitionError(OrderState.PLACED, OrderState.SHIPPED, `the stock is no longer held (${problem.message})`);
      }
    }
    const [details] = await this.orders.loadDetails(ctx, [orderId]);
    return details;
  }
}
