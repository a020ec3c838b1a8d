import 'reflect-metadata';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig, ConfigError, loadConfig } from './config/app-config';
import { createApp } from './bootstrap';
import { resolveDatabase, runPendingMigrations } from './database/database-runtime';
import { createRootLogger } from './logging/logger';
import { seedDemoDataIfEmpty } from './seed/demo-seed';

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createRootLogger(config.LOG_LEVEL);
  const database = await resolveDatabase(config, logger);
  let app: NestFastifyApplication | null = null;

  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) {
      return;
    }
    shuttingDown = true;
    logger.info({ signal }, 'shutting down: draining requests');
    const forceExit = setTimeout(() => process.exit(1), 15_000);
    forceExit.unref();
    try {
      // Stops accepting, lets in-flight requests finish, then closes the database pool.
      await app?.close();
      await database.embedded?.stop();
    } finally {
      logger.info('shutdown complete');
      process.exit(0);
    }
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));

  if (config.MIGRATIONS_RUN) {
    await runPendingMigrations(database.url, logger);
  }
  app = await createApp(config, database.url, logger);
  await app.init();
  if (config.seedDemo) {
    await seedDemoDataIfEmpty(app, logger, config.DATA_DIR);
  }
  await app.listen({ port: config.PORT, host: config.HOST });
  const url = `http://localhost:${config.PORT}`;
  logger.info(`omnitill API ready: ${url}/graphql (GraphiQL: ${url}/graphiql, health: ${url}/health/ready)`);
}

main().catch((error: unknown) => {
  process.stderr.write(`omnitill failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
