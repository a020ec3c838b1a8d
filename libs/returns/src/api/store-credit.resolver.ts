import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, AnyStaff, Ctx, ForbiddenException, isErrorResult, Permission, RequestContext, StoreStaff, Transaction } from '@omnitill/common';
import { StoreCreditSpendingService } from '../services/store-credit-spending.service';
import { StoreCreditService } from '../services/store-credit.service';
import { SpendStoreCreditInput } from './inputs/store-credit.input';
import { SpendStoreCreditResult } from './results/returns.result';
import { StoreCreditBalanceType } from './types/store-credit.type';

@Resolver(() => StoreCreditBalanceType)
export class StoreCreditResolver {
  constructor(
    private readonly credits: StoreCreditService,
    private readonly spending: StoreCreditSpendingService,
  ) {}

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

  @Mutation(() => SpendStoreCreditResult, {
    description: "Debits a recorded sale's STORE_CREDIT payments from its customer's balance (once per sale; call right after recordSale).",
  })
  @Allow(...StoreStaff)
  @Transaction()
  async spendStoreCredit(@Ctx() ctx: RequestContext, @Args('input') input: SpendStoreCreditInput): Promise<typeof SpendStoreCreditResult> {
    const result = await this.spending.spendOnSale(ctx, input.orderId);
    return isErrorResult(result) ? result : StoreCreditBalanceType.from(result);
  }
}
