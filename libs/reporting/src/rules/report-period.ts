const DAY_MS = 24 * 3600 * 1000;

export interface ReportPeriod {
  /** Inclusive. */
  readonly from: Date;
  /** Exclusive. */
  readonly to: Date;
}

/** Why a period cannot be reported on, or null when it can. */
export function reportPeriodProblem(period: ReportPeriod, maxRangeDays: number): string | null {
  const from = period.from.getTime();
  const to = period.to.getTime();
  if (Number.isNaN(from) || Number.isNaN(to)) {
    return 'from and to must be valid timestamps';
  }
  if (from >= to) {
    return 'from must be before to';
  }
  if (to - from > maxRangeDays * DAY_MS) {
    return `a report covers at most ${maxRangeDays} days`;
  }
  return null;
}

/** The stores a report may cover for a caller: null = every store. */
export type StoreFilter = { readonly kind: 'stores'; readonly storeIds: readonly string[] | null } | { readonly kind: 'forbidden'; readonly storeIds: readonly string[] };

/**
 * Intersects the caller's store scope with the stores asked for. Asking for a store outside the
 * scope is refused (never silently dropped: a manager must not read a partial figure as the
 * whole); asking for none means every store in scope.
 */
export function reportStoreFilter(scope: readonly string[] | null, requested: readonly string[] | undefined | null): StoreFilter {
  const asked = requested && requested.length > 0 ? [...new Set(requested)] : null;
  if (scope === null) {
    return { kind: 'stores', storeIds: asked };
  }
  if (asked === null) {
    return { kind: 'stores', storeIds: [...scope] };
  }
  const outside = asked.filter((storeId) => !scope.includes(storeId));
  return outside.length > 0 ? { kind: 'forbidden', storeIds: outside } : { kind: 'stores', storeIds: asked };
}
