import { RequestContext, StaffActor, StaffRole } from '@omnitill/common';
import { mayAuthoriseLateReturn, mayOverrideWindow, receivingStoreOf } from './receiving-store';

const staff = (role: StaffRole, storeIds: string[], terminalStoreId: string | null = null): RequestContext => {
  const actor: StaffActor = { kind: 'staff', userId: 'u', role, storeIds, terminalId: terminalStoreId ? 't' : null, terminalStoreId };
  return new RequestContext(actor, 'r');
};

describe('receivingStoreOf', () => {
  it("is the terminal's store, whatever the user's stores", () => {
    expect(receivingStoreOf(staff(StaffRole.CASHIER, ['a', 'b'], 'b'))).toBe('b');
    expect(receivingStoreOf(staff(StaffRole.ADMIN, [], 'c'))).toBe('c');
  });

  it("is a cashier's or manager's only store off a terminal", () => {
    expect(receivingStoreOf(staff(StaffRole.STORE_MANAGER, ['a']))).toBe('a');
    expect(receivingStoreOf(staff(StaffRole.CASHIER, ['a']))).toBe('a');
  });

  it('is refused when the store would be a guess', () => {
    expect(() => receivingStoreOf(staff(StaffRole.STORE_MANAGER, ['a', 'b']))).toThrow('terminal');
    expect(() => receivingStoreOf(staff(StaffRole.ADMIN, []))).toThrow('terminal');
    expect(() => receivingStoreOf(staff(StaffRole.SUPPORT_AGENT, ['a']))).toThrow('terminal');
    expect(() => receivingStoreOf(RequestContext.anonymous())).toThrow('terminal');
  });
});

describe('override roles', () => {
  it('lets managers and admins accept late returns at a store, support and admins when authorising', () => {
    expect([StaffRole.CASHIER, StaffRole.STORE_MANAGER, StaffRole.SUPPORT_AGENT, StaffRole.ADMIN].map((role) => mayOverrideWindow(staff(role, ['a'])))).toEqual([false, true, false, true]);
    expect([StaffRole.CASHIER, StaffRole.STORE_MANAGER, StaffRole.SUPPORT_AGENT, StaffRole.ADMIN].map((role) => mayAuthoriseLateReturn(staff(role, ['a'])))).toEqual([false, false, true, true]);
    expect(mayOverrideWindow(RequestContext.anonymous())).toBe(false);
  });
});
