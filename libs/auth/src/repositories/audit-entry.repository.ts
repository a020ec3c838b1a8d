import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { entityManagerOf, Page, RequestContext } from '@omnitill/common';
import { AuditEntryEntity } from '../entities/audit-entry.entity';

export interface AuditEntryQuery {
  readonly from?: Date;
  readonly to?: Date;
  /** Only these stores; null means every entry, store-less ones included. */
  readonly storeIds: readonly string[] | null;
  readonly action?: string;
  readonly actorId?: string;
  readonly subjectType?: string;
  readonly subjectId?: string;
  readonly skip: number;
  readonly take: number;
}

/** Reads of the audit trail. Writes go through AuditTrail (libs/common), never through here. */
@Injectable()
export class AuditEntryRepository {
  constructor(private readonly dataSource: DataSource) {}

  async search(ctx: RequestContext, query: AuditEntryQuery): Promise<Page<AuditEntryEntity>> {
    const qb = entityManagerOf(ctx, this.dataSource).createQueryBuilder(AuditEntryEntity, 'a');
    if (query.storeIds !== null) {
      qb.andWhere('a.store_id = ANY(:storeIds)', { storeIds: query.storeIds });
    }
    if (query.from) {
      qb.andWhere('a.occurred_at >= :from', { from: query.from });
    }
    if (query.to) {
      qb.andWhere('a.occurred_at < :to', { to: query.to });
    }
    if (query.action) {
      qb.andWhere('a.action = :action', { action: query.action });
    }
    if (query.actorId) {
      qb.andWhere('a.actor_id = :actorId', { actorId: query.actorId });
    }
    if (query.subjectType) {
      qb.andWhere('a.subject_type = :subjectType', { subjectType: query.subjectType });
    }
    if (query.subjectId) {
      qb.andWhere('a.subject_id = :subjectId', { subjectId: query.subjectId });
    }
    const [items, totalCount] = await qb
      .orderBy('a.occurred_at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .skip(query.skip)
      .take(query.take)
      .getManyAndCount();
    return { items, totalCount, skip: query.skip, take: query.take };
  }
}
