import 'reflect-metadata';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { printSchema } from 'graphql';
import { ensureDatabase, startEmbeddedPostgres } from '@omnitill/database';
import { CoPurchaseRebuildService } from '@omnitill/recommendation';
import { SaleLineRebuildService } from '@omnitill/reporting';
import { loadConfig } from './config/app-config';
import { createApp } from './bootstrap';
import { createMigrationDataSource, resolveDatabase, runPendingMigrations } from './database/database-runtime';
import { createRootLogger } from './logging/logger';
import { seedDemoDataIfEmpty } from './seed/demo-seed';

const MIGRATIONS_DIR = join('apps', 'api', 'src', 'migrations');
export const SCHEMA_FILE = join('apps', 'api', 'schema.gql');

const logger = createRootLogger(process.env.LOG_LEVEL ?? 'info');

/** A database for tools that must not touch real data: DATABASE_URL, or a throwaway embedded server. */
async function scratchDatabase(): Promise<{ url: string; stop: () => Promise<void> }> {
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, stop: async () => undefined };
  }
  const server = await startEmbeddedPostgres({ dataDir: await mkdtemp(join(tmpdir(), 'omnitill-cli-')), persistent: false, fast: true });
  await ensureDatabase(server.adminUrl, 'scratch');
  return { url: server.urlFor('scratch'), stop: () => server.stop() };
}

function toClassName(name: string): string {
  return name.replace(/[^A-Za-z0-9]/g, '').replace(/^\w/, (c) => c.toUpperCase());
}

/** Diffs the entities against a database migrated to the latest migration and writes the difference. */
async function generateMigration(name: string | undefined, checkOnly = false): Promise<void> {
  if (!checkOnly && (!name || !/^[A-Za-z][A-Za-z0-9]*$/.test(name))) {
    throw new Error('usage: npm run migration:generate -- <PascalCaseName>');
  }
  const database = await scratchDatabase();
  try {
    await runPendingMigrations(database.url, logger);
    const dataSource = createMigrationDataSource(database.url);
    await dataSource.initialize();
    const sql = await dataSource.driver.createSchemaBuilder().log();
    await dataSource.destroy();
    if (sql.upQueries.length === 0) {
      logger.info('entities and migrations agree: nothing to generate');
      return;
    }
    if (checkOnly || !name) {
      throw new Error(
        `entities and migrations disagree (${sql.upQueries.length} statements missing): run npm run migration:generate -- <Name>\n` +
          sql.upQueries.map((q) => `  ${q.query}`).join('\n'),
      );
    }
    const timestamp = Date.now();
    const className = `${toClassName(name)}${timestamp}`;
    const quote = (query: string) => '`' + query.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
    const up = sql.upQueries.map((q) => `    await queryRunner.query(${quote(q.query)});`).join('\n');
    const down = [...sql.downQueries].reverse().map((q) => `    await queryRunner.query(${quote(q.query)});`).join('\n');
    const fileName = `${timestamp}-${name}`;
    await writeFile(
      join(MIGRATIONS_DIR, `${fileName}.ts`),
      `import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${className} implements MigrationInterface {\n  name = '${className}';\n\n  public async up(queryRunner: QueryRunner): Promise<void> {\n${up}\n  }\n\n  public async down(queryRunner: QueryRunner): Promise<void> {\n${down}\n  }\n}\n`,
    );
    const indexFile = join(MIGRATIONS_DIR, 'index.ts');
    let index = await readFile(indexFile, 'utf8');
    index = index.replace(/(\ntype MigrationClass)/, `import { ${className} } from './${fileName}';\n$1`);
    index = index.replace(/(export const ALL_MIGRATIONS[^=]*= \[)([\s\S]*?)(\];)/, (_m, head: string, body: string, tail: string) => {
      const entries = body.split(',').map((e) => e.trim()).filter(Boolean).concat(className);
      return `${head}\n${entries.map((e) => `  ${e},`).join('\n')}\n${tail}`;
    });
    await writeFile(indexFile, index);
    logger.info({ file: `${fileName}.ts`, statements: sql.upQueries.length }, 'migration generated: review it, then commit');
  } finally {
    await database.stop();
  }
}

