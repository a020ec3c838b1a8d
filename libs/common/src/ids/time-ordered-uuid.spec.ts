import { timeOrderedUuid } from './time-ordered-uuid';

describe('timeOrderedUuid', () => {
  it('is a version 7, RFC 9562 variant UUID carrying the millisecond time', () => {
    const at = Date.UTC(2026, 10, 30, 12, 0, 0, 123);
    const id = timeOrderedUuid(at);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
  });

  it('sorts by time (as PostgreSQL compares uuids: bytewise) and never repeats', () => {
    const ids = Array.from({ length: 1000 }, (_, index) => timeOrderedUuid(1_700_000_000_000 + index));
    expect([...ids].sort()).toEqual(ids);
    const sameMillisecond = Array.from({ length: 10_000 }, () => timeOrderedUuid(1_700_000_000_000));
    expect(new Set(sameMillisecond).size).toBe(10_000);
  });
});
