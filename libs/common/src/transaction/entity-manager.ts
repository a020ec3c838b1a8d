import { createHash } from 'node:crypto';
import { QueryFailedError } from 'typeorm';
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

/** A pg connection as far as prepared statements need it. */
interface PreparingClient {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

const statementNames = new Map<string, string>();

/** A stable name per SQL text: the same statement is prepared once per connection. */
function statementName(sql: string): string {
  let name = statementNames.get(sql);
  if (name === undefined) {
    name = `omnitill_${createHash('sha256').update(sql).digest('hex').slice(0, 24)}`;
    statementNames.set(sql, name);
  }
  return name;
}

/**
 * Rows of a statement run as a NAMED prepared statement: parsed once per connection instead of on
 * every call, and planned once too where PostgreSQL settles on a generic plan (after five runs,
 * when it is not costlier than planning for each call's values: the sale's writes do).
 * For the hot paths' fixed SQL texts only (every distinct text stays prepared on each pooled
 * connection): pass varying data as (array) parameters, never in the text. Runs on the open
 * transaction's connection, else on one from the pool. Errors are QueryFailedError, as from TypeORM.
 */
export async function queryPrepared<T>(manager: EntityManager, sql: string, params: readonly unknown[]): Promise<T[]> {
  const runner = manager.queryRunner;
  // In a transaction, its connection; else the pool's (pg's Pool.query takes a client for one statement).
  const client = (runner?.isTransactionActive ? await runner.connect() : (manager.connection.driver as unknown as { master: PreparingClient }).master) as PreparingClient;
  try {
    const result = await client.query({ name: statementName(sql), text: sql, values: [...params] });
    return result.rows as T[];
  } catch (error) {
    throw new QueryFailedError(sql, [...params], error as Error);
  }
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

const selectLists = new WeakMap<object, Map<string, string>>();

/**
 * The select list of every selectable column of `entity`, each named as `prefix` + its property:
 * `"k"."code" AS "k.code"`. For our entities (no transformers, no embedded columns) pg's values
 * are what TypeORM's find hydrates.
 */
function selectList(manager: EntityManager, entity: new () => object, alias: string | null, prefix: string): string {
  const metadata = manager.connection.getMetadata(entity);
  let lists = selectLists.get(metadata);
  if (lists === undefined) {
    lists = new Map();
    selectLists.set(metadata, lists);
  }
  const key = `${alias ?? ''}|${prefix}`;
  let list = lists.get(key);
  if (list === undefined) {
    list = metadata.columns
      .filter((column) => column.isSelect && !column.isVirtual && column.embeddedMetadata === undefined)
      .map((column) => `${alias ? `"${alias}".` : ''}"${column.databaseName}" AS "${prefix}${column.propertyName}"`)
      .join(', ');
    lists.set(key, list);
  }
  return list;
}

/** A new `entity` holding the row's values named `prefix` + property. */
function hydrate<T extends object>(entity: new () => T, row: Record<string, unknown>, prefix: string): T {
  const target = new entity() as Record<string, unknown>;
  for (const [name, value] of Object.entries(row)) {
    if (name.startsWith(prefix)) {
      target[name.slice(prefix.length)] = value;
    }
  }
  return target as T;
}

function tableOf(manager: EntityManager, entity: new () => object): string {
  return manager.connection.getMetadata(entity).tablePath.split('.').map((part) => `"${part}"`).join('.');
}

/**
 * Entities of `entity`'s table matching `where` (SQL on the table's columns, `$n` parameters),
 * read as ONE named prepared statement (queryPrepared) instead of TypeORM's query builder, whose
 * statements PostgreSQL plans on every call. Every selectable column is read and assigned to a new
 * instance, as TypeORM's find hydrates it. No relations are loaded. `orderBy` is SQL too.
 */
export async function findPrepared<T extends object>(
  manager: EntityManager,
  entity: new () => T,
  where: string,
  params: readonly unknown[],
  options: { readonly orderBy?: string; readonly forUpdate?: boolean } = {},
): Promise<T[]> {
  const rows = await queryPrepared<Record<string, unknown>>(
    manager,
    `SELECT ${selectList(manager, entity, null, '')} FROM ${tableOf(manager, entity)} WHERE ${where}` +
      `${options.orderBy ? ` ORDER BY ${options.orderBy}` : ''}${options.forUpdate ? ' FOR UPDATE' : ''}`,
    params,
  );
  return rows.map((row) => hydrate(entity, row, ''));
}

/**
 * Like findPrepared for rows of `entity` (alias `a`) joined one-to-one with `joined` (alias `b`)
 * `on` a condition: each result is the entity with the joined one under `property`. One prepared
 * statement; `where` may use both aliases.
 */
export async function findPreparedWith<T extends object, J extends object, K extends string>(
  manager: EntityManager,
  entity: new () => T,
  joined: { readonly entity: new () => J; readonly on: string; readonly property: K },
  where: string,
  params: readonly unknown[],
): Promise<(T & Record<K, J>)[]> {
  const rows = await queryPrepared<Record<string, unknown>>(
    manager,
    `SELECT ${selectList(manager, entity, 'a', 'a.')}, ${selectList(manager, joined.entity, 'b', 'b.')}
       FROM ${tableOf(manager, entity)} a JOIN ${tableOf(manager, joined.entity)} b ON ${joined.on}
      WHERE ${where}`,
    params,
  );
  return rows.map((row) => Object.assign(hydrate(entity, row, 'a.'), { [joined.property]: hydrate(joined.entity, row, 'b.') }) as T & Record<K, J>);
}
