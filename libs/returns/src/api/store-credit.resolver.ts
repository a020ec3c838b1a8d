import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { Allow, AnyStaff, Ctx, ForbiddenException, Permission, RequestContext } from '@omnitill/common';
import { StoreCreditService } from '../services/store-credit.service';
import { StoreCreditBalanceType } from './types/store-credit.type';

@Resolver(() => StoreCreditBalanceType)
export class StoreCreditResolver {
  constructor(private readonly credits: StoreCreditService) {}

  @Query(() => StoreCreditBalanceType, { description: "A customer's store credit and its newest entries." })
  @Allow(...AnyStaff)
  async storeCreditBalance(@Ctx() ctx: RequestContext, @Args('customerId', { type: () => ID }, ParseUUIDPipe) customerId: string): Promise<StoreCreditBalanceType> {
    return StoreCreditBalanceType.from(await this.credits.balanceOf(ctx, customerId));
  }

  @Query(() => StoreCreditBalanceType, { description: "The signed-in customer's store credit." })
  @Allow(Permission.CUSTOMER)
  async myStoreCredit(@Ctx() ctx: RequestContext): Promise<StoreCreditBalanceType> {
    if (ctx.actor.kind !== 'customer') {
      throw new ForbiddenException();
    }
    return StoreCreditBalanceType.from(await this.credits.balanceOf(ctx, ctx.actor.customerId));
  }
}
