/** Order states that are sales: a completed POS sale, a collected pickup, a shipped order. */
export const SALE_STATES_SQL = `('COMPLETED', 'PICKED_UP', 'SHIPPED')`;

/** Return states whose goods are back (and whose refund amounts are exact). */
export const RECEIVED_RETURN_STATES_SQL = `('RECEIVED', 'REFUNDED')`;

/** PostgreSQL returns bigint and numeric sums as strings; null sums are 0. */
export function toInt(value: string | number | null | undefined): number {
  if (value === null || value === undefined) {
    return 0;
  }
  const number = Number(value);
  if (!Number.isSafeInteger(number)) {
    throw new Error(`report value ${String(value)} is not a safe integer`);
  }
  return number;
}

export function toNullableNumber(value: string | number | null | undefined): number | null {
  return value === null || value === undefined ? null : Number(value);
}
