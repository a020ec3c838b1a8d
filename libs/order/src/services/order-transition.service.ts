import { Injectable } from '@nestjs/common';
import { Clock, RequestContext } from '@omnitill/common';
import { OrderEntity } from '../entities/order.entity';
import { OrderState } from '../entities/order.enums';
import { OrderStateTransitionError } from '../errors/order.errors';
import { NewOrder, OrderRepository } from '../repositories/order.repository';
import { OrderStateRepository } from '../repositories/order-state.repository';
import { machineFor } from '../state/order-machines';
import { TRANSITION_EVENTS } from '../state/order-events';
import { OrderEventsService } from './order-events.service';

export interface TransitionOptions {
  readonly reason?: string | null;
  /** Columns that change with the state, computed from the transition time. */
  readonly patch?: (now: Date) => Partial<NewOrder>;
  /** Facts a guard needs beyond the order row. */
  readonly returnedUnits?: number;
}

/**
 * The one way an order changes state: the order's machine decides (table, then guard), the change
 * is a compare-and-set on the current state, the history row is written with it, and the
 * transition's event (TRANSITION_EVENTS) goes to the outbox in the same transaction.
 */
@Injectable()
export class OrderTransitionService {
  constructor(
    private readonly states: OrderStateRepository,
    private readonly orders: OrderRepository,
    private readonly clock: Clock,
    private readonly events: OrderEventsService,
  ) {}

  async transition(ctx: RequestContext, order: OrderEntity, to: OrderState, options: TransitionOptions = {}): Promise<OrderEntity | OrderStateTransitionError> {
    const now = this.clock.now();
    const machine = machineFor(order.channel, order.fulfilment);
    const check = machine.check(order.state, to, {
      now,
      occurredAt: order.occurredAt,
      expiresAt: order.expiresAt,
      returnedUnits: options.returnedUnits ?? 0,
    });
    if (!check.allowed) {
      return new OrderStateTransitionError(order.state, to, machine.hasTransition(order.state, to) ? check.reason : null);
    }
    const patch = options.patch?.(now) ?? {};
    const applied = await this.states.transition(ctx, {
      orderId: order.id,
      from: order.state,
      to,
      actor: ctx.actorLabel,
      reason: options.reason ?? null,
      at: now,
      patch,
    });
    if (!applied) {
      // Someone else moved it first (a concurrent handover, the expiry job).
      const current = await this.orders.findById(ctx, order.id);
      return new OrderStateTransitionError(current?.state ?? order.state, to, 'the order was changed at the same time; reload it');
    }
    const from = order.state;
    const changed = Object.assign(order, patch, { state: to, updatedAt: now });
    const event = TRANSITION_EVENTS[to];
    if (event) {
      await this.events.record(ctx, event, changed, { previousState: from, reason: options.reason ?? null });
    }
    return changed;
  }
}
