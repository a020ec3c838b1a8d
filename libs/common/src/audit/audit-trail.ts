import { Injectable } from '@nestjs/common';
import { registerEnumType } from '@nestjs/graphql';
import { RequestContext } from '../context/request-context';
import { Clock } from '../time/clock';

/** Privileged actions the audit trail records. Append only: never rename a value once written. */
export enum AuditAction {
  PRICE_OVERRIDE = 'PRICE_OVERRIDE',
  SALE_VOID = 'SALE_VOID',
  STOCK_ADJUSTMENT = 'STOCK_ADJUSTMENT',
  STOCK_COUNT = 'STOCK_COUNT',
  RETURN_WINDOW_OVERRIDE = 'RETURN_WINDOW_OVERRIDE',
  REFUND = 'REFUND',
  CUSTOMER_MERGE = 'CUSTOMER_MERGE',
  CUSTOMER_ERASURE = 'CUSTOMER_ERASURE',
  STAFF_CREATED = 'STAFF_CREATED',
  STAFF_UPDATED = 'STAFF_UPDATED',
  STAFF_ROLE_CHANGE = 'STAFF_ROLE_CHANGE',
  STAFF_DEACTIVATED = 'STAFF_DEACTIVATED',
  TERMINAL_KEY_ISSUED = 'TERMINAL_KEY_ISSUED',
  TERMINAL_KEY_ROTATED = 'TERMINAL_KEY_ROTATED',
  TERMINAL_KEY_REVOKED = 'TERMINAL_KEY_REVOKED',
  API_KEY_ISSUED = 'API_KEY_ISSUED',
  API_KEY_ROTATED = 'API_KEY_ROTATED',
  API_KEY_REVOKED = 'API_KEY_REVOKED',
}
registerEnumType(AuditAction, { name: 'AuditAction' });

/** A JSON-serialisable snapshot of what changed; never secrets (key hashes, passwords) or card data. */
export type AuditSnapshot = Readonly<Record<string, unknown>>;

export interface AuditRecord {
  readonly action: AuditAction;
  /** What was acted on: `order`, `stock_level`, `customer`, `staff_user`, `terminal`, ... */
  readonly subjectType: string;
  readonly subjectId: string;
  readonly storeId?: string | null;
  readonly before?: AuditSnapshot | null;
  readonly after?: AuditSnapshot | null;
  readonly reason?: string | null;
}

const MAX_SUBJECT_LENGTH = 100;
const MAX_REASON_LENGTH = 500;

/** Who acted, as the audit trail stores it: the staff user id (or customer / key id) and a label. */
export function auditActorOf(ctx: RequestContext): { actorId: string | null; actorRole: string | null; terminalId: string | null } {
  const actor = ctx.actor;
  switch (actor.kind) {
    case 'staff':
      return { actorId: actor.userId, actorRole: actor.role, terminalId: actor.terminalId };
    case 'customer':
      return { actorId: actor.customerId, actorRole: null, terminalId: null };
    case 'storefront':
      return { actorId: actor.apiKeyId, actorRole: null, terminalId: null };
    case 'anonymous':
      return { actorId: null, actorRole: null, terminalId: null };
  }
}

/**
 * The audit trail of privileged actions (overrides, voids, stock corrections, refunds, merges,
 * erasures, staff and key changes). Written in the use case's own transaction, so an entry exists
 * exactly when the change committed; the table refuses UPDATE and DELETE (trigger), so nobody,
 * admins included, can edit it through the application.
 */
@Injectable()
export class AuditTrail {
  constructor(private readonly clock: Clock) {}

  async record(ctx: RequestContext, entry: AuditRecord): Promise<void> {
    const manager = ctx.entityManager;
    if (!manager?.queryRunner?.isTransactionActive) {
      throw new Error('AuditTrail.record needs an open transaction: call it inside @Transaction() or TransactionRunner.run');
    }
    if (entry.subjectType.length === 0 || entry.subjectType.length > MAX_SUBJECT_LENGTH || entry.subjectId.length === 0 || entry.subjectId.length > MAX_SUBJECT_LENGTH) {
      throw new Error(`AuditTrail: subjectType and subjectId must be 1-${MAX_SUBJECT_LENGTH} characters (${entry.action})`);
    }
    const actor = auditActorOf(ctx);
    await manager.query(
      `INSERT INTO audit_entry
         (occurred_at, action, actor_id, actor_label, actor_role, terminal_id, channel, store_id,
          subject_type, subject_id, before, after, reason, request_id, ip)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
      [
        this.clock.now(),
        entry.action,
        actor.actorId,
        ctx.actorLabel,
        actor.actorRole,
        actor.terminalId,
        ctx.channel,
        entry.storeId ?? (ctx.staff?.terminalStoreId ?? null),
        entry.subjectType,
        entry.subjectId,
        entry.before ? JSON.stringify(entry.before) : null,
        entry.after ? JSON.stringify(entry.after) : null,
        entry.reason ? entry.reason.slice(0, MAX_REASON_LENGTH) : null,
        ctx.requestId.slice(0, 100),
        ctx.ip ? ctx.ip.slice(0, 64) : null,
      ],
    );
  }
}
