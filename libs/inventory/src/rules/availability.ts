import { StockLine } from './stock-lines';

export interface StockFigures {
  readonly onHand: number;
  readonly reserved: number;
  readonly safetyStock: number;
}

/** What can still be promised: on hand − reserved − safety stock, never shown below zero. */
export function availableOf(figures: StockFigures): number {
  return Math.max(0, figures.onHand - figures.reserved - figures.safetyStock);
}

/** Low when a threshold is set and what is available has fallen to it or below. */
export function isLowStock(figures: StockFigures & { readonly lowStockThreshold: number | null }): boolean {
  return figures.lowStockThreshold !== null && availableOf(figures) <= figures.lowStockThreshold;
}

export const NO_STOCK: StockFigures = { onHand: 0, reserved: 0, safetyStock: 0 };

export interface LineAvailability {
  readonly variantId: string;
  readonly requested: number;
  readonly available: number;
}

/** Our own change to some lines, made by a statement that is about to be rolled back. */
export interface OwnChange {
  /** Reserved: we added each line's quantity to reserved. Removed: we took it out of on hand. */
  readonly kind: 'RESERVED' | 'REMOVED';
  readonly variantIds: ReadonlySet<string>;
}

/**
 * Availability per requested line after a statement changed only some of them: `levels` was read
 * inside the same (doomed) transaction, so the lines in `own` still carry our change, which the
 * rollback will undo and which must not be reported as taken.
 */
export function availabilityBeforeOwnChange(
  lines: readonly StockLine[],
  levels: ReadonlyMap<string, StockFigures>,
  own: OwnChange,
): LineAvailability[] {
  return lines.map((line) => {
    const level = levels.get(line.variantId) ?? NO_STOCK;
    const undo = own.variantIds.has(line.variantId) ? line.quantity : 0;
    const before = own.kind === 'RESERVED' ? { ...level, reserved: level.reserved - undo } : { ...level, onHand: level.onHand + undo };
    return { variantId: line.variantId, requested: line.quantity, available: availableOf(before) };
  });
}
