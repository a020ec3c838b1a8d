import type { EntityManager } from 'typeorm';

/**
 * Rows of a raw statement. TypeORM answers a top-level UPDATE or DELETE with `[rows, affected]`
 * and anything else with the rows; this hides the difference.
 */
export async function queryRows<T>(manager: EntityManager, sql: string, params: readonly unknown[]): Promise<T[]> {
  const result: unknown = await manager.query(sql, [...params]);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as T[];
  }
  return result as T[];
}

/** The (id, n) pairs of `ids`, counted and sorted, so multi-row counter updates lock in one order. */
export function countedIds(ids: readonly string[]): { ids: string[]; counts: number[] } {
  const counts = new Map<string, number>();
  for (const id of ids) {
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const sorted = [...counts.keys()].sort();
  return { ids: sorted, counts: sorted.map((id) => counts.get(id) ?? 0) };
}
