import { BadInputException } from '@omnitill/common';
import { firstDuplicateVariant, StockLine } from './stock-lines';

export interface SettlementLine {
  readonly variantId: string;
  /** Units leaving on hand (the movement). */
  readonly take: number;
  /** Units no longer reserved: everything the line held. */
  readonly release: number;
}

/**
 * How a reservation is settled: by default every held unit is taken; with `quantities`, each listed
 * variant takes that many (0 up to what it holds) and unlisted variants take none. Whatever is not
 * taken is released back to available.
 */
export function planSettlement(held: readonly StockLine[], quantities?: readonly StockLine[]): SettlementLine[] {
  if (!quantities) {
    return held.map((line) => ({ variantId: line.variantId, take: line.quantity, release: line.quantity }));
  }
  const duplicate = firstDuplicateVariant(quantities.map((line) => line.variantId));
  if (duplicate) {
    throw new BadInputException(`Variant ${duplicate} is listed twice`);
  }
  const heldBy = new Map(held.map((line) => [line.variantId, line.quantity]));
  const takeBy = new Map<string, number>();
  for (const line of quantities) {
    const variantId = line.variantId.toLowerCase();
    const holding = heldBy.get(variantId);
    if (holding === undefined) {
      throw new BadInputException(`Variant ${line.variantId} is not part of this reservation`);
    }
    if (!Number.isInteger(line.quantity) || line.quantity < 0 || line.quantity > holding) {
      throw new BadInputException(`Quantity of ${line.variantId} must be an integer from 0 to ${holding} (what is reserved)`);
    }
    takeBy.set(variantId, line.quantity);
  }
  return held.map((line) => ({ variantId: line.variantId, take: takeBy.get(line.variantId) ?? 0, release: line.quantity }));
}
