import { applyBasketDeltas } from './basket-change';

/** Units that one committed change adds to (a sale) or takes from (a void, a return) a basket. */
export interface UnitsChange {
  readonly basketId: string;
  readonly storeId: string;
  /** The UTC day the units are counted on in the store's daily sales (YYYY-MM-DD). */
  readonly day: string;
  /** Product → units (negative to take away). */
  readonly units: ReadonlyMap<string, number>;
}

/**
 * Every row write that a set of changes makes, net and in key order (the fixed lock order that
 * keeps concurrent appliers free of deadlocks). Rows whose net change is zero are left out.
 */
export interface CountsChange {
  /** Basket items to delete: [basket, product]. */
  readonly basketItemsGone: readonly (readonly [string, string])[];
  /** Basket items to write with their new units: [basket, product, units]. */
  readonly basketItemsSet: readonly (readonly [string, string, number])[];
  /** n(X) changes: [product, delta]. */
  readonly buyerDeltas: readonly (readonly [string, number])[];
  /** co(X, Y) changes, both directions: [product, other, delta]. */
  readonly pairDeltas: readonly (readonly [string, string, number])[];
  /** Units sold per store and day: [store, day, product, units]. */
  readonly dailySales: readonly (readonly [string, string, string, number])[];
}

/**
 * Folds changes, in the order they committed, into the baskets' `holdings` (their units before
 * the first change; a basket not in the map holds nothing) and sums what each row gains or loses:
 * a batch of 200 sales becomes one write per table.
 */
export function foldUnitsChanges(holdings: ReadonlyMap<string, ReadonlyMap<string, number>>, changes: readonly UnitsChange[]): CountsChange {
  const current = new Map<string, ReadonlyMap<string, number>>();
  const buyers = new Sums<[string]>();
  const pairs = new Sums<[string, string]>();
  const daily = new Sums<[string, string, string]>();
  for (const change of changes) {
    const before = current.get(change.basketId) ?? holdings.get(change.basketId) ?? new Map<string, number>();
    const basketChange = applyBasketDeltas(before, change.units);
    current.set(change.basketId, basketChange.after);
    basketChange.buyerDeltas.forEach((delta, productId) => buyers.add([productId], delta));
    basketChange.pairDeltas.forEach(([productId, otherId, delta]) => pairs.add([productId, otherId], delta));
    change.units.forEach((units, productId) => daily.add([change.storeId, change.day, productId], units));
  }

  const basketItemsGone: [string, string][] = [];
  const basketItemsSet: [string, string, number][] = [];
  for (const [basketId, after] of current) {
    const before = holdings.get(basketId) ?? new Map<string, number>();
    before.forEach((_, productId) => !after.has(productId) && basketItemsGone.push([basketId, productId]));
    after.forEach((units, productId) => before.get(productId) !== units && basketItemsSet.push([basketId, productId, units]));
  }
  return {
    basketItemsGone: basketItemsGone.sort(byKeys),
    basketItemsSet: basketItemsSet.sort(byKeys),
    buyerDeltas: buyers.nonZero(),
    pairDeltas: pairs.nonZero(),
    dailySales: daily.nonZero(),
  };
}

/** Sums of deltas per key (a tuple of strings). */
class Sums<K extends string[]> {
  private readonly rows = new Map<string, { readonly key: K; sum: number }>();

  add(key: K, delta: number): void {
    // Ids and ISO days hold no NUL: joined keys of different tuples never collide.
    const joined = key.join('\u0000');
    const row = this.rows.get(joined);
    if (row) {
      row.sum += delta;
    } else {
      this.rows.set(joined, { key, sum: delta });
    }
  }

  /** [...key, sum] for every key whose sum is not zero, in key order. */
  nonZero(): [...K, number][] {
    return [...this.rows.values()].filter((row) => row.sum !== 0).map((row): [...K, number] => [...row.key, row.sum]).sort(byKeys);
  }
}

/** Orders rows by their string keys, left to right (the trailing numbers never decide: keys are unique). */
function byKeys(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  for (let i = 0; i < a.length; i += 1) {
    if (typeof a[i] === 'string' && a[i] !== b[i]) {
      return a[i] < b[i] ? -1 : 1;
    }
  }
  return 0;
}
