/* npm run bench:reports: seeds the volume data set (≥ 1,000,000 orders over a year in 50 stores,
 * bench/seed-volume.ts) on a fresh database of the configured PostgreSQL (DATABASE_URL, else an
 * embedded one), starts the compiled API in production mode and times every report over the last
 * 30 days through GraphQL and CSV, as an admin (every store) and as a store manager (one store).
 * `--seed-only` stops after seeding (npm run seed:volume); with DATABASE_URL the data stays.
 * BENCH_VOLUME_ORDERS overrides the order count (e.g. 20000 for a quick try).
 * BENCH_DATABASE_URL times the reports on an existing, already seeded database instead (e.g. a copy
 * of omnitill_volume_base, migrated and with `reporting:rebuild` run): no seeding, nothing dropped;
 * the period is the last 30 days of its data. */
import { mkdtempSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { execSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
// The benchmark runs as plain compiled Node, without the alias mapper: it reaches the launcher by path.
// eslint-disable-next-line no-restricted-imports
import { findFreePort, startEmbeddedPostgres } from '../libs/database/src/embedded-postgres';
import { startApi } from './api-process';
import { FULL_SIZES, seedBenchData } from './seed';
import { seedVolume, VOLUME_DEFAULTS } from './seed-volume';

const seedOnly = process.argv.includes('--seed-only');
const existingUrl = process.env.BENCH_DATABASE_URL;
/** The admin bench/seed.ts creates (seedBenchData), for runs on an existing database. */
const BENCH_ADMIN = { email: 'admin@bench.local', password: 'bench-password-123' };
const RUNS = Number(process.env.BENCH_REPORT_RUNS ?? 5);
const DAY_MS = 24 * 3600 * 1000;

interface Database {
  url: string;
  stop: () => Promise<void>;
}

async function prepareDatabase(): Promise<Database> {
  const name = `omnitill_volume_${Date.now().toString(36)}`;
  let adminUrl = process.env.DATABASE_URL;
  let stop = async () => undefined as void;
  if (!adminUrl) {
    const server = await startEmbeddedPostgres({ dataDir: mkdtempSync(join(tmpdir(), 'omnitill-volume-pg-')), persistent: false, fast: true });
    adminUrl = server.adminUrl;
    stop = () => server.stop();
  }
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const keep = seedOnly && process.env.DATABASE_URL !== undefined;
  return {
    url: url.toString(),
    stop: async () => {
      if (!keep) {
        const client = new Client({ connectionString: adminUrl });
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await client.end();
      }
      await stop();
    },
  };
}

const REPORTS: { name: string; csv: string; query: string; extra?: Record<string, unknown> }[] = [
  { name: 'sales by store', csv: 'sales.csv', query: 'query($input: SalesReportInput!) { salesReport(input: $input) { rows { storeId orders net } totals { orders net averageSale } } }', extra: { groupBy: ['STORE'] } },
  { name: 'sales by store and day', csv: 'sales.csv', query: 'query($input: SalesReportInput!) { salesReport(input: $input) { rows { storeId day orders net } totals { orders net } } }', extra: { groupBy: ['STORE', 'DAY'] } },
  { name: 'sales by product and channel', csv: 'sales.csv', query: 'query($input: SalesReportInput!) { salesReport(input: $input) { rows { variantId channel units net } totals { orders net } } }', extra: { groupBy: ['PRODUCT', 'CHANNEL'] } },
  { name: 'pickup performance', csv: 'pickup-performance.csv', query: 'query($input: ReportPeriodInput!) { pickupPerformanceReport(input: $input) { rows { storeId orders medianMinutesToReady p90MinutesToReady pickupRate } totals { orders } } }' },
  { name: 'returns', csv: 'returns.csv', query: 'query($input: ReportPeriodInput!) { returnsReport(input: $input) { products { sku unitsReturned returnRate } totals { unitsReturned returnRate } } }' },
  { name: 'campaign attribution', csv: 'campaign-attribution.csv', query: 'query($input: CampaignAttributionReportInput!) { campaignAttributionReport(input: $input) { campaigns { name codesIssued redemptions storeRevenue onlineRevenue assistedSales } } }' },
  { name: 'cross-channel customers', csv: 'cross-channel-customers.csv', query: 'query($input: ReportPeriodInput!) { crossChannelCustomersReport(input: $input) { customers crossChannelCustomers crossChannelSalesShare } }' },
];

async function graphql(baseUrl: string, token: string, query: string, variables: Record<string, unknown>): Promise<Record<string, unknown>> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (body.errors || !body.data) {
    throw new Error(`report failed: ${JSON.stringify(body.errors)}`);
  }
  return body.data;
}

async function login(baseUrl: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation($input: LoginInput!) { login(input: $input) { ... on StaffSession { token } } }', variables: { input: { email, password } } }),
  });
  const body = (await response.json()) as { data?: { login?: { token?: string } } };
  const token = body.data?.login?.token;
  if (!token) {
    throw new Error(`login failed for ${email}`);
  }
  return token;
}

/** Median and max of `RUNS` timed calls (after one warm-up). */
async function time(work: () => Promise<unknown>): Promise<{ median: number; max: number }> {
  await work();
  const samples: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = process.hrtime.bigint();
    await work();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)], max: samples[samples.length - 1] };
}

