/** The longest list written out as one parameter per value; longer lists go as one array parameter. */
export const IN_LIST_MAX_PARAMETERS = 16;

/** A fragment of SQL and the parameters it takes, to append after the statement's others. */
export interface ParameterisedSql {
  readonly sql: string;
  readonly params: unknown[];
}

/**
 * `column IN ($k, $k+1, …)` with one parameter per value for up to IN_LIST_MAX_PARAMETERS values,
 * `column = ANY($k::type[])` beyond (and for none). `firstParameter` is k, the number of the first
 * parameter this condition takes.
 *
 * Why not always `= ANY($k)`: a prepared statement's generic plan assumes an array parameter holds
 * 10 elements, so for a 3-item basket PostgreSQL estimates the generic plan at about three times
 * the cost of a custom one and re-plans the statement on every call (measured on the availability
 * read: 0.37 ms of planning for 0.057 ms of execution). With one statement text per list length,
 * the generic plan's estimate is right and PostgreSQL keeps it after five calls. Each length is a
 * separate prepared statement per connection (at most IN_LIST_MAX_PARAMETERS + 1 texts).
 */
export function inList(column: string, sqlType: string, firstParameter: number, values: readonly unknown[]): ParameterisedSql {
  if (values.length === 0 || values.length > IN_LIST_MAX_PARAMETERS) {
    return { sql: `${column} = ANY($${firstParameter}::${sqlType}[])`, params: [values] };
  }
  const placeholders = values.map((_, index) => `$${firstParameter + index}::${sqlType}`);
  return { sql: `${column} IN (${placeholders.join(', ')})`, params: [...values] };
}

/**
 * A table of `rows` for a FROM clause, named `alias(columns)`: `(VALUES ($k, $k+1), …)` with one
 * parameter per value for up to IN_LIST_MAX_PARAMETERS rows, `unnest($k::type[], …)` (one array
 * per column) beyond. For the same reason as inList: PostgreSQL estimates an unnest of array
 * parameters at 10 rows and re-plans such a statement on every call.
 */
export function rowsList(alias: string, columns: readonly { name: string; sqlType: string }[], firstParameter: number, rows: readonly (readonly unknown[])[]): ParameterisedSql {
  const names = `${alias}(${columns.map((column) => column.name).join(', ')})`;
  if (rows.length === 0 || rows.length > IN_LIST_MAX_PARAMETERS) {
    const arrays = columns.map((column, index) => `$${firstParameter + index}::${column.sqlType}[]`);
    return { sql: `unnest(${arrays.join(', ')}) AS ${names}`, params: columns.map((_, index) => rows.map((row) => row[index])) };
  }
  const tuples = rows.map((_, rowIndex) =>
    `(${columns.map((column, index) => `$${firstParameter + rowIndex * columns.length + index}::${column.sqlType}`).join(', ')})`);
  return { sql: `(VALUES ${tuples.join(', ')}) AS ${names}`, params: rows.flatMap((row) => [...row]) };
}
