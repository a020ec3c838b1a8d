import { Args, Query, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, isErrorResult, Permission, RequestContext } from '@omnitill/common';
import { CustomerRecommendationsArgs, MyRecommendationsArgs } from './inputs/recommendation.args';
import { CustomerRecommendationsResult } from './results/recommendation.result';
import { RecommendationsType } from './types/recommendation.type';
import { RecommendationService } from '../services/recommendation.service';

@Resolver(() => RecommendationsType)
export class RecommendationResolver {
  constructor(private readonly recommendations: RecommendationService) {}

  @Query(() => CustomerRecommendationsResult, {
    description:
      'Products a customer has not bought, from what customers who bought the same products also bought, for marketing use ' +
      '(email integrations, support agents). Refused with a reason without email marketing consent or for an erased profile.',
  })
  @Allow(Permission.SUPPORT_AGENT, Permission.ADMIN)
  async recommendationsForCustomer(@Ctx() ctx: RequestContext, @Args() args: CustomerRecommendationsArgs): Promise<typeof CustomerRecommendationsResult> {
    const result = await this.recommendations.forCustomer(ctx, args.customerId, args.limit, args.storeId ?? null);
    return isErrorResult(result) ? result : RecommendationsType.from(result);
  }

  @Query(() => RecommendationsType, { description: "The signed-in customer's own recommendations (storefronts)." })
  @Allow(Permission.CUSTOMER)
  async myRecommendations(@Ctx() ctx: RequestContext, @Args() args: MyRecommendationsArgs): Promise<RecommendationsType> {
    return RecommendationsType.from(await this.recommendations.forSignedInCustomer(ctx, args.limit));
  }
}