async function withConfiguredDatabase(work: (url: string) => Promise<void>): Promise<void> {
  const config = loadConfig();
  const database = await resolveDatabase(config, logger);
  try {
    await work(database.url);
  } finally {
    await database.embedded?.stop();
  }
}

/** Writes the GraphQL schema the app serves to apps/api/schema.gql (committed; tests fail on drift). */
async function printGraphQLSchema(): Promise<void> {
  const database = await scratchDatabase();
  try {
    const config = loadConfig({ ...process.env, DATABASE_URL: database.url, LOG_LEVEL: 'warn' });
    await runPendingMigrations(database.url, logger);
    const app = await createApp(config, database.url, logger);
    await app.init();
    const schema = printSchema(app.get(GraphQLSchemaHost).schema);
    await writeFile(SCHEMA_FILE, `${schema}\n`);
    await app.close();
    logger.info({ file: SCHEMA_FILE }, 'GraphQL schema written');
  } finally {
    await database.stop();
  }
}

/**
 * A maintenance command that recomputes derived tables from history in the configured database:
 * the app without the event relay, its big statements not held to the API's per-statement limit.
 */
function rebuildFromHistory(work: (app: Awaited<ReturnType<typeof createApp>>) => Promise<void>): Promise<void> {
  return withConfiguredDatabase(async (url) => {
    const config = loadConfig({
      ...process.env, DATABASE_URL: url, EVENT_RELAY_ENABLED: 'false', DATABASE_STATEMENT_TIMEOUT_MS: process.env.DATABASE_STATEMENT_TIMEOUT_MS ?? '600000',
    });
    const app = await createApp(config, url, logger);
    await app.init();
    await work(app);
    await app.close();
  });
}

async function run(command: string | undefined, args: string[]): Promise<void> {
  switch (command) {
    case 'migration:generate':
      return generateMigration(args[0]);
    case 'migration:check':
      return generateMigration(undefined, true);
    case 'migration:run':
      return withConfiguredDatabase(async (url) => {
        const applied = await runPendingMigrations(url, logger);
        logger.info(`${applied.length} migration(s) applied`);
      });
    case 'migration:revert':
      return withConfiguredDatabase(async (url) => {
        const dataSource = createMigrationDataSource(url);
        await dataSource.initialize();
        await dataSource.undoLastMigration({ transaction: 'each' });
        await dataSource.destroy();
      });
    case 'seed:demo':
      return withConfiguredDatabase(async (url) => {
        const config = loadConfig({ ...process.env, DATABASE_URL: url });
        await runPendingMigrations(url, logger);
        const app = await createApp(config, url, logger);
        await app.init();
        await seedDemoDataIfEmpty(app, logger, config.DATA_DIR);
        await app.close();
      });
    case 'schema:print':
      return printGraphQLSchema();
    case 'recommendation:rebuild':
      return rebuildFromHistory(async (app) => {
        logger.info(await app.get(CoPurchaseRebuildService).rebuild(), 'recommendation tables rebuilt from history');
      });
    case 'reporting:rebuild':
      return rebuildFromHistory(async (app) => {
        logger.info(await app.get(SaleLineRebuildService).rebuild(), 'report_sale_line rebuilt from history');
      });
    case undefined:
    default:
      throw new Error(`unknown command ${command ?? '(none)'}: use migration:generate|migration:check|migration:run|migration:revert|seed:demo|schema:print|recommendation:rebuild|reporting:rebuild`);
  }
}

run(process.argv[2], process.argv.slice(3)).then(
  () => process.exit(0),
  (error: unknown) => {
    logger.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
