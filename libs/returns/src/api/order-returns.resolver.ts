import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, RequestContext } from '@omnitill/common';
import { OrderType } from '@omnitill/order';
import { ReturnQueryService } from '../services/return-query.service';
import { ReturnType } from './types/return.type';

/** Every return shows in the order's history: Order.returns (whoever may read the order sees them). */
@Resolver(() => OrderType)
export class OrderReturnsResolver {
  constructor(private readonly queries: ReturnQueryService) {}

  @ResolveField(() => [ReturnType], { description: 'Returns of this order, oldest first.' })
  async returns(@Ctx() ctx: RequestContext, @Parent() order: OrderType): Promise<ReturnType[]> {
    const byOrder = await this.queries.forOrders(ctx, [order.id]);
    return (byOrder.get(order.id) ?? []).map(ReturnType.from);
  }
}
