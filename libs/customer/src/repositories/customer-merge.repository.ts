import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { entityManagerOf, RequestContext } from '@omnitill/common';
import { CustomerMergeEntity } from '../entities/customer-merge.entity';

@Injectable()
export class CustomerMergeRepository {
  constructor(private readonly dataSource: DataSource) {}

  findByMergedId(ctx: RequestContext, mergedId: string): Promise<CustomerMergeEntity | null> {
    return entityManagerOf(ctx, this.dataSource).findOneBy(CustomerMergeEntity, { mergedId });
  }

  /** Merges this profile took part in, as survivor or as the merged one, newest first. */
  listInvolving(ctx: RequestContext, customerId: string): Promise<CustomerMergeEntity[]> {
    return entityManagerOf(ctx, this.dataSource).find(CustomerMergeEntity, {
      where: [{ survivorId: customerId }, { mergedId: customerId }],
      order: { mergedAt: 'DESC', id: 'ASC' },
    });
  }

  latestIntoSurvivor(ctx: RequestContext, survivorId: string, limit: number): Promise<CustomerMergeEntity[]> {
    return entityManagerOf(ctx, this.dataSource).find(CustomerMergeEntity, { where: { survivorId }, order: { mergedAt: 'DESC', id: 'ASC' }, take: limit });
  }

  countIntoSurvivor(ctx: RequestContext, survivorId: string): Promise<number> {
    return entityManagerOf(ctx, this.dataSource).countBy(CustomerMergeEntity, { survivorId });
  }

  insert(ctx: RequestContext, merge: Omit<CustomerMergeEntity, 'id' | 'survivor' | 'merged'>): Promise<CustomerMergeEntity> {
    const manager = entityManagerOf(ctx, this.dataSource);
    return manager.save(CustomerMergeEntity, manager.create(CustomerMergeEntity, merge));
  }
}
