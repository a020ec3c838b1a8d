import { ForbiddenException, RequestContext, StaffRole } from '@omnitill/common';

const STORE_ROLES: readonly StaffRole[] = [StaffRole.CASHIER, StaffRole.STORE_MANAGER];
const OVERRIDE_ROLES: readonly StaffRole[] = [StaffRole.STORE_MANAGER, StaffRole.ADMIN];
const AUTHORISING_ROLES: readonly StaffRole[] = [StaffRole.SUPPORT_AGENT, StaffRole.ADMIN];

/**
 * The store taking goods back, from the session, never from arguments: the terminal's store, or
 * the one store a cashier or manager works in. Anyone else must use a terminal session.
 */
export function receivingStoreOf(ctx: RequestContext): string {
  const staff = ctx.staff;
  if (staff?.terminalStoreId) {
    return staff.terminalStoreId;
  }
  if (staff && STORE_ROLES.includes(staff.role) && staff.storeIds.length === 1) {
    return staff.storeIds[0];
  }
  throw new ForbiddenException('Returns are received on a POS terminal session (terminalLogin) of the receiving store');
}

/** Store managers and admins may accept a return after the window, with a reason. */
export function mayOverrideWindow(ctx: RequestContext): boolean {
  const role = ctx.staff?.role;
  return role !== undefined && OVERRIDE_ROLES.includes(role);
}

/** Support agents and admins authorise returns online (and may accept late ones, with a reason). */
export function mayAuthoriseLateReturn(ctx: RequestContext): boolean {
  const role = ctx.staff?.role;
  return role !== undefined && AUTHORISING_ROLES.includes(role);
}
