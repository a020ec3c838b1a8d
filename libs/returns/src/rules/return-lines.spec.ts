import { ItemCondition, ReturnReasonCode } from '../entities/return.enums';
import { groupByOrderLine, priceParts, RequestedReturnLine } from './return-lines';

const line = (orderLineId: string, quantity: number, condition: ItemCondition | null = ItemCondition.RESELLABLE): RequestedReturnLine => ({
  orderLineId, quantity, reason: ReturnReasonCode.WRONG_SIZE, condition,
});

describe('groupByOrderLine', () => {
  it('groups by order line in id order, adding up units over conditions', () => {
    const sut = groupByOrderLine([line('B', 1), line('a', 2), line('b', 1, ItemCondition.DAMAGED)]);
    expect(sut.map((group) => [group.orderLineId, group.units, group.parts.length])).toEqual([['a', 2, 1], ['b', 2, 2]]);
  });

  it('refuses an order line twice in one condition, empty lists and bad quantities', () => {
    expect(() => groupByOrderLine([line('a', 1), line('A', 1)])).toThrow('once per condition');
    expect(() => groupByOrderLine([line('a', 1, null), line('a', 2, null)])).toThrow('once per condition');
    expect(() => groupByOrderLine([])).toThrow('Between 1 and 100');
    expect(() => groupByOrderLine(Array.from({ length: 101 }, (_, i) => line(`l${i}`, 1)))).toThrow('Between 1 and 100');
    for (const quantity of [0, -1, 1.5, 1001]) {
      expect(() => groupByOrderLine([line('a', quantity)])).toThrow('positive integers');
    }
  });
});

describe('priceParts', () => {
  it('prices parts as consecutive units of the line', () => {
    const state = { paidAmount: 1000, quantity: 3, settledUnits: 0, refundedAmount: 0 };
    const sut = priceParts(state, [line('a', 1), line('a', 2, ItemCondition.DAMAGED)]);
    expect(sut.map((part) => part.refundAmount)).toEqual([333, 667]);
  });
});
