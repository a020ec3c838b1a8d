import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { PGBENCH_POS_SALE_SCRIPT, PGBENCH_SETUP_SQL } from './queries';

export interface DatabaseCeiling {
  readonly transactionsPerSecond: number | null;
  readonly note: string;
}

/**
 * (a) PostgreSQL's own limit for a POS sale's writes, measured with pgbench at `clients`
 * connections. Null (with a note) where pgbench is not installed.
 */
export async function measureDatabaseCeiling(databaseUrl: string, stores: number, variants: number, clients: number, seconds: number): Promise<DatabaseCeiling> {
  if (spawnSync('pgbench', ['--version']).status !== 0) {
    return { transactionsPerSecond: null, note: 'pgbench not installed (apt-get install postgresql-client)' };
  }
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(PGBENCH_SETUP_SQL);
  await client.query('INSERT INTO bench_pos_stock (store_no, variant_no, on_hand) SELECT s, v, 100000 FROM generate_series(1, $1) s, generate_series(1, $2) v', [stores, variants]);
  await client.query('ANALYZE bench_pos_stock');
  await client.end();

  const dir = mkdtempSync(join(tmpdir(), 'omnitill-pgbench-'));
  const script = join(dir, 'pos-sale.sql');
  writeFileSync(script, PGBENCH_POS_SALE_SCRIPT);
  const url = new URL(databaseUrl);
  const third = Math.floor(variants / 3);
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn('pgbench', [
      '-n', '-M', 'prepared', '-c', String(clients), '-j', '2', '-T', String(seconds),
      '-D', `stores=${stores}`, '-D', `third=${third}`, '-f', script,
      // The same transport as the API: a Unix socket's directory when the URL names one.
      '-h', url.searchParams.get('host') ?? url.hostname, '-p', url.port || '5432', '-U', decodeURIComponent(url.username), decodeURIComponent(url.pathname.slice(1)),
    ], { env: { ...process.env, PGPASSWORD: decodeURIComponent(url.password) } });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.on('close', (code) => (code === 0 ? resolve(text) : reject(new Error(`pgbench failed: ${text}`))));
  });
  const match = /tps = ([\d.]+) \(without initial connection time\)/.exec(output);
  return { transactionsPerSecond: match ? Math.round(Number(match[1])) : null, note: match ? 'pgbench, prepared statements' : output.slice(-300) };
}

/** (b) Starts the bare Fastify + pg availability server; returns its URL and a stop function. */
export async function startBareFastify(databaseUrl: string, port: number, poolSize: number): Promise<{ url: string; pid: number | null; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [join('dist', 'bench', 'bare-fastify.js')], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), POOL_SIZE: String(poolSize) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
    child.on('exit', (code) => reject(new Error(`bare fastify exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}/availability`,
    pid: child.pid ?? null,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
