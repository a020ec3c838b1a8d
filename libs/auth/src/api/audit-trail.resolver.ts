import { Args, Query, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, Managers, PageArgs, RequestContext, toPaginated } from '@omnitill/common';
import { AuditTrailFilterArgs } from './inputs/audit-trail.input';
import { AuditEntryList, AuditEntryType } from './types/audit-entry.type';
import { AuditQueryService } from '../services/audit-query.service';

@Resolver()
export class AuditTrailResolver {
  constructor(private readonly audit: AuditQueryService) {}

  @Query(() => AuditEntryList, {
    description: 'Privileged actions, newest first. Admins see all; store managers only the entries of their own stores.',
  })
  @Allow(...Managers)
  async auditTrail(@Ctx() ctx: RequestContext, @Args() filter: AuditTrailFilterArgs, @Args() page: PageArgs): Promise<AuditEntryList> {
    return toPaginated(await this.audit.search(ctx, { ...filter, ...page }), AuditEntryType.fromEntity);
  }
}
