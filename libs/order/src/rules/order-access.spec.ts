import { RequestContext, StaffRole } from '@omnitill/common';
import { OrderEntity } from '../entities/order.entity';
import { OrderChannel } from '../entities/order.enums';
import { canReadOrder, staffHandles, visibleOrFail } from './order-access';

const storeA = 'aaaaaaaa-0000-4000-8000-000000000000';
const storeB = 'bbbbbbbb-0000-4000-8000-000000000000';
const order = { storeId: storeA, customerId: 'c1', channel: OrderChannel.ONLINE } as OrderEntity;

function staff(role: StaffRole, storeIds: string[], terminalStoreId: string | null = null): RequestContext {
  return new RequestContext({ kind: 'staff', userId: 'u', role, storeIds, terminalId: terminalStoreId ? 't' : null, terminalStoreId }, 'r');
}

describe('order access', () => {
  it('lets staff of the store, cross-store roles and the owning customer read', () => {
    expect(canReadOrder(staff(StaffRole.CASHIER, [storeA]), order)).toBe(true);
    expect(canReadOrder(staff(StaffRole.CASHIER, [storeB]), order)).toBe(false);
    expect(canReadOrder(staff(StaffRole.SUPPORT_AGENT, []), order)).toBe(true);
    expect(canReadOrder(staff(StaffRole.ADMIN, [], storeB), order)).toBe(false);
    expect(canReadOrder(new RequestContext({ kind: 'customer', customerId: 'c1' }, 'r'), order)).toBe(true);
    expect(canReadOrder(new RequestContext({ kind: 'customer', customerId: 'c2' }, 'r'), order)).toBe(false);
    expect(canReadOrder(new RequestContext({ kind: 'storefront', apiKeyId: 'k' }, 'r'), order)).toBe(true);
    expect(canReadOrder(new RequestContext({ kind: 'storefront', apiKeyId: 'k' }, 'r'), { ...order, channel: OrderChannel.POS })).toBe(false);
    expect(canReadOrder(RequestContext.anonymous(), order)).toBe(false);
  });

  it('lets only staff of the store handle it', () => {
    expect(staffHandles(staff(StaffRole.STORE_MANAGER, [storeA]), order)).toBe(true);
    expect(staffHandles(new RequestContext({ kind: 'customer', customerId: 'c1' }, 'r'), order)).toBe(false);
  });

  it('answers NOT_FOUND alike for missing and forbidden orders', () => {
    expect(() => visibleOrFail(null, () => true, 'x')).toThrow('Order x not found');
    expect(() => visibleOrFail(order, () => false, 'x')).toThrow('Order x not found');
    expect(visibleOrFail(order, () => true, 'x')).toBe(order);
  });
});
