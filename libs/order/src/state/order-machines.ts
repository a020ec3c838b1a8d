import { OrderChannel, OrderFulfilment, OrderState } from '../entities/order.enums';
import { StateMachine } from '@omnitill/common';

/** What the guards look at. Built by OrderTransitionService from the order and the clock. */
export interface OrderGuardSubject {
  readonly now: Date;
  readonly occurredAt: Date;
  readonly expiresAt: Date | null;
  /** Units of the order already returned (a returned sale cannot be voided). */
  readonly returnedUnits: number;
}

/** A POS sale may be voided (instead of returned) only this long after it happened. */
export const VOID_WINDOW_MS = 24 * 60 * 60 * 1000;

const { PLACED, PICKING, READY_FOR_PICKUP, PICKED_UP, SHIPPED, CANCELLED, EXPIRED, COMPLETED, VOIDED } = OrderState;

function holdNotPassed(subject: OrderGuardSubject): string | null {
  return subject.expiresAt !== null && subject.now.getTime() >= subject.expiresAt.getTime()
    ? `the hold period ended at ${subject.expiresAt.toISOString()}`
    : null;
}

function holdPassed(subject: OrderGuardSubject): string | null {
  return subject.expiresAt === null || subject.now.getTime() < subject.expiresAt.getTime() ? 'the order is not due to expire yet' : null;
}

/** Click-and-collect: placed (stock reserved), picked, ready with a code, collected; or cancelled / expired. */
export const PICKUP_ORDER_MACHINE = new StateMachine<OrderState, OrderGuardSubject>({
  name: 'pickup order',
  initial: [PLACED],
  transitions: {
    [PLACED]: [PICKING, CANCELLED, EXPIRED],
    [PICKING]: [READY_FOR_PICKUP, CANCELLED, EXPIRED],
    [READY_FOR_PICKUP]: [PICKED_UP, CANCELLED, EXPIRED],
  },
  terminal: [PICKED_UP, CANCELLED, EXPIRED],
  guards: {
    [PICKED_UP]: holdNotPassed,
    [EXPIRED]: holdPassed,
  },
});

/** Shipped from a store's stock: placed (reserved), shipped (sold); or cancelled / expired. */
export const SHIP_ORDER_MACHINE = new StateMachine<OrderState, OrderGuardSubject>({
  name: 'ship order',
  initial: [PLACED],
  transitions: {
    [PLACED]: [SHIPPED, CANCELLED, EXPIRED],
  },
  terminal: [SHIPPED, CANCELLED, EXPIRED],
  guards: {
    [EXPIRED]: holdPassed,
  },
});

/** A till sale is complete when recorded; a manager may void it shortly after. */
export const POS_SALE_MACHINE = new StateMachine<OrderState, OrderGuardSubject>({
  name: 'POS sale',
  initial: [COMPLETED],
  transitions: {
    [COMPLETED]: [VOIDED],
  },
  terminal: [VOIDED],
  guards: {
    [VOIDED]: (subject) => {
      if (subject.returnedUnits > 0) {
        return 'units of this sale were returned; take a return instead';
      }
      return subject.now.getTime() - subject.occurredAt.getTime() > VOID_WINDOW_MS
        ? 'a sale can be voided only within 24 hours; take a return instead'
        : null;
    },
  },
});

export const ORDER_MACHINES = [PICKUP_ORDER_MACHINE, SHIP_ORDER_MACHINE, POS_SALE_MACHINE] as const;

/** The machine an order follows, by how it was taken and fulfilled. */
export function machineFor(channel: OrderChannel, fulfilment: OrderFulfilment): StateMachine<OrderState, OrderGuardSubject> {
  switch (fulfilment) {
    case OrderFulfilment.PICKUP:
      return PICKUP_ORDER_MACHINE;
    case OrderFulfilment.SHIP:
      return SHIP_ORDER_MACHINE;
    case OrderFulfilment.CARRY_OUT:
      if (channel !== OrderChannel.POS) {
        throw new Error('CARRY_OUT orders are POS sales');
      }
      return POS_SALE_MACHINE;
  }
}

/** Every problem with the order machines; the order module refuses to boot unless this is empty. */
export function validateOrderMachines(): string[] {
  const problems = ORDER_MACHINES.flatMap((machine) => machine.validate());
  const used = new Set(ORDER_MACHINES.flatMap((machine) => machine.states));
  for (const state of Object.values(OrderState)) {
    if (!used.has(state)) {
      problems.push(`order state ${state} belongs to no machine`);
    }
  }
  return problems;
}
