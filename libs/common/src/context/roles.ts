import { registerEnumType } from '@nestjs/graphql';

/** Roles a staff user can hold. Store roles are scoped to the stores the user belongs to. */
export enum StaffRole {
  CASHIER = 'CASHIER',
  STORE_MANAGER = 'STORE_MANAGER',
  SUPPORT_AGENT = 'SUPPORT_AGENT',
  ADMIN = 'ADMIN',
}
registerEnumType(StaffRole, { name: 'StaffRole' });

/** Roles that act across every store; the others act only in their own stores. */
export const CROSS_STORE_ROLES: readonly StaffRole[] = [StaffRole.SUPPORT_AGENT, StaffRole.ADMIN];

/**
 * Who may call an operation, as declared with `@Allow(...)`. Staff roles plus the non-staff callers.
 * PUBLIC admits anyone, anonymous included.
 */
export enum Permission {
  PUBLIC = 'PUBLIC',
  STOREFRONT = 'STOREFRONT',
  CUSTOMER = 'CUSTOMER',
  CASHIER = 'CASHIER',
  STORE_MANAGER = 'STORE_MANAGER',
  SUPPORT_AGENT = 'SUPPORT_AGENT',
  ADMIN = 'ADMIN',
}

/** Convenient groups for `@Allow(...)`. */
export const StoreStaff = [Permission.CASHIER, Permission.STORE_MANAGER, Permission.ADMIN] as const;
export const Managers = [Permission.STORE_MANAGER, Permission.ADMIN] as const;
export const AnyStaff = [
  Permission.CASHIER,
  Permission.STORE_MANAGER,
  Permission.SUPPORT_AGENT,
  Permission.ADMIN,
] as const;
