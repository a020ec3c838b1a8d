import { decideWindow, windowEndOf, windowStartOf } from './return-window';

const sale = new Date('2030-03-01T10:00:00Z');
const DAY = 24 * 3600 * 1000;

describe('return window', () => {
  it('starts at pickup, else shipping, else the sale', () => {
    const pickedUp = new Date('2030-03-03T12:00:00Z');
    const shipped = new Date('2030-03-02T08:00:00Z');
    expect(windowStartOf({ occurredAt: sale, pickedUpAt: null, shippedAt: null })).toBe(sale);
    expect(windowStartOf({ occurredAt: sale, pickedUpAt: pickedUp, shippedAt: null })).toBe(pickedUp);
    expect(windowStartOf({ occurredAt: sale, pickedUpAt: null, shippedAt: shipped })).toBe(shipped);
  });

  it('ends N whole days later', () => {
    expect(windowEndOf({ occurredAt: sale, pickedUpAt: null, shippedAt: null }, 30)).toEqual(new Date(sale.getTime() + 30 * DAY));
    expect(windowEndOf({ occurredAt: sale, pickedUpAt: null, shippedAt: null }, 0)).toEqual(sale);
    expect(() => windowEndOf({ occurredAt: sale, pickedUpAt: null, shippedAt: null }, -1)).toThrow();
  });

  const end = new Date(sale.getTime() + 30 * DAY);
  const ask = (now: Date, overrideReason: string | null, mayOverride: boolean) => decideWindow({ now, windowEndsAt: end, overrideReason, mayOverride });

  it('accepts anything within the window, its last instant included; an override reason is then ignored', () => {
    expect(ask(sale, null, false)).toEqual({ kind: 'WITHIN' });
    expect(ask(end, null, false)).toEqual({ kind: 'WITHIN' });
    expect(ask(end, 'because', true)).toEqual({ kind: 'WITHIN' });
  });

  it('after the window: refused without a reason, refused for a cashier, allowed for a manager with a reason', () => {
    const late = new Date(end.getTime() + 1);
    expect(ask(late, null, true)).toEqual({ kind: 'EXPIRED' });
    expect(ask(late, '   ', true)).toEqual({ kind: 'EXPIRED' });
    expect(ask(late, 'loyal customer', false)).toEqual({ kind: 'OVERRIDE_NOT_ALLOWED' });
    expect(ask(late, '  loyal customer ', true)).toEqual({ kind: 'OVERRIDDEN', reason: 'loyal customer' });
  });
});
