import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { LogController } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import { AppConfig } from './config/app-config';
import { AppModule, AppOverrides } from './app.module';
import { PinoNestLogger } from './logging/logger';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Builds the Nest application exactly as production runs it (adapter, limits, hooks, filters).
 * e2e tests use this too, so they exercise the real thing.
 */
export async function createApp(config: AppConfig, databaseUrl: string, logger: Logger, overrides: AppOverrides = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    logController: new LogController({ disableRequestLogging: !config.LOG_REQUESTS }),
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: true,
    requestIdHeader: 'x-request-id',
    genReqId: (request: IncomingMessage) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(config, databaseUrl, overrides), adapter, {
    logger: new PinoNestLogger(logger),
    bufferLogs: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  // GraphiQL lives at /graphiql; a browser opening /graphql is sent there.
  fastify.addHook('onRequest', async (request, reply) => {
    if (
      config.GRAPHIQL &&
      request.method === 'GET' &&
      request.url === '/graphql' &&
      (request.headers.accept ?? '').includes('text/html')
    ) {
      await reply.redirect('/graphiql', 302);
    }
  });
  return app;
}
