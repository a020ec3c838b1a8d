/* CPU time per request, from /proc: what each operation costs the API process, PostgreSQL and the
 * load generator. Unlike requests/s it does not depend on what else the machine is doing, so runs
 * on a busy machine stay comparable. Only where /proc is readable (Linux) and PostgreSQL runs on this
 * machine; elsewhere the figures are null. */
import { readFileSync } from 'node:fs';
import { Client } from 'pg';

const TICKS_PER_SECOND = 100;

/** The fields of /proc/<pid>/stat after the command name, or null when it is not readable. */
function statFields(pid: number | 'self'): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** Sum of the given fields (clock ticks) in ms. */
const ticksMs = (fields: readonly string[], indexes: readonly number[]) => (indexes.reduce((sum, index) => sum + Number(fields[index]), 0) * 1000) / TICKS_PER_SECOND;

/** utime + stime of a process in ms, or null when it is not readable. */
function processCpuMs(pid: number): number | null {
  const fields = statFields(pid);
  return fields ? ticksMs(fields, [11, 12]) : null;
}

/**
 * The load generator's CPU in ms: this process (autocannon, the flows' fetch loops) plus the
 * children it has waited for (wrk, counted once it has exited), utime + stime + cutime + cstime.
 */
function loadGeneratorCpuMs(): number | null {
  const fields = statFields('self');
  return fields ? ticksMs(fields, [11, 12, 13, 14]) : null;
}

export interface CpuSnapshot {
  readonly apiMs: number | null;
  /** Per backend of the benchmark database. */
  readonly backendMs: ReadonlyMap<number, number>;
  readonly loadGeneratorMs: number | null;
}

export interface CpuUse {
  readonly apiMs: number | null;
  readonly databaseMs: number | null;
  readonly loadGeneratorMs: number | null;
}

/** Samples the API process (or the bare Fastify server), the PostgreSQL backends connected to `databaseUrl` and the load generator. */
export class CpuMeter {
  constructor(
    /** The API process, or the bare Fastify server; null when unknown. */
    private readonly serverPid: number | null,
    private readonly databaseUrl: string,
  ) {}

  async snapshot(): Promise<CpuSnapshot> {
    const client = new Client({ connectionString: this.databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
      const backendMs = new Map<number, number>();
      for (const { pid } of rows) {
        const ms = processCpuMs(pid);
        if (ms !== null) {
          backendMs.set(pid, ms);
        }
      }
      return { apiMs: this.serverPid === null ? null : processCpuMs(this.serverPid), backendMs, loadGeneratorMs: loadGeneratorCpuMs() };
    } finally {
      await client.end();
    }
  }

  /**
   * CPU used between two snapshots. Backends that exited in between are not counted (the API's
   * pool keeps its connections during a run); new ones count from zero.
   */
  static used(before: CpuSnapshot, after: CpuSnapshot): CpuUse {
    let databaseMs: number | null = after.backendMs.size > 0 ? 0 : null;
    for (const [pid, ms] of after.backendMs) {
      databaseMs = (databaseMs ?? 0) + ms - (before.backendMs.get(pid) ?? 0);
    }
    const difference = (start: number | null, end: number | null) => (start !== null && end !== null ? end - start : null);
    return { apiMs: difference(before.apiMs, after.apiMs), databaseMs, loadGeneratorMs: difference(before.loadGeneratorMs, after.loadGeneratorMs) };
  }
}
