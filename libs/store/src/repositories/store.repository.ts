import { Injectable } from '@nestjs/common';
import { DataSource, FindOptionsWhere, ILike } from 'typeorm';
import { entityManagerOf, escapeLike, findPrepared, Page, RequestContext, SortDirection } from '@omnitill/common';
import { StoreEntity } from '../entities/store.entity';
import { StoreSortField } from '../api/inputs/store.input';

export interface StoreListQuery {
  readonly search?: string;
  readonly offersPickup?: boolean;
  readonly sortBy: StoreSortField;
  readonly sortDirection: SortDirection;
  readonly skip: number;
  readonly take: number;
}

@Injectable()
export class StoreRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findById(ctx: RequestContext, id: string): Promise<StoreEntity | null> {
    const [store] = await findPrepared(entityManagerOf(ctx, this.dataSource), StoreEntity, 'id = $1', [id]);
    return store ?? null;
  }

  findByIds(ctx: RequestContext, ids: readonly string[]): Promise<StoreEntity[]> {
    if (ids.length === 0) {
      return Promise.resolve([]);
    }
    return entityManagerOf(ctx, this.dataSource)
      .createQueryBuilder(StoreEntity, 's')
      .where('s.id = ANY(:ids)', { ids })
      .getMany();
  }

  findByCode(ctx: RequestContext, code: string): Promise<StoreEntity | null> {
    return entityManagerOf(ctx, this.dataSource).findOneBy(StoreEntity, { code });
  }

  async list(ctx: RequestContext, query: StoreListQuery): Promise<Page<StoreEntity>> {
    const base: FindOptionsWhere<StoreEntity> = {};
    if (query.offersPickup !== undefined) {
      base.offersPickup = query.offersPickup;
    }
    const where: FindOptionsWhere<StoreEntity>[] = query.search
      ? (['code', 'name', 'city'] as const).map((column) => ({ ...base, [column]: ILike(`%${escapeLike(query.search ?? '')}%`) }))
      : [base];
    const [items, totalCount] = await entityManagerOf(ctx, this.dataSource).findAndCount(StoreEntity, {
      where,
      order: { [query.sortBy]: query.sortDirection, id: 'ASC' },
      skip: query.skip,
      take: query.take,
    });
    return { items, totalCount, skip: query.skip, take: query.take };
  }

  insert(ctx: RequestContext, store: Omit<StoreEntity, 'id' | 'createdAt' | 'updatedAt'>): Promise<StoreEntity> {
    const manager = entityManagerOf(ctx, this.dataSource);
    return manager.save(StoreEntity, manager.create(StoreEntity, store));
  }

  save(ctx: RequestContext, store: StoreEntity): Promise<StoreEntity> {
    return entityManagerOf(ctx, this.dataSource).save(StoreEntity, store);
  }
}
