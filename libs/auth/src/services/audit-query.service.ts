import { Injectable } from '@nestjs/common';
import { ForbiddenException, Page, RequestContext } from '@omnitill/common';
import { AuditEntryEntity } from '../entities/audit-entry.entity';
import { AuditEntryQuery, AuditEntryRepository } from '../repositories/audit-entry.repository';

export type AuditTrailFilter = Omit<AuditEntryQuery, 'storeIds'> & { readonly storeId?: string };

/**
 * Who reads the audit trail: admins read all of it; a store manager reads the entries of their own
 * stores (never store-less ones such as staff, key or customer changes). Resolvers admit nobody else.
 */
@Injectable()
export class AuditQueryService {
  constructor(private readonly entries: AuditEntryRepository) {}

  search(ctx: RequestContext, filter: AuditTrailFilter): Promise<Page<AuditEntryEntity>> {
    const { storeId, ...rest } = filter;
    const scope = ctx.storeScope;
    if (scope === null) {
      return this.entries.search(ctx, { ...rest, storeIds: storeId ? [storeId] : null });
    }
    if (storeId && !scope.includes(storeId)) {
      throw new ForbiddenException('You can read the audit trail of your own stores only');
    }
    return this.entries.search(ctx, { ...rest, storeIds: storeId ? [storeId] : scope });
  }
}
