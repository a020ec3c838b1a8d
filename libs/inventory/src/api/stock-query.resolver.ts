import { Args, Query, Resolver } from '@nestjs/graphql';
import { Allow, AnyStaff, Ctx, PageArgs, RequestContext, toPaginated } from '@omnitill/common';
import { StockQueryService } from '../services/stock-query.service';
import { StockLevelsArgs, StockMovementsArgs, StoreStockArgs } from './inputs/stock-query.args';
import { StockLevelList, StockLevelType } from './types/stock-level.type';
import { StockMovementEntryType, StockMovementList } from './types/stock-movement.type';

/** A store's stock for its staff (cashiers and managers of that store), support agents and admins. */
@Resolver(() => StockLevelType)
export class StockQueryResolver {
  constructor(private readonly stock: StockQueryService) {}

  @Query(() => StockLevelList, { description: "A store's stock by SKU, filterable." })
  @Allow(...AnyStaff)
  async stockLevels(@Ctx() ctx: RequestContext, @Args() args: StockLevelsArgs, @Args() page: PageArgs): Promise<StockLevelList> {
    const { storeId, ...filter } = args;
    const result = await this.stock.listLevels(ctx, storeId, filter, page.skip, page.take);
    return toPaginated(result, StockLevelType.fromView);
  }

  @Query(() => [StockLevelType], { description: 'What is low in a store (a threshold is set and available is at or below it), at most 500.' })
  @Allow(...AnyStaff)
  async lowStock(@Ctx() ctx: RequestContext, @Args() args: StoreStockArgs): Promise<StockLevelType[]> {
    return (await this.stock.lowStock(ctx, args.storeId)).map(StockLevelType.fromView);
  }

  @Query(() => StockMovementList, { description: 'The ledger of one variant at one store, newest first.' })
  @Allow(...AnyStaff)
  async stockMovements(@Ctx() ctx: RequestContext, @Args() args: StockMovementsArgs, @Args() page: PageArgs): Promise<StockMovementList> {
    const result = await this.stock.listMovements(ctx, args.storeId, args.variantId, page.skip, page.take);
    return toPaginated(result, StockMovementEntryType.fromEntity);
  }
}
