import { StockMovementType } from '@omnitill/inventory';
import { ItemCondition } from '../entities/return.enums';

export interface ReceivedUnits {
  readonly variantId: string;
  readonly quantity: number;
  readonly condition: ItemCondition;
}

export interface DispositionMovement {
  readonly variantId: string;
  readonly type: StockMovementType.RETURN_RESTOCK | StockMovementType.DAMAGE;
  readonly quantity: number;
  readonly reason: string;
}

/**
 * The stock movements at the receiving store. Every unit comes in (RETURN_RESTOCK +q); a damaged
 * unit is then written off (DAMAGE −q), so the ledger shows both that it came back and why it is
 * not on the shelf, and on hand is unchanged by damaged returns.
 */
export function dispositionMovements(returnNumber: string, units: readonly ReceivedUnits[]): DispositionMovement[] {
  return units.flatMap((unit): DispositionMovement[] => {
    if (!Number.isSafeInteger(unit.quantity) || unit.quantity < 1) {
      throw new Error(`quantity must be a positive integer, got ${unit.quantity}`);
    }
    const restock: DispositionMovement = {
      variantId: unit.variantId,
      type: StockMovementType.RETURN_RESTOCK,
      quantity: unit.quantity,
      reason: `return ${returnNumber}`,
    };
    switch (unit.condition) {
      case ItemCondition.RESELLABLE:
        return [restock];
      case ItemCondition.DAMAGED:
        return [restock, { variantId: unit.variantId, type: StockMovementType.DAMAGE, quantity: -unit.quantity, reason: `return ${returnNumber}: damaged, written off` }];
    }
  });
}
