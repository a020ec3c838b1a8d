import { OrderChannel, OrderFulfilment, OrderState } from '../entities/order.enums';
import {
  machineFor, OrderGuardSubject, PICKUP_ORDER_MACHINE, POS_SALE_MACHINE, SHIP_ORDER_MACHINE, validateOrderMachines, VOID_WINDOW_MS,
} from './order-machines';
import { StateMachine } from '@omnitill/common';

const ALL = Object.values(OrderState);
const now = new Date('2030-05-01T12:00:00Z');
const subject = (overrides: Partial<OrderGuardSubject> = {}): OrderGuardSubject => ({
  now,
  occurredAt: new Date(now.getTime() - 60_000),
  expiresAt: new Date(now.getTime() + 3_600_000),
  returnedUnits: 0,
  ...overrides,
});

const { PLACED, PICKING, READY_FOR_PICKUP, PICKED_UP, SHIPPED, CANCELLED, EXPIRED, COMPLETED, VOIDED } = OrderState;

const EXPECTED: [string, StateMachine<OrderState, OrderGuardSubject>, Partial<Record<OrderState, OrderState[]>>][] = [
  ['pickup', PICKUP_ORDER_MACHINE, {
    [PLACED]: [PICKING, CANCELLED, EXPIRED],
    [PICKING]: [READY_FOR_PICKUP, CANCELLED, EXPIRED],
    [READY_FOR_PICKUP]: [PICKED_UP, CANCELLED, EXPIRED],
  }],
  ['ship', SHIP_ORDER_MACHINE, { [PLACED]: [SHIPPED, CANCELLED, EXPIRED] }],
  ['POS', POS_SALE_MACHINE, { [COMPLETED]: [VOIDED] }],
];

describe('order state machines', () => {
  it('are sound: every state reachable, no dead ends, every order state used', () => {
    expect(validateOrderMachines()).toEqual([]);
  });

  describe.each(EXPECTED)('%s machine', (_name, sut, table) => {
    const pairs = ALL.flatMap((from) => ALL.map((to) => [from, to] as const));
    it.each(pairs)('%s -> %s follows the table', (from, to) => {
      const expected = (table[from] ?? []).includes(to);
      expect(sut.hasTransition(from, to)).toBe(expected);
      if (!expected) {
        expect(sut.check(from, to, subject())).toEqual({ allowed: false, reason: expect.stringContaining(`${from} cannot become ${to}`) });
      }
    });
  });

  it('chooses the machine by channel and fulfilment', () => {
    expect(machineFor(OrderChannel.ONLINE, OrderFulfilment.PICKUP)).toBe(PICKUP_ORDER_MACHINE);
    expect(machineFor(OrderChannel.ONLINE, OrderFulfilment.SHIP)).toBe(SHIP_ORDER_MACHINE);
    expect(machineFor(OrderChannel.POS, OrderFulfilment.CARRY_OUT)).toBe(POS_SALE_MACHINE);
    expect(() => machineFor(OrderChannel.ONLINE, OrderFulfilment.CARRY_OUT)).toThrow();
  });

  describe('guards', () => {
    it('refuses a handover once the hold has passed, and expiry before it has', () => {
      const lapsed = subject({ expiresAt: new Date(now.getTime() - 1) });
      expect(PICKUP_ORDER_MACHINE.check(READY_FOR_PICKUP, PICKED_UP, subject())).toEqual({ allowed: true });
      expect(PICKUP_ORDER_MACHINE.check(READY_FOR_PICKUP, PICKED_UP, lapsed)).toMatchObject({ allowed: false, reason: expect.stringContaining('hold period') });
      expect(PICKUP_ORDER_MACHINE.check(READY_FOR_PICKUP, EXPIRED, subject())).toMatchObject({ allowed: false });
      expect(PICKUP_ORDER_MACHINE.check(READY_FOR_PICKUP, EXPIRED, lapsed)).toEqual({ allowed: true });
      expect(SHIP_ORDER_MACHINE.check(PLACED, EXPIRED, subject({ expiresAt: null }))).toMatchObject({ allowed: false });
    });

    it('voids a sale only within the window and when nothing was returned', () => {
      expect(POS_SALE_MACHINE.check(COMPLETED, VOIDED, subject())).toEqual({ allowed: true });
      const edge = subject({ occurredAt: new Date(now.getTime() - VOID_WINDOW_MS) });
      expect(POS_SALE_MACHINE.check(COMPLETED, VOIDED, edge)).toEqual({ allowed: true });
      const late = subject({ occurredAt: new Date(now.getTime() - VOID_WINDOW_MS - 1) });
      expect(POS_SALE_MACHINE.check(COMPLETED, VOIDED, late)).toMatchObject({ allowed: false, reason: expect.stringContaining('24 hours') });
      expect(POS_SALE_MACHINE.check(COMPLETED, VOIDED, subject({ returnedUnits: 1 }))).toMatchObject({ allowed: false, reason: expect.stringContaining('returned') });
    });
  });
});

describe('StateMachine.validate', () => {
  it('reports unreachable states, dead ends, terminal exits and stray guards', () => {
    const sut = new StateMachine<'A' | 'B' | 'C' | 'D' | 'E', null>({
      name: 'broken',
      initial: ['A'],
      transitions: { A: ['B'], C: ['D'], D: ['A'] },
      terminal: ['D', 'E'],
      guards: { E: () => null },
    });
    const problems = sut.validate();
    expect(problems).toEqual(expect.arrayContaining([
      'broken: C is unreachable',
      'broken: B is a dead end but not terminal',
      'broken: terminal state D has transitions',
      'broken: E is unreachable',
      'broken: guard on E, which no transition reaches',
    ]));
  });

  it('reports a machine without an initial state', () => {
    const sut = new StateMachine<'A', null>({ name: 'empty', initial: [], transitions: {}, terminal: ['A'] });
    expect(sut.validate()).toContain('empty: no initial state');
  });
});
