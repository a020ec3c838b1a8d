import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ParseUUIDPipe } from '@nestjs/common';
import { Allow, Ctx, PageArgs, Permission, RequestContext, toPaginated, Transaction } from '@omnitill/common';
import { CampaignFilterArgs, CreateCampaignInput, UpdateCampaignInput } from './inputs/campaign.input';
import { CampaignList, CampaignType } from './types/campaign.type';
import { CampaignAdminService, CampaignWithCounts } from '../services/campaign-admin.service';

const toType = ({ campaign, counts }: CampaignWithCounts) => CampaignType.from(campaign, counts);

/** Campaigns, for marketing (admins). */
@Resolver(() => CampaignType)
export class CampaignResolver {
  constructor(private readonly admin: CampaignAdminService) {}

  @Mutation(() => CampaignType)
  @Allow(Permission.ADMIN)
  @Transaction()
  async createCampaign(@Ctx() ctx: RequestContext, @Args('input') input: CreateCampaignInput): Promise<CampaignType> {
    return toType(await this.admin.create(ctx, input));
  }

  @Mutation(() => CampaignType, { description: 'The discount type and currency cannot change; a cap cannot go below the redemptions made.' })
  @Allow(Permission.ADMIN)
  @Transaction()
  async updateCampaign(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, ParseUUIDPipe) id: string,
    @Args('input') input: UpdateCampaignInput,
  ): Promise<CampaignType> {
    return toType(await this.admin.update(ctx, id, input));
  }

  @Query(() => CampaignList, { description: 'Newest first, with counts.' })
  @Allow(Permission.ADMIN)
  async campaigns(@Ctx() ctx: RequestContext, @Args() page: PageArgs, @Args() filter: CampaignFilterArgs): Promise<CampaignList> {
    return toPaginated(await this.admin.list(ctx, filter.search, page.skip, page.take), toType);
  }

  @Query(() => CampaignType)
  @Allow(Permission.ADMIN)
  async campaign(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }, ParseUUIDPipe) id: string): Promise<CampaignType> {
    return toType(await this.admin.get(ctx, id));
  }
}
