import { StockMovementType } from '@omnitill/inventory';
import { ItemCondition } from '../entities/return.enums';
import { dispositionMovements } from './disposition';

describe('dispositionMovements', () => {
  it('restocks resellable units and writes damaged ones off after taking them in', () => {
    const sut = dispositionMovements('X-P-000001-R1', [
      { variantId: 'a', quantity: 2, condition: ItemCondition.RESELLABLE },
      { variantId: 'b', quantity: 1, condition: ItemCondition.DAMAGED },
    ]);
    expect(sut).toEqual([
      { variantId: 'a', type: StockMovementType.RETURN_RESTOCK, quantity: 2, reason: 'return X-P-000001-R1' },
      { variantId: 'b', type: StockMovementType.RETURN_RESTOCK, quantity: 1, reason: 'return X-P-000001-R1' },
      { variantId: 'b', type: StockMovementType.DAMAGE, quantity: -1, reason: 'return X-P-000001-R1: damaged, written off' },
    ]);
    const net = (variantId: string) => sut.filter((m) => m.variantId === variantId).reduce((sum, m) => sum + m.quantity, 0);
    expect([net('a'), net('b')]).toEqual([2, 0]);
  });

  it('refuses non-positive quantities', () => {
    expect(() => dispositionMovements('R', [{ variantId: 'a', quantity: 0, condition: ItemCondition.RESELLABLE }])).toThrow();
  });
});
