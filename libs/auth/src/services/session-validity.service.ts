import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock, StaffActor } from '@omnitill/common';
import { AUTH_OPTIONS, AuthOptions } from '../auth.options';

/** What a staff session's validity depends on, as the database says now. */
interface StaffStanding {
  readonly staffActive: boolean;
  readonly role: string;
  /** Sorted. */
  readonly storeIds: readonly string[];
  /** null when the session is not on a terminal or the terminal is gone. */
  readonly terminalActive: boolean | null;
  readonly keyRotatedAt: Date | null;
}

/**
 * Staff sessions are signed tokens; this ends them early when what they were issued for changed:
 * the staff account was deactivated or its role or stores changed, or the session's terminal was
 * revoked or its key rotated after the session opened. The standing of a (staff, terminal) pair is
 * read with one indexed query and cached for AUTH_SESSION_CHECK_SECONDS (default 5), so a till
 * selling all day costs one look-up per few seconds, and a revocation reaches every replica
 * within that time.
 */
@Injectable()
export class SessionValidityService {
  private readonly cache = new Map<string, { readonly standing: StaffStanding | null; readonly fetchedAtMs: number }>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
  ) {}

  /** Null when the session may go on; else why it ended. */
  async endedBecause(actor: StaffActor, issuedAt: Date): Promise<string | null> {
    const standing = await this.standingOf(actor.userId, actor.terminalId);
    return sessionEndReason(actor, issuedAt, standing);
  }

  private async standingOf(staffId: string, terminalId: string | null): Promise<StaffStanding | null> {
    const key = `${staffId}:${terminalId ?? ''}`;
    const nowMs = this.clock.now().getTime();
    const cached = this.cache.get(key);
    if (cached && nowMs - cached.fetchedAtMs < this.options.sessionCheckSeconds * 1000) {
      return cached.standing;
    }
    const rows: { staff_active: boolean; role: string; store_ids: string[] | null; terminal_active: boolean | null; key_rotated_at: Date | null }[] = await this.dataSource.query(
      `SELECT s.active AS staff_active, s.role::text AS role,
              (SELECT array_agg(ss.store_id::text ORDER BY ss.store_id) FROM staff_store ss WHERE ss.staff_user_id = s.id) AS store_ids,
              t.active AS terminal_active, t.key_rotated_at
         FROM staff_user s LEFT JOIN terminal t ON t.id = $2
        WHERE s.id = $1`,
      [staffId, terminalId],
    );
    const row = rows[0];
    const standing: StaffStanding | null = row
      ? { staffActive: row.staff_active, role: row.role, storeIds: row.store_ids ?? [], terminalActive: terminalId ? row.terminal_active : null, keyRotatedAt: row.key_rotated_at }
      : null;
    if (this.cache.size > 10_000) {
      this.cache.clear();
    }
    this.cache.set(key, { standing, fetchedAtMs: nowMs });
    return standing;
  }
}

/** The rule, pure: why a staff session issued at `issuedAt` has ended, or null. */
export function sessionEndReason(actor: StaffActor, issuedAt: Date, standing: StaffStanding | null): string | null {
  if (!standing || !standing.staffActive) {
    return 'the staff account was deactivated';
  }
  if (standing.role !== actor.role || [...actor.storeIds].sort().join(',') !== standing.storeIds.join(',')) {
    return "the staff account's role or stores changed";
  }
  if (actor.terminalId) {
    if (standing.terminalActive !== true) {
      return 'the terminal was revoked';
    }
    // Tokens carry whole seconds: a session opened in the second of the rotation counts as after it.
    if (standing.keyRotatedAt && issuedAt.getTime() < Math.floor(standing.keyRotatedAt.getTime() / 1000) * 1000) {
      return "the terminal's key was rotated";
    }
  }
  return null;
}
