import { spawn, spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';

/** What sends a LoadSpec's requests. */
export type SpecLoadGenerator = 'wrk' | 'autocannon';
/** What sent the requests: wrk or autocannon for a LoadSpec, the bench's own fetch loop for a flow. */
export type LoadGeneratorName = SpecLoadGenerator | 'fetch';

export interface LoadResult {
  readonly operation: string;
  readonly concurrency: number;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly errors: number;
  readonly requests: number;
  readonly loadGenerator: LoadGeneratorName;
  /** Why this operation ran on another generator than the one chosen for the run. */
  readonly loadGeneratorNote?: string;
  /** CPU used per request by the API process, by PostgreSQL and by the load generator (bench/cpu.ts), where measurable. */
  readonly apiCpuMsPerRequest?: number | null;
  readonly databaseCpuMsPerRequest?: number | null;
  readonly loadGeneratorCpuMsPerRequest?: number | null;
  /** Highest API resident memory during the run. */
  readonly peakRssMiB?: number;
}

export interface LoadSpec {
  readonly operation: string;
  readonly url: string;
  readonly headers?: Record<string, string>;
  /**
   * Builds the body of one request. `uniqueId()` answers an id (UUID) that no other request of the
   * run carries: wrk replays prepared bodies and fills these in per request.
   */
  readonly body: (uniqueId: () => string) => string;
  /** Headers chosen per request (e.g. a different terminal session per store). */
  readonly headersFor?: () => Record<string, string>;
  /**
   * Why every body must be built when it is sent (it draws single-use values from a finite list);
   * such an operation runs on autocannon even where wrk drives the others.
   */
  readonly needsLiveBodies?: string;
}

/**
 * The driver for LoadSpecs: BENCH_LOAD_GENERATOR=wrk|autocannon, else wrk when it is on PATH, else
 * autocannon. wrk (C) takes about half of autocannon's CPU per read, on the cores the API and
 * PostgreSQL share with it.
 */
export function chooseLoadGenerator(): SpecLoadGenerator {
  const forced = process.env.BENCH_LOAD_GENERATOR;
  const wrkFound = spawnSync('wrk', ['--version']).error === undefined;
  if (forced === 'wrk' && !wrkFound) {
    throw new Error('BENCH_LOAD_GENERATOR=wrk but wrk is not on PATH (apt-get install wrk)');
  }
  if (forced === 'wrk' || forced === 'autocannon') {
    return forced;
  }
  if (forced) {
    throw new Error(`BENCH_LOAD_GENERATOR must be wrk or autocannon, not ${forced}`);
  }
  return wrkFound ? 'wrk' : 'autocannon';
}

/**
 * Drives one operation for `seconds` at `concurrency` connections with `generator` (autocannon for
 * an operation that needs live bodies). A response counts as an error when it is not 2xx or its
 * body carries GraphQL `errors` or an ErrorResult.
 */
export async function runLoad(spec: LoadSpec, concurrency: number, seconds: number, generator: SpecLoadGenerator): Promise<LoadResult> {
  if (generator === 'autocannon') {
    return runAutocannon(spec, concurrency, seconds);
  }
  if (spec.needsLiveBodies) {
    return { ...(await runAutocannon(spec, concurrency, seconds)), loadGeneratorNote: `autocannon, not wrk: ${spec.needsLiveBodies}` };
  }
  return runWrk(spec, concurrency, seconds);
}

const isErrorResponse = (status: number, body: string) => status < 200 || status >= 300 || body.includes('"errors"') || body.includes('"errorCode"');

async function runAutocannon(spec: LoadSpec, concurrency: number, seconds: number): Promise<LoadResult> {
  let errors = 0;
  const result = await autocannon({
    url: spec.url,
    method: 'POST',
    connections: concurrency,
    duration: seconds,
    headers: { 'content-type': 'application/json', ...spec.headers },
    requests: [
      {
        setupRequest: (request) => ({
          ...request,
          headers: { ...request.headers, ...spec.headersFor?.() },
          body: spec.body(randomUUID),
        }),
        onResponse: (status, body) => {
          if (isErrorResponse(status, body)) {
            errors += 1;
            if (errors <= 3) {
              process.stderr.write(`  [${spec.operation}] error response ${status}: ${body.slice(0, 300)}\n`);
            }
          }
        },
      },
    ],
  });
  return {
    operation: spec.operation,
    concurrency,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    // onResponse already counted non-2xx answers; add connection errors and timeouts.
    errors: errors + result.errors + result.timeouts,
    requests: result.requests.total,
    loadGenerator: 'autocannon',
  };
}

const WRK_SCRIPT = join('bench', 'wrk', 'replay-requests.lua');
/** Stands in a prepared body for "a fresh unique id here"; the wrk script replaces each occurrence. */
const UNIQUE_ID_SLOT = '00000000-0000-4000-8000-000000000000';
/** Prepared requests per run, replayed in a cycle: enough to spread reads over the catalog and stores. */
const PREPARED_REQUESTS = 4096;

/** Raw HTTP requests built by the spec, each as "<byte length>\n<request>" for the wrk script. */
function preparedRequests(spec: LoadSpec): string {
  const url = new URL(spec.url);
  const prepared: string[] = [];
  for (let index = 0; index < PREPARED_REQUESTS; index++) {
    const body = spec.body(() => UNIQUE_ID_SLOT);
    const headers = { host: url.host, 'content-type': 'application/json', ...spec.headers, ...spec.headersFor?.(), 'content-length': String(Buffer.byteLength(body)) };
    const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('');
    const request = `POST ${url.pathname}${url.search} HTTP/1.1\r\n${head}\r\n${body}`;
    prepared.push(`${Buffer.byteLength(request)}\n${request}`);
  }
  return prepared.join('');
}

function runToEnd(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args);
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`${command} exited with ${code}: ${output.slice(-500)}`))));
  });
}

