/** Sums keyed by id from rows `{ id, amount }` (bigint sums arrive as strings). */
export function sumsById(rows: readonly { id: string; amount: string | number }[]): Map<string, number> {
  return new Map(rows.map((row) => [row.id, Number(row.amount)]));
}
