import { BadInputException } from '@omnitill/common';

/** Largest quantity one line may move or hold: a typo guard, not a business cap. */
export const MAX_LINE_QUANTITY = 10_000;
/** Largest on hand a cycle count may record. */
export const MAX_COUNTED_QUANTITY = 1_000_000;
/** Most lines one operation may carry. */
export const MAX_LINES = 100;

export interface StockLine {
  readonly variantId: string;
  readonly quantity: number;
}

/**
 * One line per variant (duplicates summed), ids lower-cased as PostgreSQL prints uuids, sorted by
 * variant id: every statement that locks several stock levels locks them in this order, so two
 * operations on overlapping variants queue behind each other instead of deadlocking.
 */
export function mergeStockLines(lines: readonly StockLine[]): StockLine[] {
  const totals = new Map<string, number>();
  for (const line of lines) {
    const variantId = line.variantId.toLowerCase();
    totals.set(variantId, (totals.get(variantId) ?? 0) + line.quantity);
  }
  return [...totals.entries()]
    .map(([variantId, quantity]) => ({ variantId, quantity }))
    .sort((a, b) => (a.variantId < b.variantId ? -1 : a.variantId > b.variantId ? 1 : 0));
}

/** Refuses lines that are empty, non-integer, non-positive or absurdly large (after merging). */
export function assertLineQuantities(lines: readonly StockLine[], max = MAX_LINE_QUANTITY): void {
  if (lines.length === 0) {
    throw new BadInputException('At least one line is required', [{ field: 'lines', messages: ['must not be empty'] }]);
  }
  if (lines.length > MAX_LINES) {
    throw new BadInputException(`At most ${MAX_LINES} lines are allowed`, [{ field: 'lines', messages: [`at most ${MAX_LINES} lines`] }]);
  }
  for (const line of lines) {
    if (!Number.isInteger(line.quantity) || line.quantity < 1 || line.quantity > max) {
      throw new BadInputException(`Quantity of ${line.variantId} must be an integer from 1 to ${max}`, [
        { field: 'quantity', messages: [`must be an integer from 1 to ${max}`] },
      ]);
    }
  }
}

/** The first variant id that appears twice (any case), or null. */
export function firstDuplicateVariant(variantIds: readonly string[]): string | null {
  const seen = new Set<string>();
  for (const id of variantIds) {
    const key = id.toLowerCase();
    if (seen.has(key)) {
      return id;
    }
    seen.add(key);
  }
  return null;
}
