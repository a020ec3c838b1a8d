/**
 * What `units` units of a line were paid, given that `alreadySettled` of its units were refunded
 * (refused, returned) before. THE per-unit rule of omnitill (refused lines, returns, exchanges):
 * the line's total is split by largest remainder, every unit gets the floor of the average and the
 * LAST `total mod quantity` units one minor unit more, so however a line is split into partial
 * refunds, the parts add up to exactly its total and no unit is ever refunded twice over.
 */
export function paidAmountForUnits(lineTotalAmount: number, lineQuantity: number, alreadySettled: number, units: number): number {
  if (![lineTotalAmount, lineQuantity, alreadySettled, units].every(Number.isSafeInteger) || lineQuantity < 1 || alreadySettled < 0 || units < 0) {
    throw new Error('paidAmountForUnits needs non-negative integers and a positive quantity');
  }
  if (alreadySettled + units > lineQuantity) {
    throw new Error(`cannot settle ${units} more of ${lineQuantity} units (${alreadySettled} already settled)`);
  }
  const base = Math.floor(lineTotalAmount / lineQuantity);
  const firstWithExtra = lineQuantity - (lineTotalAmount - base * lineQuantity);
  const withExtra = Math.max(0, alreadySettled + units - Math.max(alreadySettled, firstWithExtra));
  return base * units + withExtra;
}
