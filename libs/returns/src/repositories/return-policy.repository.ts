import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { entityManagerOf, RequestContext } from '@omnitill/common';
import { StoreReturnPolicyEntity } from '../entities/store-return-policy.entity';

@Injectable()
export class ReturnPolicyRepository {
  constructor(private readonly dataSource: DataSource) {}

  findByStore(ctx: RequestContext, storeId: string): Promise<StoreReturnPolicyEntity | null> {
    return entityManagerOf(ctx, this.dataSource).findOneBy(StoreReturnPolicyEntity, { storeId });
  }

  async upsert(ctx: RequestContext, policy: Omit<StoreReturnPolicyEntity, 'store'>): Promise<StoreReturnPolicyEntity> {
    await entityManagerOf(ctx, this.dataSource).upsert(StoreReturnPolicyEntity, policy, ['storeId']);
    return Object.assign(new StoreReturnPolicyEntity(), policy);
  }

  async remove(ctx: RequestContext, storeId: string): Promise<void> {
    await entityManagerOf(ctx, this.dataSource).delete(StoreReturnPolicyEntity, { storeId });
  }
}
