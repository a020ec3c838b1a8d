/** The (id, n) pairs of `ids`, counted and sorted, so multi-row counter updates lock in one order. */
export function countedIds(ids: readonly string[]): { ids: string[]; counts: number[] } {
  const counts = new Map<string, number>();
  for (const id of ids) {
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const sorted = [...counts.keys()].sort();
  return { ids: sorted, counts: sorted.map((id) => counts.get(id) ?? 0) };
}
