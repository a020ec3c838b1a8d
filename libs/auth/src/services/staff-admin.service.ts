import { Injectable } from '@nestjs/common';
import {
  AuditAction, AuditTrail, BadInputException, hashPassword, isUniqueViolation, NotFoundException, Page, RequestContext, TransactionRunner,
} from '@omnitill/common';
import { StoreService } from '@omnitill/store';
import { CreateStaffUserInput, UpdateStaffUserInput } from '../api/inputs/staff-user.input';
import { StaffUserEntity } from '../entities/staff-user.entity';
import { DuplicateEmailError } from '../errors/auth.errors';
import { StaffUserRepository, StaffUserWithStores } from '../repositories/staff-user.repository';
import { normaliseEmail } from './staff-auth.service';

@Injectable()
export class StaffAdminService {
  constructor(
    private readonly users: StaffUserRepository,
    private readonly stores: StoreService,
    private readonly audit: AuditTrail,
    private readonly transactions: TransactionRunner,
  ) {}

  /** Runs in the caller's transaction, or its own one (the first admin is created outside any request). */
  create(ctx: RequestContext, input: CreateStaffUserInput): Promise<StaffUserWithStores | DuplicateEmailError> {
    return this.transactions.run(ctx, (tx) => this.createInTransaction(tx, input));
  }

  private async createInTransaction(ctx: RequestContext, input: CreateStaffUserInput): Promise<StaffUserWithStores | DuplicateEmailError> {
    const email = normaliseEmail(input.email);
    if (await this.users.findByEmail(ctx, email)) {
      return new DuplicateEmailError(email);
    }
    await this.assertStoresExist(ctx, input.storeIds);
    try {
      const user = await this.users.insert(ctx, { email, name: input.name, role: input.role, passwordHash: await hashPassword(input.password) });
      await this.users.replaceStores(ctx, user.id, input.storeIds);
      const storeIds = [...input.storeIds].sort();
      await this.audit.record(ctx, {
        action: AuditAction.STAFF_CREATED, subjectType: 'staff_user', subjectId: user.id,
        after: { email, name: user.name, role: user.role, active: true, storeIds },
      });
      return { user, storeIds };
    } catch (error) {
      if (isUniqueViolation(error, 'uq_staff_user_email')) {
        return new DuplicateEmailError(email);
      }
      throw error;
    }
  }

  async update(ctx: RequestContext, id: string, input: UpdateStaffUserInput): Promise<StaffUserWithStores> {
    const user = await this.getById(ctx, id);
    const before = await this.snapshot(ctx, user);
    if (input.name !== undefined) {
      user.name = input.name;
    }
    if (input.role !== undefined) {
      user.role = input.role;
    }
    if (input.active !== undefined) {
      user.active = input.active;
    }
    if (input.password !== undefined) {
      user.passwordHash = await hashPassword(input.password);
    }
    await this.users.save(ctx, user);
    if (input.storeIds !== undefined) {
      await this.assertStoresExist(ctx, input.storeIds);
      await this.users.replaceStores(ctx, user.id, input.storeIds);
    }
    const after = await this.snapshot(ctx, user);
    const action = before.active && !after.active
      ? AuditAction.STAFF_DEACTIVATED
      : before.role !== after.role
        ? AuditAction.STAFF_ROLE_CHANGE
        : AuditAction.STAFF_UPDATED;
    await this.audit.record(ctx, {
      action, subjectType: 'staff_user', subjectId: user.id,
      before, after: { ...after, passwordChanged: input.password !== undefined },
    });
    return this.withStores(ctx, user);
  }

  /** What the audit trail keeps of a staff user: never the password hash. */
  private async snapshot(ctx: RequestContext, user: StaffUserEntity): Promise<{ name: string; role: string; active: boolean; storeIds: string[] }> {
    const { storeIds } = await this.withStores(ctx, user);
    return { name: user.name, role: user.role, active: user.active, storeIds };
  }

  async getById(ctx: RequestContext, id: string): Promise<StaffUserEntity> {
    const user = await this.users.findById(ctx, id);
    if (!user) {
      throw new NotFoundException('Staff user', id);
    }
    return user;
  }

  async getWithStores(ctx: RequestContext, id: string): Promise<StaffUserWithStores> {
    return this.withStores(ctx, await this.getById(ctx, id));
  }

  async list(ctx: RequestContext, query: { search?: string; storeId?: string; skip: number; take: number }): Promise<Page<StaffUserWithStores>> {
    const page = await this.users.list(ctx, query);
    const stores = await this.users.storeIdsOf(ctx, page.items.map((user) => user.id));
    return { ...page, items: page.items.map((user) => ({ user, storeIds: stores.get(user.id) ?? [] })) };
  }

  private async withStores(ctx: RequestContext, user: StaffUserEntity): Promise<StaffUserWithStores> {
    const stores = await this.users.storeIdsOf(ctx, [user.id]);
    return { user, storeIds: stores.get(user.id) ?? [] };
  }

  private async assertStoresExist(ctx: RequestContext, storeIds: readonly string[]): Promise<void> {
    const found = await this.stores.findByIds(ctx, storeIds);
    const missing = storeIds.filter((id) => !found.some((store) => store.id === id));
    if (missing.length > 0) {
      throw new BadInputException(`Unknown store ids: ${missing.join(', ')}`, [{ field: 'storeIds', messages: ['unknown store'] }]);
    }
  }
}
