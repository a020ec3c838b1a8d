import type { DataSource, EntityManager } from 'typeorm';
import { RequestContext } from '../context/request-context';

/** The open transaction's manager when there is one, else the pool's. Repositories use this. */
export function entityManagerOf(ctx: RequestContext, dataSource: DataSource): EntityManager {
  return ctx.entityManager ?? dataSource.manager;
}

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

/** True when a query failed on a unique constraint (optionally a named one). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const driverError = (error as { driverError?: { code?: string; constraint?: string } } | null)?.driverError ?? (error as { code?: string; constraint?: string } | null);
  return driverError?.code === '23505' && (constraint === undefined || driverError.constraint === constraint);
}

/** Escapes LIKE wildcards so user input matches literally (PostgreSQL's default escape is \). */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}
