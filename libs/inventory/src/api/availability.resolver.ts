import { Args, Query, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, Permission, RequestContext } from '@omnitill/common';
import { AvailabilityService } from '../services/availability.service';
import { AvailabilityArgs, PickupStoresArgs } from './inputs/stock-query.args';
import { PickupStoreOptionType } from './types/pickup-store.type';
import { StockAvailabilityType } from './types/stock-level.type';

/** Public stock reads for product pages, tills and store locators. */
@Resolver(() => StockAvailabilityType)
export class AvailabilityResolver {
  constructor(private readonly stock: AvailabilityService) {}

  @Query(() => [StockAvailabilityType], {
    description: 'Availability of several variants at one store, in one round trip. Public. NOT_FOUND for an unknown store or variant.',
  })
  @Allow(Permission.PUBLIC)
  async availability(@Ctx() ctx: RequestContext, @Args() args: AvailabilityArgs): Promise<StockAvailabilityType[]> {
    return (await this.stock.forStore(ctx, args.storeId, args)).map(StockAvailabilityType.from);
  }

  @Query(() => [PickupStoreOptionType], {
    description: 'Pickup stores that have the whole basket available, nearest to the given point first. Public.',
  })
  @Allow(Permission.PUBLIC)
  async pickupStores(@Ctx() ctx: RequestContext, @Args() args: PickupStoresArgs): Promise<PickupStoreOptionType[]> {
    return (await this.stock.nearbyPickupStores(ctx, args.lines, args.latitude, args.longitude, args.limit)).map(PickupStoreOptionType.from);
  }
}
