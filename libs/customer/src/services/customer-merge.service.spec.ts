import { AuditRecord, AuditTrail, BadInputException, FakeClock, NotFoundException, RequestContext } from '@omnitill/common';
import { CustomerConsentEntity, CustomerProfile } from '../entities/customer-consent.entity';
import { CustomerMergeEntity } from '../entities/customer-merge.entity';
import { CustomerEntity } from '../entities/customer.entity';
import { CustomerChannel } from '../entities/customer.enums';
import { CustomerMergeRegistry } from '../registries/customer-merge.registry';
import { CustomerConsentRepository } from '../repositories/customer-consent.repository';
import { CustomerMergeRepository } from '../repositories/customer-merge.repository';
import { CustomerRepository } from '../repositories/customer.repository';
import { CustomerEventsService } from './customer-events.service';
import { CustomerMergeService } from './customer-merge.service';
import { CustomerProfileService } from './customer-profile.service';

function customer(id: string, overrides: Partial<CustomerEntity> = {}): CustomerEntity {
  return Object.assign(new CustomerEntity(), {
    id, email: `${id}@test.local`, phone: null, firstName: 'A', lastName: 'B', loyaltyNumber: null, passwordHash: null,
    emailVerifiedAt: null, createdChannel: CustomerChannel.ONLINE, erasedAt: null, mergedIntoId: null, createdAt: new Date(), updatedAt: new Date(),
    ...overrides,
  });
}

/** Just what the merge service uses, in memory. */
class FakeCustomers {
  constructor(readonly rows: Map<string, CustomerEntity>) {}
  async lockByIds(_ctx: RequestContext, ids: readonly string[]) {
    return ids.flatMap((id) => (this.rows.has(id) ? [this.rows.get(id) as CustomerEntity] : []));
  }
  async save(_ctx: RequestContext, row: CustomerEntity) {
    return row;
  }
  async markMerged(_ctx: RequestContext, mergedId: string, survivorId: string) {
    for (const row of this.rows.values()) {
      if (row.id === mergedId || row.mergedIntoId === mergedId) {
        row.mergedIntoId = survivorId;
      }
    }
  }
}

class FakeProfiles {
  constructor(private readonly customers: FakeCustomers) {}
  async getProfile(_ctx: RequestContext, id: string): Promise<CustomerProfile> {
    const row = this.customers.rows.get(id);
    if (!row) {
      throw new NotFoundException('Customer', id);
    }
    return { customer: row, consents: [] };
  }
  async profileOf(_ctx: RequestContext, row: CustomerEntity): Promise<CustomerProfile> {
    return { customer: row, consents: [] as CustomerConsentEntity[] };
  }
}

describe('CustomerMergeService', () => {
  const ctx = RequestContext.system('test');
  let rows: Map<string, CustomerEntity>;
  let merges: CustomerMergeEntity[];
  let moved: string[];
  let events: string[];
  let audited: string[];
  let sut: CustomerMergeService;

  beforeEach(() => {
    rows = new Map([
      ['s', customer('s')],
      ['d', customer('d', { phone: '+491701234567' })],
      ['e', customer('e', { erasedAt: new Date(), email: null })],
    ]);
    merges = [];
    moved = [];
    events = [];
    audited = [];
    const customers = new FakeCustomers(rows);
    const registry = new CustomerMergeRegistry();
    registry.register({ name: 'orders', reassign: async (_c, from, to) => (moved.push(`orders:${from}->${to}`), 3) });
    registry.register({ name: 'coupon', reassign: async (_c, from, to) => (moved.push(`coupon:${from}->${to}`), 1) });
    const consents = { reassign: async () => 2 } as unknown as CustomerConsentRepository;
    const mergeRepository = {
      insert: async (_c: RequestContext, merge: Omit<CustomerMergeEntity, 'id'>) => {
        const row = Object.assign(new CustomerMergeEntity(), merge, { id: `m${merges.length}` });
        merges.push(row);
        return row;
      },
    } as unknown as CustomerMergeRepository;
    sut = new CustomerMergeService(
      customers as unknown as CustomerRepository,
      consents,
      mergeRepository,
      new FakeProfiles(customers) as unknown as CustomerProfileService,
      registry,
      { merged: async (_c: RequestContext, survivorId: string, mergedId: string) => void events.push(`merged:${mergedId}->${survivorId}`) } as unknown as CustomerEventsService,
      new FakeClock(new Date('2025-01-01T00:00:00Z')),
      { record: async (_c: RequestContext, entry: AuditRecord) => void audited.push(`${entry.action}:${entry.subjectId}`) } as unknown as AuditTrail,
    );
  });

  it('moves consents and every participant, keeps a phone only the duplicate had, records who merged', async () => {
    const result = await sut.merge(ctx, 's', 'd');

    expect(result.customer.id).toBe('s');
    expect(moved).toEqual(['orders:d->s', 'coupon:d->s']);
    expect(rows.get('d')?.mergedIntoId).toBe('s');
    expect(rows.get('s')?.phone).toBe('+491701234567');
    expect(rows.get('d')?.phone).toBeNull();
    expect(merges).toEqual([expect.objectContaining({ survivorId: 's', mergedId: 'd', mergedBy: 'staff:system', movedCounts: { consents: 2, orders: 3, coupon: 1 } })]);
    expect(events).toEqual(['merged:d->s']);
    expect(audited).toEqual(['CUSTOMER_MERGE:s']);
  });

  it('is harmless when repeated: answers the survivor and moves nothing', async () => {
    await sut.merge(ctx, 's', 'd');
    moved.length = 0;

    const again = await sut.merge(ctx, 's', 'd');

    expect(again.customer.id).toBe('s');
    expect(moved).toEqual([]);
    expect(merges).toHaveLength(1);
    expect(events).toHaveLength(1);
    expect(audited).toHaveLength(1);
  });

  it('refuses self-merges, merged survivors, erased profiles and unknown ids', async () => {
    await expect(sut.merge(ctx, 's', 's')).rejects.toBeInstanceOf(BadInputException);
    await expect(sut.merge(ctx, 's', 'e')).rejects.toBeInstanceOf(BadInputException);
    await expect(sut.merge(ctx, 's', 'nope')).rejects.toBeInstanceOf(NotFoundException);
    await sut.merge(ctx, 's', 'd');
    await expect(sut.merge(ctx, 'd', 's')).resolves.toEqual(expect.objectContaining({ customer: expect.objectContaining({ id: 's' }) }));
    rows.set('x', customer('x'));
    await expect(sut.merge(ctx, 'd', 'x')).rejects.toBeInstanceOf(BadInputException);
    expect(moved).toHaveLength(2);
  });

  it('refuses a participant registered twice under one name', () => {
    const registry = new CustomerMergeRegistry();
    registry.register({ name: 'orders', reassign: async () => 0 });
    expect(() => registry.register({ name: 'orders', reassign: async () => 0 })).toThrow('already registered');
  });
});
