import { StaffRole } from './roles';

export type Channel = 'ONLINE' | 'POS' | 'BACK_OFFICE';

export interface AnonymousActor {
  readonly kind: 'anonymous';
}

export interface StaffActor {
  readonly kind: 'staff';
  readonly userId: string;
  readonly role: StaffRole;
  /** Stores the user belongs to. Ignored for cross-store roles. */
  readonly storeIds: readonly string[];
  /** Set when the session was opened on a POS terminal: the session is bound to its store. */
  readonly terminalId: string | null;
  readonly terminalStoreId: string | null;
}

export interface StorefrontActor {
  readonly kind: 'storefront';
  readonly apiKeyId: string;
}

export interface CustomerActor {
  readonly kind: 'customer';
  readonly customerId: string;
}

export type Actor = AnonymousActor | StaffActor | StorefrontActor | CustomerActor;

export const ANONYMOUS: AnonymousActor = { kind: 'anonymous' };
