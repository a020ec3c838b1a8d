import { reportPeriodProblem, reportStoreFilter } from './report-period';

const DAY = 24 * 3600 * 1000;
const at = (ms: number) => new Date(Date.UTC(2026, 10, 1) + ms);

describe('reportPeriodProblem', () => {
  it('accepts a period up to the maximum length', () => {
    expect(reportPeriodProblem({ from: at(0), to: at(30 * DAY) }, 366)).toBeNull();
    expect(reportPeriodProblem({ from: at(0), to: at(366 * DAY) }, 366)).toBeNull();
  });

  it('refuses a reversed or empty period', () => {
    expect(reportPeriodProblem({ from: at(DAY), to: at(0) }, 366)).toBe('from must be before to');
    expect(reportPeriodProblem({ from: at(0), to: at(0) }, 366)).toBe('from must be before to');
  });

  it('refuses a period longer than the maximum', () => {
    expect(reportPeriodProblem({ from: at(0), to: at(366 * DAY + 1) }, 366)).toBe('a report covers at most 366 days');
  });

  it('refuses invalid dates', () => {
    expect(reportPeriodProblem({ from: new Date('nonsense'), to: at(0) }, 366)).toBe('from and to must be valid timestamps');
  });
});

describe('reportStoreFilter', () => {
  it('gives cross-store callers every store, or the ones they ask for', () => {
    expect(reportStoreFilter(null, undefined)).toEqual({ kind: 'stores', storeIds: null });
    expect(reportStoreFilter(null, [])).toEqual({ kind: 'stores', storeIds: null });
    expect(reportStoreFilter(null, ['b', 'a', 'b'])).toEqual({ kind: 'stores', storeIds: ['b', 'a'] });
  });

  it('limits a store manager to their stores', () => {
    expect(reportStoreFilter(['a', 'b'], null)).toEqual({ kind: 'stores', storeIds: ['a', 'b'] });
    expect(reportStoreFilter(['a', 'b'], ['b'])).toEqual({ kind: 'stores', storeIds: ['b'] });
    expect(reportStoreFilter([], undefined)).toEqual({ kind: 'stores', storeIds: [] });
  });

  it('refuses a store outside the scope rather than dropping it silently', () => {
    expect(reportStoreFilter(['a'], ['a', 'c'])).toEqual({ kind: 'forbidden', storeIds: ['c'] });
  });
});
