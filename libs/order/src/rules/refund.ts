/**
 * What `units` units of a line were paid, given that `alreadySettled` of its units were refunded
 * (refused, returned) before. Uses cumulative flooring, so however a line is split into partial
 * refunds, the parts add up to exactly its total and no unit is ever refunded twice over.
 */
export function paidAmountForUnits(lineTotalAmount: number, lineQuantity: number, alreadySettled: number, units: number): number {
  if (![lineTotalAmount, lineQuantity, alreadySettled, units].every(Number.isSafeInteger) || lineQuantity < 1 || alreadySettled < 0 || units < 0) {
    throw new Error('paidAmountForUnits needs non-negative integers and a positive quantity');
  }
  if (alreadySettled + units > lineQuantity) {
    throw new Error(`cannot settle ${units} more of ${lineQuantity} units (${alreadySettled} already settled)`);
  }
  const upTo = (count: number) => Math.floor((lineTotalAmount * count) / lineQuantity);
  return upTo(alreadySettled + units) - upTo(alreadySettled);
}