async function runWrk(spec: LoadSpec, concurrency: number, seconds: number): Promise<LoadResult> {
  const dir = mkdtempSync(join(tmpdir(), 'omnitill-wrk-'));
  try {
    const requestsFile = join(dir, 'requests');
    writeFileSync(requestsFile, preparedRequests(spec));
    // One thread: far more than these rates need, and it leaves the cores to the API and PostgreSQL.
    // A 10 s timeout, as autocannon's; a random run prefix keeps this run's unique ids apart from every other run's.
    const output = await runToEnd('wrk', [
      '--threads', '1', '--connections', String(concurrency), '--duration', `${seconds}s`, '--timeout', '10s',
      '--script', WRK_SCRIPT, spec.url, '--', requestsFile, randomBytes(4).toString('hex'), UNIQUE_ID_SLOT,
    ]);
    for (const [, status, body] of [...output.matchAll(/^omnitill-error (\d+) (.*)$/gm)].slice(0, 3)) {
      process.stderr.write(`  [${spec.operation}] error response ${status}: ${body}\n`);
    }
    const summary = /omnitill-result (.*)/.exec(output);
    if (!summary) {
      throw new Error(`wrk printed no result: ${output.slice(-500)}`);
    }
    const field = (name: string) => Number(new RegExp(`${name}=(\\d+)`).exec(summary[1])?.[1]);
    return {
      operation: spec.operation,
      concurrency,
      requestsPerSecond: Math.round(field('requests') / (field('duration_us') / 1e6)),
      p50Ms: Math.round(field('p50_us') / 1000),
      p99Ms: Math.round(field('p99_us') / 1000),
      errors: field('response_errors') + field('socket_errors'),
      requests: field('requests'),
      loadGenerator: 'wrk',
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * For operations that take several dependent requests (mark ready, then collect with the code it
 * returned): `concurrency` workers repeat `iteration` until `seconds` pass; one iteration = one
 * measured operation. `iteration` resolves false (or throws) on an error, and null when there is
 * no prepared work left (the worker stops; that is not an error).
 */
export async function runFlow(operation: string, concurrency: number, seconds: number, iteration: () => Promise<boolean | null>): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const deadline = Date.now() + seconds * 1000;
  const worker = async () => {
    while (Date.now() < deadline) {
      const started = performance.now();
      let ok: boolean | null = false;
      try {
        ok = await iteration();
        if (ok === null) {
          return;
        }
      } catch (error) {
        if (errors < 3) {
          process.stderr.write(`  [${operation}] ${String(error)}\n`);
        }
      }
      if (!ok) {
        errors += 1;
      }
      latencies.push(performance.now() - started);
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (Date.now() - started) / 1000;
  const sorted = [...latencies].sort((a, b) => a - b);
  const percentile = (p: number) => (sorted.length ? Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]) : 0);
  return {
    operation,
    concurrency,
    requestsPerSecond: Math.round(latencies.length / elapsed),
    p50Ms: percentile(0.5),
    p99Ms: percentile(0.99),
    errors,
    requests: latencies.length,
    loadGenerator: 'fetch',
  };
}
