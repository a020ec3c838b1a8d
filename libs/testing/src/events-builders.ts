import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import pino from 'pino';
import request from 'supertest';
import { Clock } from '@omnitill/common';
import { createApp } from '../../../apps/api/src/bootstrap';
import { loadConfig } from '../../../apps/api/src/config/app-config';
import { Auth, GraphQLResponse, TestApp } from './test-app';

/** Polls `check` until it returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function waitFor<T>(check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 5000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Anything the events tests drive over GraphQL: the primary TestApp or a peer on the same database. */
export interface GraphQLTarget {
  ok<TData = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, auth?: Auth): Promise<TData>;
}

/**
 * A second API instance on the primary's database (another "replica"), with its own relay,
 * dispatcher and LISTEN connection. Close it before the primary (which drops the database).
 */
export class PeerApp implements GraphQLTarget {
  private constructor(readonly app: NestFastifyApplication) {}

  static async start(primary: TestApp, options: { env?: Record<string, string>; clock?: Clock } = {}): Promise<PeerApp> {
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: primary.databaseUrl,
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'error',
      LOG_REQUESTS: 'false',
      DATABASE_POOL_SIZE: '10',
      MIGRATIONS_RUN: 'false',
      ...options.env,
    });
    const app = await createApp(config, primary.databaseUrl, pino({ level: config.LOG_LEVEL }), { clock: options.clock });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    return new PeerApp(app);
  }

  async graphql<TData = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}, auth: Auth = {}): Promise<GraphQLResponse<TData>> {
    let call = request(this.app.getHttpServer()).post('/graphql').set('content-type', 'application/json');
    if (auth.token) {
      call = call.set('authorization', `Bearer ${auth.token}`);
    }
    const response = await call.send({ query, variables });
    const body = response.body as { data?: TData | null; errors?: GraphQLResponse['errors'] };
    return { status: response.status, data: body.data ?? null, errors: body.errors, headers: response.headers as Record<string, string> };
  }

  async ok<TData = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}, auth: Auth = {}): Promise<TData> {
    const response = await this.graphql<TData>(query, variables, auth);
    if (response.errors?.length || !response.data) {
      throw new Error(`GraphQL failed (${response.status}): ${JSON.stringify(response.errors)}`);
    }
    return response.data;
  }

  close(): Promise<void> {
    return this.app.close();
  }
}

/** Makes an app listen on 127.0.0.1 (random port) and returns its WebSocket GraphQL URL. */
export async function listenForWebSockets(app: NestFastifyApplication): Promise<string> {
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as AddressInfo;
  return `ws://127.0.0.1:${address.port}/graphql`;
}

export interface ReceivedWebhook {
  readonly headers: Record<string, string>;
  readonly body: string;
  readonly json: { id: string; type: string; aggregate: { type: string; id: string }; payload: Record<string, unknown> } & Record<string, unknown>;
  /** performance.now() when the request arrived. */
  readonly receivedAt: number;
  readonly status: number;
}

/**
 * A webhook receiver on 127.0.0.1 (random port). `respond` decides each status (after an optional
 * delay); it records every request, whatever it answers.
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  respond: (webhook: Omit<ReceivedWebhook, 'status'>, index: number) => number | Promise<number> = () => 200;

  private constructor(private readonly server: Server, readonly url: string) {}

  static async start(path = '/hooks'): Promise<WebhookReceiver> {
    let receiver: WebhookReceiver | null = null;
    const server = createServer((req: IncomingMessage, res: ServerResponse) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        void receiver?.handle(req, Buffer.concat(chunks).toString('utf8'), res);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    receiver = new WebhookReceiver(server, `http://127.0.0.1:${port}${path}`);
    return receiver;
  }

  /** Received requests for which `filter` holds, once there are at least `count` of them. */
  async waitForCount(count: number, timeoutMs = 5000, filter: (webhook: ReceivedWebhook) => boolean = () => true): Promise<ReceivedWebhook[]> {
    return waitFor(() => {
      const matching = this.received.filter(filter);
      return matching.length >= count ? matching : undefined;
    }, timeoutMs, `${count} webhook(s) at ${this.url}`);
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, body: string, res: ServerResponse): Promise<void> {
    const receivedAt = performance.now();
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === 'string') {
        headers[name] = value;
      }
    }
    let json: ReceivedWebhook['json'];
    try {
      json = JSON.parse(body) as ReceivedWebhook['json'];
    } catch {
      json = { id: '', type: '', aggregate: { type: '', id: '' }, payload: {} };
    }
    const webhook = { headers, body, json, receivedAt };
    const index = this.received.length;
    const placeholder: ReceivedWebhook = { ...webhook, status: 0 };
    this.received.push(placeholder);
    let status = 500;
    try {
      status = await this.respond(webhook, index);
    } finally {
      this.received[index] = { ...webhook, status };
      res.statusCode = status;
      res.end();
    }
  }
}

