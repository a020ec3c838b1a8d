/** A change of a basket's counts: +1 / -1 per product (buyers) and per ordered pair (co-purchase). */
export interface BasketChange {
  /** Net units per product after the change (products at zero are absent). */
  readonly after: ReadonlyMap<string, number>;
  /** Products whose basket count changes: +1 entered the basket, -1 left it. */
  readonly buyerDeltas: ReadonlyMap<string, 1 | -1>;
  /** Ordered pairs [product, other, delta], both directions, sorted (a fixed lock order). */
  readonly pairDeltas: readonly (readonly [string, string, 1 | -1])[];
}

/**
 * Applies unit deltas to a basket's holdings. A product counts while the basket holds at least one
 * unit: buying more of it changes nothing, returning the last unit removes it and every pair it
 * formed. Units never drop below zero (a return is never larger than what was applied, but a
 * basket rebuilt meanwhile must not go negative).
 */
export function applyBasketDeltas(before: ReadonlyMap<string, number>, deltas: ReadonlyMap<string, number>): BasketChange {
  const after = new Map(before);
  for (const [productId, delta] of deltas) {
    const units = Math.max(0, (after.get(productId) ?? 0) + delta);
    if (units > 0) {
      after.set(productId, units);
    } else {
      after.delete(productId);
    }
  }
  const entered = [...after.keys()].filter((productId) => !before.has(productId));
  const left = [...before.keys()].filter((productId) => !after.has(productId));
  const buyerDeltas = new Map<string, 1 | -1>();
  entered.forEach((productId) => buyerDeltas.set(productId, 1));
  left.forEach((productId) => buyerDeltas.set(productId, -1));

  const pairs: [string, string, 1 | -1][] = [];
  const addPairs = (changed: readonly string[], holding: readonly string[], delta: 1 | -1) => {
    const changedSet = new Set(changed);
    for (const a of changed) {
      for (const b of holding) {
        if (a === b) {
          continue;
        }
        pairs.push([a, b, delta]);
        // A pair of two changed products is visited from both sides already.
        if (!changedSet.has(b)) {
          pairs.push([b, a, delta]);
        }
      }
    }
  };
  addPairs(entered, [...after.keys()], 1);
  addPairs(left, [...before.keys()], -1);
  pairs.sort((x, y) => (x[0] === y[0] ? compare(x[1], y[1]) : compare(x[0], y[0])));
  return { after, buyerDeltas, pairDeltas: pairs };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Cosine similarity of two products' buyer sets: co(X, Y) / sqrt(n(X) · n(Y)), in [0, 1]. A
 * best-seller bought by everyone has a large n, so its many co-purchases score low.
 */
export function cosineSimilarity(coPurchases: number, buyersOfSource: number, buyersOfCandidate: number): number {
  if (coPurchases <= 0 || buyersOfSource <= 0 || buyersOfCandidate <= 0) {
    return 0;
  }
  return Math.min(1, coPurchases / Math.sqrt(buyersOfSource * buyersOfCandidate));
}
