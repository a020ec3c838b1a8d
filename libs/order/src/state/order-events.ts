import type { DomainEventType } from '@omnitill/common';
import { OrderState } from '../entities/order.enums';

/** The event each transition publishes (its effect, recorded in the transition's transaction). */
export const TRANSITION_EVENTS: Readonly<Partial<Record<OrderState, DomainEventType>>> = {
  [OrderState.READY_FOR_PICKUP]: 'order.ready_for_pickup',
  [OrderState.PICKED_UP]: 'order.picked_up',
  [OrderState.SHIPPED]: 'order.shipped',
  [OrderState.CANCELLED]: 'order.cancelled',
  [OrderState.EXPIRED]: 'order.expired',
  [OrderState.VOIDED]: 'sale.voided',
};
