/* Starts the test PostgreSQL once per run and builds a migrated template database; every e2e file
 * then clones it (CREATE DATABASE ... TEMPLATE), which takes a fraction of a second.
 * Loaded by Jest outside its module mapper, so it imports by relative path. */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
// eslint-disable-next-line no-restricted-imports -- global setup runs outside Jest's alias mapper
import { startEmbeddedPostgres, quoteIdentifier } from '../../libs/database/src/embedded-postgres';
import { ALL_MIGRATIONS } from '../../apps/api/src/migrations';

declare global {
  var __OMNITILL_TEST_DB__: { stop: () => Promise<void>; adminUrl: string; template: string } | undefined;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  let adminUrl: string;
  let stop: () => Promise<void> = async () => undefined;
  if (process.env.DATABASE_URL) {
    adminUrl = process.env.DATABASE_URL;
  } else {
    const server = await startEmbeddedPostgres({
      dataDir: await mkdtemp(join(tmpdir(), 'omnitill-test-pg-')),
      persistent: false,
      fast: true,
    });
    adminUrl = server.adminUrl;
    stop = () => server.stop();
  }
  const template = `omnitill_tpl_${process.pid}_${Date.now().toString(36)}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${quoteIdentifier(template)}`);
  await admin.end();

  const dataSource = new DataSource({
    type: 'postgres',
    url: withDatabase(adminUrl, template),
    migrations: ALL_MIGRATIONS,
    migrationsTableName: 'schema_migrations',
  });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();

  process.env.OMNITILL_TEST_ADMIN_URL = adminUrl;
  process.env.OMNITILL_TEST_TEMPLATE = template;
  globalThis.__OMNITILL_TEST_DB__ = { stop, adminUrl, template };
  process.stdout.write(`\n[e2e] PostgreSQL ready with migrated template ${template} in ${Date.now() - started} ms\n`);
}
