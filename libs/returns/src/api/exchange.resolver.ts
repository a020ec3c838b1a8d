import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, isErrorResult, RequestContext, StoreStaff, Transaction } from '@omnitill/common';
import { ExchangeService } from '../services/exchange.service';
import { ExchangeItemsInput } from './inputs/exchange.input';
import { ExchangeItemsResult } from './results/returns.result';
import { ExchangeType } from './types/exchange.type';

@Resolver(() => ExchangeType)
export class ExchangeResolver {
  constructor(private readonly exchanges: ExchangeService) {}

  @Mutation(() => ExchangeItemsResult, { description: 'A return and a replacement sale at this till, in one transaction; the difference is collected or refunded.' })
  @Allow(...StoreStaff)
  @Transaction()
  async exchangeItems(@Ctx() ctx: RequestContext, @Args('input') input: ExchangeItemsInput): Promise<typeof ExchangeItemsResult> {
    const result = await this.exchanges.exchange(ctx, { ...input, payments: input.payments ?? [] });
    return isErrorResult(result) ? result : ExchangeType.from(result);
  }
}
