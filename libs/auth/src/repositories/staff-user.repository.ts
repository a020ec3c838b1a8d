import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { entityManagerOf, escapeLike, Page, RequestContext } from '@omnitill/common';
import { StaffUserEntity } from '../entities/staff-user.entity';
import { StaffStoreEntity } from '../entities/staff-store.entity';

export interface StaffUserWithStores {
  readonly user: StaffUserEntity;
  readonly storeIds: string[];
}

@Injectable()
export class StaffUserRepository {
  constructor(private readonly dataSource: DataSource) {}

  findByEmail(ctx: RequestContext, email: string): Promise<StaffUserEntity | null> {
    return entityManagerOf(ctx, this.dataSource).findOneBy(StaffUserEntity, { email });
  }

  findById(ctx: RequestContext, id: string): Promise<StaffUserEntity | null> {
    return entityManagerOf(ctx, this.dataSource).findOneBy(StaffUserEntity, { id });
  }

  async storeIdsOf(ctx: RequestContext, userIds: readonly string[]): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>(userIds.map((id) => [id, []]));
    if (userIds.length === 0) {
      return result;
    }
    const rows = await entityManagerOf(ctx, this.dataSource)
      .createQueryBuilder(StaffStoreEntity, 'm')
      .where('m.staff_user_id = ANY(:userIds)', { userIds })
      .orderBy('m.store_id')
      .getMany();
    for (const row of rows) {
      result.get(row.staffUserId)?.push(row.storeId);
    }
    return result;
  }

  async list(ctx: RequestContext, query: { search?: string; storeId?: string; skip: number; take: number }): Promise<Page<StaffUserEntity>> {
    const qb = entityManagerOf(ctx, this.dataSource).createQueryBuilder(StaffUserEntity, 'u');
    if (query.search) {
      qb.andWhere('(u.email ILIKE :search OR u.name ILIKE :search)', { search: `%${escapeLike(query.search)}%` });
    }
    if (query.storeId) {
      qb.andWhere('EXISTS (SELECT 1 FROM staff_store m WHERE m.staff_user_id = u.id AND m.store_id = :storeId)', { storeId: query.storeId });
    }
    const [items, totalCount] = await qb.orderBy('u.email', 'ASC').skip(query.skip).take(query.take).getManyAndCount();
    return { items, totalCount, skip: query.skip, take: query.take };
  }

  insert(ctx: RequestContext, user: Pick<StaffUserEntity, 'email' | 'name' | 'passwordHash' | 'role'>): Promise<StaffUserEntity> {
    const manager = entityManagerOf(ctx, this.dataSource);
    return manager.save(StaffUserEntity, manager.create(StaffUserEntity, { ...user, active: true }));
  }

  save(ctx: RequestContext, user: StaffUserEntity): Promise<StaffUserEntity> {
    return entityManagerOf(ctx, this.dataSource).save(StaffUserEntity, user);
  }

  async replaceStores(ctx: RequestContext, userId: string, storeIds: readonly string[]): Promise<void> {
    const manager = entityManagerOf(ctx, this.dataSource);
    await manager.delete(StaffStoreEntity, { staffUserId: userId });
    if (storeIds.length > 0) {
      await manager.insert(StaffStoreEntity, storeIds.map((storeId) => ({ staffUserId: userId, storeId })));
    }
  }
}
