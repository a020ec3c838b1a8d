import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { entityManagerOf, RequestContext } from '@omnitill/common';
import { StorefrontApiKeyEntity } from '../entities/storefront-api-key.entity';

@Injectable()
export class StorefrontApiKeyRepository {
  constructor(private readonly dataSource: DataSource) {}

  findActiveByHash(ctx: RequestContext, keyHash: string): Promise<StorefrontApiKeyEntity | null> {
    return entityManagerOf(ctx, this.dataSource).findOneBy(StorefrontApiKeyEntity, { keyHash, active: true });
  }

  findById(ctx: RequestContext, id: string): Promise<StorefrontApiKeyEntity | null> {
    return entityManagerOf(ctx, this.dataSource).findOneBy(StorefrontApiKeyEntity, { id });
  }

  list(ctx: RequestContext): Promise<StorefrontApiKeyEntity[]> {
    return entityManagerOf(ctx, this.dataSource).find(StorefrontApiKeyEntity, { order: { createdAt: 'ASC' } });
  }

  insert(ctx: RequestContext, key: Pick<StorefrontApiKeyEntity, 'name' | 'keyHash' | 'keyPrefix'>): Promise<StorefrontApiKeyEntity> {
    const manager = entityManagerOf(ctx, this.dataSource);
    return manager.save(StorefrontApiKeyEntity, manager.create(StorefrontApiKeyEntity, { ...key, active: true }));
  }

  save(ctx: RequestContext, key: StorefrontApiKeyEntity): Promise<StorefrontApiKeyEntity> {
    return entityManagerOf(ctx, this.dataSource).save(StorefrontApiKeyEntity, key);
  }
}
