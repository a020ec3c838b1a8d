import { Client, ClientConfig } from 'pg';
import type { DataSourceOptions, EntitySchema, MixedList } from 'typeorm';

type EntityList = MixedList<string | (abstract new (...args: never[]) => unknown) | EntitySchema>;
type MigrationList = MixedList<string | (new () => unknown)>;

export interface DatabaseSettings {
  readonly url: string;
  readonly poolSize: number;
  readonly statementTimeoutMs: number;
  readonly applicationName: string;
}

/**
 * The pool's client class. pg emits 'error' when a message such as "terminating connection due to
 * administrator command" (a server restart) reaches a client that runs no query; the pool's and
 * TypeORM's listeners come and go as a client is handed over, and a session that the server ends
 * in the same read that completed its connect arrives between them: with no listener at all, the
 * event would crash the process. This listener stays for the client's life; the pool still drops
 * the client (its next query fails and is mapped to SERVICE_UNAVAILABLE).
 */
export class PoolClient extends Client {
  constructor(config?: string | ClientConfig) {
    super(config);
    this.on('error', () => undefined);
  }
}

/** The one place TypeORM is configured: migrations only, never `synchronize`. */
export function buildDataSourceOptions(
  settings: DatabaseSettings,
  entities: EntityList,
  migrations: MigrationList,
): DataSourceOptions {
  return {
    type: 'postgres',
    url: settings.url,
    entities,
    migrations,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install (or to need superuser for).
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    migrationsRun: false,
    // Failed queries surface as errors, mapped and logged (with the request id) by the API.
    logging: false,
    applicationName: settings.applicationName,
    poolSize: settings.poolSize,
    extra: {
      max: settings.poolSize,
      Client: PoolClient,
      // Fail fast instead of hanging when the database is unreachable.
      connectionTimeoutMillis: 5_000,
      statement_timeout: settings.statementTimeoutMs,
      idle_in_transaction_session_timeout: 60_000,
      // plan_cache_mode stays `auto`: `force_generic_plan` would also apply to TypeORM's unnamed
      // statements (measured: a report query 2x slower). Named statements (queryPrepared) switch
      // to a generic plan by themselves where it is not costlier (the sale's writes do).
    },
  };
}
