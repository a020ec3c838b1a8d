import { ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { findFreePort } from '@omnitill/database';
import { Auth, GraphQLResponse } from './test-app';

const ROOT = resolve(__dirname, '..', '..', '..');

/**
 * A `node -e` script that runs `body` with TypeScript sources loadable (a clean checkout has no
 * dist/ when `npm test` runs): a require hook transpiles each file as ts-jest does
 * (isolatedModules), caching the output in the temp dir so a restart skips the transpiling, and
 * resolves the `@omnitill/*` aliases. `body` may use `root` (the repository). The process gets a
 * SIGTERM when its stdin closes (the test process is gone).
 */
export function typeScriptScript(body: string): string {
  const cacheDir = join(tmpdir(), 'omnitill-ts-cache');
  return `
const fs = require('node:fs'); const path = require('node:path'); const crypto = require('node:crypto'); const Module = require('node:module');
const ts = require(${JSON.stringify(require.resolve('typescript'))});
const root = ${JSON.stringify(ROOT)}; const cacheDir = ${JSON.stringify(cacheDir)};
fs.mkdirSync(cacheDir, { recursive: true });
const options = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, experimentalDecorators: true, emitDecoratorMetadata: true,
  esModuleInterop: true, useDefineForClassFields: false, resolveJsonModule: true, sourceMap: false, inlineSourceMap: false };
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  const alias = /^@omnitill\\/([a-z-]+)$/.exec(request);
  return resolveFilename.call(this, alias ? path.join(root, 'libs', alias[1], 'src', 'index.ts') : request, parent, ...rest);
};
require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const cached = path.join(cacheDir, crypto.createHash('sha1').update(ts.version + filename + source).digest('hex') + '.js');
  let output;
  try { output = fs.readFileSync(cached, 'utf8'); } catch {
    output = ts.transpileModule(source, { compilerOptions: options, fileName: filename }).outputText;
    fs.writeFileSync(cached + '.' + process.pid, output); fs.renameSync(cached + '.' + process.pid, cached);
  }
  module._compile(output, filename);
};
// The test process died (stdin closed): stop as if terminated, never linger.
process.stdin.on('end', () => process.kill(process.pid, 'SIGTERM'));
process.stdin.resume();
${body}
`;
}

/** The API as a separate process on an existing (migrated) database: the thing a kill -9 can hit. */
export class ApiChildProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly baseUrl: string,
    readonly port: number,
    private readonly exited: Promise<number | null>,
  ) {}

  /**
   * Starts the API on `databaseUrl` and waits until /health/ready answers. Pass the same `port`
   * and AUTH_TOKEN_SECRET (in `env`) to a restart so clients keep their URL and sessions.
   */
  static async start(databaseUrl: string, options: { port?: number; env?: Record<string, string>; readyTimeoutMs?: number } = {}): Promise<ApiChildProcess> {
    const port = options.port ?? (await findFreePort());
    const child = spawn(process.execPath, ['-e', typeScriptScript(`require(${JSON.stringify(join(ROOT, 'apps', 'api', 'src', 'main.ts'))});`)], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        NODE_ENV: 'test',
        DATABASE_URL: databaseUrl,
        PORT: String(port),
        HOST: '127.0.0.1',
        MIGRATIONS_RUN: 'false',
        SEED_DEMO: 'false',
        LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'error',
        LOG_REQUESTS: 'false',
        ...options.env,
      },
      stdio: ['pipe', 'inherit', 'inherit'],
    });
    const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));
    const api = new ApiChildProcess(child, `http://127.0.0.1:${port}`, port, exited);
    const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);
    while (!(await api.isReady())) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`API child exited (${child.exitCode ?? child.signalCode}) before it was ready`);
      }
      if (Date.now() > deadline) {
        await api.kill();
        throw new Error('API child did not become ready in time');
      }
      await new Promise((resolveWait) => setTimeout(resolveWait, 100));
    }
    return api;
  }

  get pid(): number {
    return this.child.pid ?? 0;
  }

  async isReady(): Promise<boolean> {
    try {
      const response = await fetch(`${this.baseUrl}/health/ready`, { signal: AbortSignal.timeout(3_000) });
      return response.ok;
    } catch {
      return false;
    }
  }

  /** kill -9: no shutdown hook runs, in-flight transactions die with their connections. */
  async kill(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGKILL');
    }
    await this.exited;
  }

  /** A graceful stop (SIGTERM): drains requests and closes the pool. */
  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGTERM');
    }
    await this.exited;
  }

  /** One GraphQL call; a connection that dies (the process was killed) rejects. */
  async graphql<TData = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}, auth: Auth = {}): Promise<GraphQLResponse<TData>> {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...auth.headers };
    if (auth.token) {
      headers.authorization = `Bearer ${auth.token}`;
    }
    if (auth.apiKey) {
      headers['x-api-key'] = auth.apiKey;
    }
    if (auth.terminalKey) {
      headers['x-terminal-key'] = auth.terminalKey;
    }
    const response = await fetch(`${this.baseUrl}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }), signal: AbortSignal.timeout(30_000) });
    const body = (await response.json()) as { data?: TData | null; errors?: GraphQLResponse['errors'] };
    return { status: response.status, data: body.data ?? null, errors: body.errors, headers: Object.fromEntries(response.headers.entries()) };
  }
}

