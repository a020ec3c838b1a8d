import autocannon from 'autocannon';

export interface LoadResult {
  readonly operation: string;
  readonly concurrency: number;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly errors: number;
  readonly requests: number;
  /** CPU used per request by the API process and by PostgreSQL (bench/cpu.ts), where measurable. */
  readonly apiCpuMsPerRequest?: number | null;
  readonly databaseCpuMsPerRequest?: number | null;
  /** Highest API resident memory during the run. */
  readonly peakRssMiB?: number;
}

export interface LoadSpec {
  readonly operation: string;
  readonly url: string;
  readonly headers?: Record<string, string>;
  /** Builds the body of each request (unique ids per request where the operation needs them). */
  readonly body: () => string;
  /** Headers chosen per request (e.g. a different terminal session per store). */
  readonly headersFor?: () => Record<string, string>;
}

/**
 * Drives one operation with autocannon for `seconds` at `concurrency` connections. A response
 * counts as an error when it is not 2xx or its body carries GraphQL `errors` or an ErrorResult.
 */
export async function runLoad(spec: LoadSpec, concurrency: number, seconds: number): Promise<LoadResult> {
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
          body: spec.body(),
        }),
        onResponse: (status, body) => {
          if (status < 200 || status >= 300 || body.includes('"errors"') || body.includes('"errorCode"')) {
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
  };
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
  };
}
