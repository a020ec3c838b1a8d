import { ParameterisedSql } from '@omnitill/common';

/** A column of a multi-row insert: its name and the PostgreSQL type of its array parameter. */
export type ColumnSpec = readonly [column: string, type: string];

/**
 * `INSERT INTO table (cols) SELECT * FROM unnest($n::type[], ...) [where]`: any number of rows in
 * one statement with one parameter per column. Returns the SQL and its parameters, numbered from
 * `firstParam`. `where` gates the rows (e.g. on a CTE of the same statement).
 */
export function unnestInsert<TRow>(
  table: string,
  columns: Readonly<Record<keyof TRow & string, ColumnSpec>>,
  rows: readonly TRow[],
  firstParam: number,
  where = '',
): ParameterisedSql {
  const entries = Object.entries(columns) as [keyof TRow & string, ColumnSpec][];
  const names = entries.map(([, [column]]) => column).join(', ');
  const arrays = entries.map(([, [, type]], index) => `$${firstParam + index}::${type}[]`).join(', ');
  return {
    sql: `INSERT INTO ${table} (${names}) SELECT * FROM unnest(${arrays})${where ? ` ${where}` : ''}`,
    params: entries.map(([property]) => rows.map((row) => row[property])),
  };
}
