import type { EntityManager } from 'typeorm';
import { findPrepared, findPreparedWith } from '@omnitill/common';

/** A row as JSON with its own and its nested objects' keys sorted, so equal rows compare equal. */
function rowKey(row: object): string {
  return JSON.stringify(row, (_name, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)))
      : value);
}

export interface BothReads<T> {
  /** Every row as TypeORM's find (or inner join) reads it, as sorted keys. */
  readonly typeOrm: string[];
  /** The same rows as findPrepared (or findPreparedWith) reads them, as sorted keys. */
  readonly prepared: string[];
  /** What findPrepared(With) answered, for checks on the instances themselves. */
  readonly preparedRows: T[];
}

/**
 * Every row of `entity`'s table read both ways: TypeORM's find and findPrepared, or, with
 * `joined`, TypeORM's inner join on the relation `joined.property` and findPreparedWith. A test
 * asserts that the two agree.
 */
export async function readBothWays<T extends object, J extends object = never, K extends string = never>(
  manager: EntityManager,
  entity: new () => T,
  joined?: { readonly entity: new () => J; readonly on: string; readonly property: K },
): Promise<BothReads<T>> {
  const typeOrmRows: object[] = joined
    ? await manager.createQueryBuilder(entity, 'a').innerJoinAndSelect(`a.${joined.property}`, 'b').getMany()
    : await manager.find(entity);
  const preparedRows: T[] = joined ? await findPreparedWith(manager, entity, joined, 'true', []) : await findPrepared(manager, entity, 'true', []);
  return { typeOrm: typeOrmRows.map(rowKey).sort(), prepared: preparedRows.map(rowKey).sort(), preparedRows };
}
