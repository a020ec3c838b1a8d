import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, AnyStaff, Ctx, Permission, RequestContext, Transaction } from '@omnitill/common';
import { ReturnPolicyService } from '../services/return-policy.service';
import { SetStoreReturnPolicyInput } from './inputs/store-credit.input';
import { StoreReturnPolicyType } from './types/store-credit.type';

@Resolver(() => StoreReturnPolicyType)
export class ReturnPolicyResolver {
  constructor(private readonly policies: ReturnPolicyService) {}

  @Query(() => StoreReturnPolicyType)
  @Allow(...AnyStaff)
  async storeReturnPolicy(@Ctx() ctx: RequestContext, @Args('storeId', { type: () => ID }, ParseUUIDPipe) storeId: string): Promise<StoreReturnPolicyType> {
    return StoreReturnPolicyType.from(await this.policies.policyOf(ctx, storeId));
  }

  @Mutation(() => StoreReturnPolicyType, { description: "Admins: a store's return window in days (null: the default)." })
  @Allow(Permission.ADMIN)
  @Transaction()
  async setStoreReturnPolicy(@Ctx() ctx: RequestContext, @Args('input') input: SetStoreReturnPolicyInput): Promise<StoreReturnPolicyType> {
    return StoreReturnPolicyType.from(await this.policies.setWindow(ctx, input.storeId, input.windowDays ?? null));
  }
}
