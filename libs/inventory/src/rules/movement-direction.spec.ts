import { StockMovementType } from '../entities/stock.enums';
import { MOVEMENT_DIRECTION, movementQuantityProblem } from './movement-direction';

describe('movementQuantityProblem', () => {
  it.each(Object.values(StockMovementType))('%s refuses zero and fractions', (type) => {
    expect(movementQuantityProblem(type, 0)).toMatch(/non-zero integer/);
    expect(movementQuantityProblem(type, 1.5)).toMatch(/non-zero integer/);
  });

  it.each(Object.values(StockMovementType))('%s accepts only its direction', (type) => {
    const direction = MOVEMENT_DIRECTION[type];
    expect(movementQuantityProblem(type, 3) === null).toBe(direction !== 'OUT');
    expect(movementQuantityProblem(type, -3) === null).toBe(direction !== 'IN');
  });

  it('knows the directions that matter to returns', () => {
    expect(movementQuantityProblem(StockMovementType.RETURN_RESTOCK, 1)).toBeNull();
    expect(movementQuantityProblem(StockMovementType.DAMAGE, -1)).toBeNull();
    expect(movementQuantityProblem(StockMovementType.DAMAGE, 1)).toMatch(/negative/);
  });
});