interface WsLike {
  readonly readyState: number;
  on(event: 'open', listener: () => void): void;
  on(event: 'message', listener: (data: Buffer) => void): void;
  on(event: 'close', listener: (code: number) => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
  send(data: string): void;
  close(): void;
}
type WsConstructor = new (url: string, protocols: string | string[]) => WsLike;

// `ws` ships with Mercurius but without type definitions; the few members used are typed above.
const WebSocketClient = createRequire(__filename)('ws') as WsConstructor;

interface WsMessage {
  readonly id?: string;
  readonly type: string;
  readonly payload?: unknown;
}

export interface SubscriptionMessage<TData> {
  readonly data?: TData;
  readonly errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** A minimal graphql-transport-ws client (the protocol Mercurius speaks by default). */
export class GraphQLWsClient {
  private readonly messages = new Map<string, WsMessage[]>();
  private readonly waiters: (() => void)[] = [];
  private nextId = 1;
  closedWith: number | null = null;

  private constructor(private readonly socket: WsLike) {
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString()) as WsMessage;
      if (message.type === 'ping') {
        socket.send(JSON.stringify({ type: 'pong' }));
        return;
      }
      const key = message.id ?? '';
      this.messages.set(key, [...(this.messages.get(key) ?? []), message]);
      this.waiters.splice(0).forEach((wake) => wake());
    });
    socket.on('close', (code) => {
      this.closedWith = code;
      this.waiters.splice(0).forEach((wake) => wake());
    });
  }

  /** Opens the socket and completes the handshake; `connectionParams` is the connection_init payload. */
  static async connect(url: string, connectionParams: Record<string, unknown> = {}): Promise<GraphQLWsClient> {
    const socket = new WebSocketClient(url, 'graphql-transport-ws');
    await new Promise<void>((resolve, reject) => {
      socket.on('open', () => resolve());
      socket.on('error', reject);
    });
    const client = new GraphQLWsClient(socket);
    socket.send(JSON.stringify({ type: 'connection_init', payload: connectionParams }));
    const ack = await client.take('', 5000);
    if (ack.type !== 'connection_ack') {
      throw new Error(`connection refused: ${JSON.stringify(ack)}`);
    }
    return client;
  }

  /** Starts a subscription; read its messages with `next(id)`. */
  subscribe(query: string, variables: Record<string, unknown> = {}): string {
    const id = String(this.nextId++);
    this.socket.send(JSON.stringify({ id, type: 'subscribe', payload: { query, variables } }));
    return id;
  }

  /** The next message of subscription `id`: data, or the errors that ended it. */
  async next<TData>(id: string, timeoutMs = 5000): Promise<SubscriptionMessage<TData>> {
    const message = await this.take(id, timeoutMs);
    switch (message.type) {
      case 'next':
        return message.payload as SubscriptionMessage<TData>;
      case 'error':
        return { errors: message.payload as SubscriptionMessage<TData>['errors'] };
      default:
        throw new Error(`unexpected ${message.type} on subscription ${id}`);
    }
  }

  /** Messages of `id` received so far and not yet taken. */
  pending(id: string): number {
    return this.messages.get(id)?.length ?? 0;
  }

  close(): void {
    this.socket.close();
  }

  private async take(id: string, timeoutMs: number): Promise<WsMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const queue = this.messages.get(id);
      if (queue && queue.length > 0) {
        return queue.shift() as WsMessage;
      }
      if (this.closedWith !== null) {
        throw new Error(`socket closed (${this.closedWith}) while waiting on ${id || 'the handshake'}`);
      }
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        throw new Error(`no message on ${id || 'the handshake'} within ${timeoutMs} ms`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }
}

export const RECORD_TEST_EVENT = `mutation($input: RecordTestEventInput!, $fail: TestEventFailure) {
  recordTestEvent(input: $input, failAfterRecording: $fail) {
    __typename
    ... on Event { id sequence type storeId customerId aggregateType aggregateId payload publishedAt }
    ... on ErrorResult { errorCode message }
  }
}`;

export interface TestEventInput {
  type: string;
  aggregateId: string;
  storeId?: string;
  customerId?: string;
  aggregateType?: string;
  payload?: Record<string, unknown>;
  consent?: { emailMarketing: boolean; smsMarketing: boolean };
}

/** Records an event through the recordTestEvent diagnostic (admin token) and returns its id. */
export async function recordTestEvent(app: GraphQLTarget, adminToken: string, input: TestEventInput): Promise<{ id: string; sequence: string }> {
  const data = await app.ok<{ recordTestEvent: { __typename: string; id: string; sequence: string; message?: string } }>(
    RECORD_TEST_EVENT,
    { input: { ...input, payload: JSON.stringify(input.payload ?? {}) } },
    { token: adminToken },
  );
  if (data.recordTestEvent.__typename !== 'Event') {
    throw new Error(`recordTestEvent failed: ${data.recordTestEvent.message ?? data.recordTestEvent.__typename}`);
  }
  return { id: data.recordTestEvent.id, sequence: data.recordTestEvent.sequence };
}

/** Registers a webhook endpoint and returns its id and signing secret. */
export async function registerWebhook(app: GraphQLTarget, adminToken: string, url: string, eventTypes: string[] = ['*']): Promise<{ id: string; secret: string }> {
  const data = await app.ok<{ registerWebhookEndpoint: { endpoint: { id: string }; secret: string } }>(
    'mutation($input: RegisterWebhookEndpointInput!) { registerWebhookEndpoint(input: $input) { endpoint { id } secret } }',
    { input: { url, eventTypes } },
    { token: adminToken },
  );
  return { id: data.registerWebhookEndpoint.endpoint.id, secret: data.registerWebhookEndpoint.secret };
}