/** The volume data set on a fresh database: the admin, a store for the manager, the period's end. */
async function seedFresh(databaseUrl: string): Promise<{ admin: { email: string; password: string }; storeId: string; end: Date } | null> {
  const end = new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS);
  const started = Date.now();
  const fixture = await seedBenchData(databaseUrl, { ...FULL_SIZES, products: 200, couponCodes: 1_000, customers: 100 });
  console.log(`base data (50 stores, 2,000 variants, stock) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const orders = Number(process.env.BENCH_VOLUME_ORDERS ?? VOLUME_DEFAULTS.orders);
    const summary = await seedVolume(client, { ...VOLUME_DEFAULTS, orders, end, log: (message) => console.log(`  ${message}`) });
    const [size] = (await client.query<{ size: string }>('SELECT pg_size_pretty(pg_database_size(current_database())) AS size')).rows;
    console.log(`volume: ${JSON.stringify(summary)}; database ${size.size}`);
  } finally {
    await client.end();
  }
  return seedOnly ? null : { admin: { email: fixture.adminEmail, password: fixture.password }, storeId: fixture.storeIds[0], end };
}

/** An already seeded database: the bench admin, its first store, and the day after its last order. */
async function existingData(databaseUrl: string): Promise<{ admin: { email: string; password: string }; storeId: string; end: Date }> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const [row] = (await client.query<{ store_id: string; end: Date; size: string }>(
      `SELECT (SELECT id FROM store ORDER BY code LIMIT 1) AS store_id,
              date_trunc('day', (SELECT max(occurred_at) FROM "order"), 'UTC') + interval '1 day' AS end,
              pg_size_pretty(pg_database_size(current_database())) AS size`,
    )).rows;
    console.log(`existing database: ${(await client.query<{ n: string }>('SELECT count(*) AS n FROM "order"')).rows[0].n} orders, ${row.size}`);
    return { admin: BENCH_ADMIN, storeId: row.store_id, end: row.end };
  } finally {
    await client.end();
  }
}

async function main(): Promise<boolean> {
  const database: Database = existingUrl ? { url: existingUrl, stop: async () => undefined } : await prepareDatabase();
  let api: Awaited<ReturnType<typeof startApi>> | null = null;
  try {
    // The API migrates the database on start; seed:volume alone runs the CLI's migrations instead.
    if (seedOnly) {
      execSync('node dist/apps/api/src/cli.js migration:run', { env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: 'warn' }, stdio: 'inherit' });
    } else {
      api = await startApi({ DATABASE_URL: database.url, AUTH_TOKEN_SECRET: randomBytes(32).toString('base64url'), DATABASE_POOL_SIZE: '10' }, await findFreePort());
    }
    const data = existingUrl ? await existingData(database.url) : await seedFresh(database.url);
    if (!data || !api) {
      return true;
    }
    const end = data.end;
    const client = new Client({ connectionString: database.url });
    await client.connect();
    const manager = 'manager.volume@bench.local';
    const [{ hash }] = (await client.query<{ hash: string }>("SELECT password_hash AS hash FROM staff_user WHERE email = $1", [data.admin.email])).rows;
    await client.query(
      `INSERT INTO staff_user (email, name, password_hash, role, active) SELECT $1::varchar, 'Volume manager', $2, 'STORE_MANAGER', true
        WHERE NOT EXISTS (SELECT 1 FROM staff_user WHERE email = $1::varchar)`,
      [manager, hash],
    );
    await client.query(
      `INSERT INTO staff_store (staff_user_id, store_id) SELECT id, $2 FROM staff_user WHERE email = $1::varchar
        AND NOT EXISTS (SELECT 1 FROM staff_store ss JOIN staff_user su ON su.id = ss.staff_user_id WHERE su.email = $1::varchar)`,
      [manager, data.storeId],
    );
    await client.end();

    const adminToken = await login(api.baseUrl, data.admin.email, data.admin.password);
    const managerToken = await login(api.baseUrl, manager, data.admin.password);
    const period = { from: new Date(end.getTime() - 30 * DAY_MS).toISOString(), to: end.toISOString() };
    const loadAtStart = loadavg().map((load) => load.toFixed(2)).join(' ');
    const results: string[] = ['| report (30 days) | admin, 50 stores: median ms | max ms | manager, 1 store: median ms | CSV admin: median ms |', '|---|---|---|---|---|'];
    let allFast = true;
    for (const report of REPORTS) {
      const input = { ...period, ...report.extra };
      const admin = await time(() => graphql(api!.baseUrl, adminToken, report.query, { input }));
      const scoped = await time(() => graphql(api!.baseUrl, managerToken, report.query, { input }));
      const params = new URLSearchParams({ ...period, ...(report.extra?.groupBy ? { groupBy: (report.extra.groupBy as string[]).join(',') } : {}) });
      const csv = await time(async () => {
        const response = await fetch(`${api!.baseUrl}/reports/${report.csv}?${params.toString()}`, { headers: { authorization: `Bearer ${adminToken}` } });
        if (response.status !== 200) {
          throw new Error(`${report.csv}: HTTP ${response.status}`);
        }
        return response.text();
      });
      allFast &&= admin.max < 1000 && scoped.max < 1000 && csv.max < 1000;
      results.push(`| ${report.name} | ${admin.median.toFixed(0)} | ${admin.max.toFixed(0)} | ${scoped.median.toFixed(0)} | ${csv.median.toFixed(0)} |`);
      console.log(results[results.length - 1]);
    }
    let commit = process.env.BENCH_COMMIT ?? 'unknown';
    try {
      commit = execSync('git rev-parse --short HEAD', { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
    } catch {
      // run from a copy of dist outside the checkout
    }
    console.log(`\ncommit ${commit}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, ${RUNS} runs after a warm-up`);
    console.log(`period ${period.from} – ${period.to}; load average (1, 5, 15 min) ${loadAtStart} at the start, ${loadavg().map((load) => load.toFixed(2)).join(' ')} at the end`);
    console.log(results.join('\n'));
    console.log(allFast ? 'every report under 1 s' : 'SOME REPORT TOOK 1 s OR MORE');
    return allFast;
  } finally {
    await api?.stop();
    await database.stop();
  }
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
