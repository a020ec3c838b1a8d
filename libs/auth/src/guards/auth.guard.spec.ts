import { Permission, StaffRole } from '@omnitill/common';
import { isPermitted } from './auth.guard';

describe('isPermitted', () => {
  const cashier = { kind: 'staff', userId: 'u', role: StaffRole.CASHIER, storeIds: [], terminalId: null, terminalStoreId: null } as const;

  it('admits anyone to PUBLIC operations', () => {
    expect(isPermitted({ kind: 'anonymous' }, [Permission.PUBLIC])).toBe(true);
  });

  it('matches staff by role', () => {
    expect(isPermitted(cashier, [Permission.CASHIER])).toBe(true);
    expect(isPermitted(cashier, [Permission.STORE_MANAGER, Permission.ADMIN])).toBe(false);
  });

  it('keeps storefront keys and customers out of staff operations', () => {
    const staffOnly = [Permission.CASHIER, Permission.STORE_MANAGER, Permission.SUPPORT_AGENT, Permission.ADMIN];
    expect(isPermitted({ kind: 'storefront', apiKeyId: 'k' }, staffOnly)).toBe(false);
    expect(isPermitted({ kind: 'customer', customerId: 'c' }, staffOnly)).toBe(false);
    expect(isPermitted({ kind: 'anonymous' }, staffOnly)).toBe(false);
    expect(isPermitted({ kind: 'storefront', apiKeyId: 'k' }, [Permission.STOREFRONT])).toBe(true);
  });
});
