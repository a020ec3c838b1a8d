import { StockMovementType } from '../entities/stock.enums';

type Direction = 'IN' | 'OUT' | 'EITHER';

/** Which way each movement type moves on hand; corrections go either way. */
export const MOVEMENT_DIRECTION: Readonly<Record<StockMovementType, Direction>> = {
  [StockMovementType.RECEIPT]: 'IN',
  [StockMovementType.RETURN_RESTOCK]: 'IN',
  [StockMovementType.TRANSFER_IN]: 'IN',
  [StockMovementType.SALE]: 'OUT',
  [StockMovementType.PICKUP]: 'OUT',
  [StockMovementType.DAMAGE]: 'OUT',
  [StockMovementType.TRANSFER_OUT]: 'OUT',
  [StockMovementType.COUNT_CORRECTION]: 'EITHER',
  [StockMovementType.ADJUSTMENT]: 'EITHER',
};

/** Why a movement of `type` cannot carry `quantity`, or null when it can. */
export function movementQuantityProblem(type: StockMovementType, quantity: number): string | null {
  if (!Number.isInteger(quantity) || quantity === 0) {
    return `${type} quantity must be a non-zero integer`;
  }
  const direction = MOVEMENT_DIRECTION[type];
  if (direction === 'IN' && quantity < 0) {
    return `${type} adds stock: its quantity must be positive`;
  }
  if (direction === 'OUT' && quantity > 0) {
    return `${type} removes stock: its quantity must be negative`;
  }
  return null;
}
