import { NotFoundException, RequestContext } from '@omnitill/common';
import { OrderEntity } from '../entities/order.entity';
import { OrderChannel } from '../entities/order.enums';

/** Staff who may work on the order: staff of its store (a till only in its own store) or cross-store roles. */
export function staffHandles(ctx: RequestContext, order: Pick<OrderEntity, 'storeId'>): boolean {
  return ctx.canActInStore(order.storeId);
}

/**
 * Who may read an order: staff who handle it, the customer it belongs to, and storefronts for
 * online orders (they place them and show their status to guests).
 */
export function canReadOrder(ctx: RequestContext, order: Pick<OrderEntity, 'storeId' | 'customerId' | 'channel'>): boolean {
  switch (ctx.actor.kind) {
    case 'staff':
      return staffHandles(ctx, order);
    case 'customer':
      return order.customerId !== null && order.customerId === ctx.actor.customerId;
    case 'storefront':
      return order.channel === OrderChannel.ONLINE;
    case 'anonymous':
      return false;
  }
}

/** Who may cancel: staff who handle the order, its customer, or a storefront (online orders only). */
export const canCancelOrder = canReadOrder;

/**
 * The order when `allowed`; otherwise NOT_FOUND, exactly as for a missing order, so ids and
 * numbers of other stores' or customers' orders cannot be probed.
 */
export function visibleOrFail<T extends OrderEntity>(order: T | null, allowed: (order: T) => boolean, reference: string): T {
  if (!order || !allowed(order)) {
    throw new NotFoundException('Order', reference);
  }
  return order;
}
