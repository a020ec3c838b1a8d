import type { EntityManager } from 'typeorm';
import { DomainException, ErrorCode } from '../errors/domain.exception';
import { Actor, ANONYMOUS, Channel, StaffActor } from './actor';
import { CROSS_STORE_ROLES } from './roles';

/**
 * Everything a use case needs to know about who is asking and where: built once per request by the
 * auth guard and passed first to every service and repository method. When a transaction is open,
 * `entityManager` is the transaction's manager; repositories must use it.
 */
export class RequestContext {
  constructor(
    readonly actor: Actor,
    readonly requestId: string,
    readonly ip: string | null = null,
    readonly entityManager: EntityManager | null = null,
  ) {}

  static anonymous(requestId = 'internal'): RequestContext {
    return new RequestContext(ANONYMOUS, requestId);
  }

  /** A context for background jobs and seeds: acts as the system, outside any request. */
  static system(requestId = 'system'): RequestContext {
    return new RequestContext(
      { kind: 'staff', userId: 'system', role: 'ADMIN' as StaffActor['role'], storeIds: [], terminalId: null, terminalStoreId: null },
      requestId,
    );
  }

  withEntityManager(entityManager: EntityManager | null): RequestContext {
    return new RequestContext(this.actor, this.requestId, this.ip, entityManager);
  }

  get channel(): Channel {
    switch (this.actor.kind) {
      case 'staff':
        return this.actor.terminalId ? 'POS' : 'BACK_OFFICE';
      case 'storefront':
      case 'customer':
      case 'anonymous':
        return 'ONLINE';
    }
  }

  get staff(): StaffActor | null {
    return this.actor.kind === 'staff' ? this.actor : null;
  }

  /** The acting user's id for audit columns, or null for non-staff callers. */
  get actorLabel(): string {
    switch (this.actor.kind) {
      case 'staff':
        return `staff:${this.actor.userId}`;
      case 'customer':
        return `customer:${this.actor.customerId}`;
      case 'storefront':
        return `storefront:${this.actor.apiKeyId}`;
      case 'anonymous':
        return 'anonymous';
    }
  }

  get isCrossStoreStaff(): boolean {
    const staff = this.staff;
    return staff !== null && staff.terminalId === null && CROSS_STORE_ROLES.includes(staff.role);
  }

  /** True when this caller may act in `storeId`. A terminal session acts only in its terminal's store. */
  canActInStore(storeId: string): boolean {
    const staff = this.staff;
    if (!staff) {
      return false;
    }
    if (staff.terminalStoreId !== null) {
      return staff.terminalStoreId === storeId;
    }
    if (CROSS_STORE_ROLES.includes(staff.role)) {
      return true;
    }
    return staff.storeIds.includes(storeId);
  }

  assertCanActInStore(storeId: string): void {
    if (!this.canActInStore(storeId)) {
      throw new DomainException(ErrorCode.FORBIDDEN, 'You cannot act in this store');
    }
  }

  /** Stores this caller is limited to, or null when it may see all of them. */
  get storeScope(): readonly string[] | null {
    const staff = this.staff;
    if (!staff) {
      return [];
    }
    if (staff.terminalStoreId !== null) {
      return [staff.terminalStoreId];
    }
    return CROSS_STORE_ROLES.includes(staff.role) ? null : staff.storeIds;
  }
}
