import { randomBytes } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import pino from 'pino';
import { Clock, isErrorResult, RequestContext, StaffRole } from '@omnitill/common';
import { StaffAdminService } from '@omnitill/auth';
import { createApp } from '../../../apps/api/src/bootstrap';
import { loadConfig } from '../../../apps/api/src/config/app-config';

export interface GraphQLResponse<TData = Record<string, unknown>> {
  status: number;
  data: TData | null;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; fields?: { field: string; messages: string[] }[]; [key: string]: unknown } }[];
  headers: Record<string, string>;
}

export interface Auth {
  token?: string;
  apiKey?: string;
  terminalKey?: string;
  headers?: Record<string, string>;
}

/** The real app on its own freshly cloned, migrated database, driven over HTTP like a client. */
export class TestApp {
  private constructor(
    readonly app: NestFastifyApplication,
    readonly databaseUrl: string,
    /** The cloned database this app drops on close; null when attached to someone else's. */
    private readonly databaseName: string | null,
  ) {}

  /**
   * Another app instance on an existing, migrated database (a second replica, or a database the
   * test runs itself). close() leaves the database alone.
   */
  static async attach(databaseUrl: string, options: { env?: Record<string, string>; clock?: Clock } = {}): Promise<TestApp> {
    const app = await TestApp.boot(databaseUrl, options);
    return new TestApp(app, databaseUrl, null);
  }

  private static async boot(databaseUrl: string, options: { env?: Record<string, string>; clock?: Clock }): Promise<NestFastifyApplication> {
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'error',
      LOG_REQUESTS: 'false',
      DATABASE_POOL_SIZE: '10',
      ...options.env,
    });
    const logger = pino({ level: config.LOG_LEVEL });
    const app = await createApp(config, databaseUrl, logger, { clock: options.clock });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    return app;
  }

  /**
   * Boots the app on a fresh database. `env` overrides configuration; `clock` (a FakeClock) lets
   * a test move time for expiry rules.
   */
  static async start(options: { env?: Record<string, string>; clock?: Clock } = {}): Promise<TestApp> {
    const adminUrl = process.env.OMNITILL_TEST_ADMIN_URL;
    const template = process.env.OMNITILL_TEST_TEMPLATE;
    if (!adminUrl || !template) {
      throw new Error('e2e global setup did not run (OMNITILL_TEST_ADMIN_URL missing)');
    }
    const databaseName = `${template}_t${randomBytes(5).toString('hex')}`;
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      for (let attempt = 1; ; attempt++) {
        try {
          await admin.query(`CREATE DATABASE "${databaseName}" TEMPLATE "${template}"`);
          break;
        } catch (error) {
          // Two files cloning the template at the same instant can collide; try again.
          if (attempt >= 10 || !/being accessed by other users/.test(String(error))) {
            throw error;
          }
          await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
        }
      }
    } finally {
      await admin.end();
    }
    const url = new URL(adminUrl);
    url.pathname = `/${databaseName}`;
    const databaseUrl = url.toString();
    const app = await TestApp.boot(databaseUrl, options);
    return new TestApp(app, databaseUrl, databaseName);
  }

  get dataSource(): DataSource {
    return this.app.get(DataSource);
  }

  /** Runs SQL directly, for asserting what the database holds (never to drive the app). */
  query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.dataSource.query(sql, params);
  }

  async count(table: string, where = 'true', params: unknown[] = []): Promise<number> {
    const [row] = await this.query<{ count: string }>(`SELECT count(*) AS count FROM ${table} WHERE ${where}`, params);
    return Number(row.count);
  }

  http(): ReturnType<typeof request> {
    return request(this.app.getHttpServer());
  }

  async graphql<TData = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}, auth: Auth = {}): Promise<GraphQLResponse<TData>> {
    let call = this.http().post('/graphql').set('content-type', 'application/json');
    if (auth.token) {
      call = call.set('authorization', `Bearer ${auth.token}`);
    }
    if (auth.apiKey) {
      call = call.set('x-api-key', auth.apiKey);
    }
    if (auth.terminalKey) {
      call = call.set('x-terminal-key', auth.terminalKey);
    }
    for (const [name, value] of Object.entries(auth.headers ?? {})) {
      call = call.set(name, value);
    }
    const response = await call.send({ query, variables });
    const body = response.body as { data?: TData | null; errors?: GraphQLResponse['errors'] };
    return { status: response.status, data: body.data ?? null, errors: body.errors, headers: response.headers as Record<string, string> };
  }

  /** Like graphql(), but fails the test on any error and returns the data. */
  async ok<TData = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}, auth: Auth = {}): Promise<TData> {
    const response = await this.graphql<TData>(query, variables, auth);
    if (response.errors?.length || !response.data) {
      throw new Error(`GraphQL failed (${response.status}): ${JSON.stringify(response.errors)}`);
    }
    return response.data;
  }

  /** Creates the first admin directly (nobody can create one through the API before an admin exists). */
  async bootstrapAdmin(email = 'root@test.local', password = 'root-password-123'): Promise<string> {
    const result = await this.app.get(StaffAdminService).create(RequestContext.system('test'), {
      email, name: 'Root', password, role: StaffRole.ADMIN, storeIds: [],
    });
    if (isErrorResult(result)) {
      throw new Error(result.message);
    }
    return this.login(email, password);
  }

  async login(email: string, password: string, terminalKey?: string): Promise<string> {
    const mutation = terminalKey ? 'terminalLogin' : 'login';
    const data = await this.ok<Record<string, { __typename: string; token?: string; message?: string }>>(
      `mutation($input: LoginInput!) { ${mutation}(input: $input) { __typename ... on StaffSession { token } ... on ErrorResult { message } } }`,
      { input: { email, password } },
      { terminalKey },
    );
    const result = data[mutation];
    if (!result.token) {
      throw new Error(`login failed: ${result.__typename} ${result.message ?? ''}`);
    }
    return result.token;
  }

  async close(): Promise<void> {
    await this.app.close();
    if (!this.databaseName) {
      return;
    }
    const admin = new Client({ connectionString: process.env.OMNITILL_TEST_ADMIN_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${this.databaseName}" WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
}
