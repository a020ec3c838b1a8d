/* CPU time per request, from /proc: what each operation costs the API process and PostgreSQL.
 * Unlike requests/s it does not depend on what else the machine is doing, so runs on a busy
 * machine stay comparable. Only where /proc is readable (Linux) and PostgreSQL runs on this machine;
 * elsewhere the figures are null. */
import { readFileSync } from 'node:fs';
import { Client } from 'pg';

const TICKS_PER_SECOND = 100;

/** utime + stime of a process in ms, or null when it is not readable. */
function processCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

export interface CpuSnapshot {
  readonly apiMs: number | null;
  /** Per backend of the benchmark database. */
  readonly backendMs: ReadonlyMap<number, number>;
}

export interface CpuUse {
  readonly apiMs: number | null;
  readonly databaseMs: number | null;
}

/** Samples the API process and the PostgreSQL backends connected to `databaseUrl`. */
export class CpuMeter {
  constructor(
    private readonly apiPid: number,
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
      return { apiMs: processCpuMs(this.apiPid), backendMs };
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
    const apiMs = before.apiMs !== null && after.apiMs !== null ? after.apiMs - before.apiMs : null;
    return { apiMs, databaseMs };
  }
}
