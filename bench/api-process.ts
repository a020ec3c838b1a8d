import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ApiProcess {
  readonly baseUrl: string;
  readonly pid: number;
  /** Highest resident set size seen since start, in MiB. */
  peakRssMiB(): number;
  /** Highest resident set size since the previous call (or since start), in MiB. */
  takePeriodPeakRssMiB(): number;
  stop(): Promise<void>;
}

function rssMiB(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmRSS:\s+(\d+)\s+kB/.exec(status);
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

async function waitReady(baseUrl: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`API exited with code ${child.exitCode} before it was ready`);
    }
    try {
      const response = await fetch(`${baseUrl}/health/ready`);
      if (response.ok) {
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('API did not become ready in time');
}

/**
 * The node flags of package.json's start:prod script (the heap limit, see README "Memory"): the API
 * measured here must collect garbage as the deployed one does.
 */
function productionNodeFlags(): string[] {
  const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
  return scripts['start:prod'].split(' ').filter((word) => word.startsWith('--'));
}

/** Starts the compiled API in production mode, as it runs in a deployment. */
export async function startApi(env: Record<string, string>, port: number): Promise<ApiProcess> {
  // BENCH_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=bench/results", profiles the API under load;
  // they come last, so a V8 flag there overrides production's (e.g. "--max-old-space-size=4096").
  const nodeArgs = [...productionNodeFlags(), ...(process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean)];
  const child = spawn(process.execPath, [...nodeArgs, join('dist', 'apps', 'api', 'src', 'main.js')], {
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', LOG_REQUESTS: 'false', SEED_DEMO: 'false', ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitReady(baseUrl, child, 60_000);
  const pid = child.pid ?? 0;
  let peak = rssMiB(pid);
  let periodPeak = peak;
  const sampler = setInterval(() => {
    const rss = rssMiB(pid);
    peak = Math.max(peak, rss);
    periodPeak = Math.max(periodPeak, rss);
  }, 250);
  sampler.unref();
  return {
    baseUrl,
    pid,
    peakRssMiB: () => Math.max(peak, rssMiB(pid)),
    takePeriodPeakRssMiB: () => {
      const rss = rssMiB(pid);
      const result = Math.max(periodPeak, rss);
      periodPeak = rss;
      return result;
    },
    stop: async () => {
      clearInterval(sampler);
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}
