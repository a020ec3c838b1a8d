import { BadInputException } from '@omnitill/common';
import { ItemCondition, ReturnReasonCode } from '../entities/return.enums';
import { LineRefundState, refundForUnits } from './refund-proration';

export const MAX_RETURN_LINES = 100;
export const MAX_RETURN_LINE_QUANTITY = 1000;

/** A line as asked for: condition is null while only authorised (nobody has seen the goods). */
export interface RequestedReturnLine {
  readonly orderLineId: string;
  readonly quantity: number;
  readonly reason: ReturnReasonCode;
  readonly condition: ItemCondition | null;
}

/** Units of one order line in this return, possibly in several conditions. */
export interface OrderLineReturn {
  readonly orderLineId: string;
  readonly units: number;
  readonly parts: RequestedReturnLine[];
}

/**
 * Groups the requested lines by order line, ordered by order-line id: the ledger is then written in
 * a fixed order, whatever order the till sent. One order line may appear once per condition
 * (one unit resellable, one damaged).
 */
export function groupByOrderLine(lines: readonly RequestedReturnLine[]): OrderLineReturn[] {
  if (lines.length === 0 || lines.length > MAX_RETURN_LINES) {
    throw new BadInputException(`Between 1 and ${MAX_RETURN_LINES} lines are required`, [{ field: 'lines', messages: ['1 to 100 lines'] }]);
  }
  const groups = new Map<string, RequestedReturnLine[]>();
  for (const [index, line] of lines.entries()) {
    if (!Number.isSafeInteger(line.quantity) || line.quantity < 1 || line.quantity > MAX_RETURN_LINE_QUANTITY) {
      throw new BadInputException('Quantities must be positive integers', [{ field: `lines.${index}.quantity`, messages: [`1 to ${MAX_RETURN_LINE_QUANTITY}`] }]);
    }
    const id = line.orderLineId.toLowerCase();
    const group = groups.get(id) ?? [];
    if (group.some((other) => other.condition === line.condition)) {
      throw new BadInputException('An order line may appear once per condition', [{ field: `lines.${index}.orderLineId`, messages: ['repeated'] }]);
    }
    group.push({ ...line, orderLineId: id });
    groups.set(id, group);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([orderLineId, parts]) => ({ orderLineId, units: parts.reduce((sum, part) => sum + part.quantity, 0), parts }));
}

export interface PricedReturnLine extends RequestedReturnLine {
  readonly refundAmount: number;
}

/** Prices each part in turn: the parts take consecutive units of the line, so they add up like one return. */
export function priceParts(state: LineRefundState, parts: readonly RequestedReturnLine[]): PricedReturnLine[] {
  let settledUnits = state.settledUnits;
  let refundedAmount = state.refundedAmount;
  return parts.map((part) => {
    const refundAmount = refundForUnits({ ...state, settledUnits, refundedAmount }, part.quantity);
    settledUnits += part.quantity;
    refundedAmount += refundAmount;
    return { ...part, refundAmount };
  });
}
