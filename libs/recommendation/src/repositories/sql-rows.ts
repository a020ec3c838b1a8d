import type { EntityManager } from 'typeorm';

/**
 * Rows of a raw statement. TypeORM answers a top-level UPDATE or DELETE with `[rows, affected]`
 * and anything else with the rows; this hides the difference.
 */
export async function queryRows<T>(manager: EntityManager, sql: string, params: readonly unknown[]): Promise<T[]> {
  const result: unknown = await manager.query(sql, [...params]);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as T[];
  }
  return result as T[];
}

/** Order states whose units the customer keeps (unless returned). */
export const PURCHASED_STATES_SQL = "('COMPLETED', 'PICKED_UP', 'SHIPPED')";

/** Return states in which the goods are back. */
export const RETURNED_STATES_SQL = "('RECEIVED', 'REFUNDED')";
