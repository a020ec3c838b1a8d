import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, isErrorResult, Permission, RequestContext, StoreStaff, Transaction } from '@omnitill/common';
import { CancelOrderArgs } from './inputs/order-query.input';
import { PlacePickupOrderInput, PlaceShipOrderInput } from './inputs/checkout.input';
import { OrderTransitionResult, PlacePickupOrderResult, PlaceShipOrderResult } from './results/order.result';
import { OrderType } from './types/order.type';
import { CheckoutService } from '../services/checkout.service';
import { OrderCancellationService } from '../services/order-cancellation.service';

// placePickupOrder and placeShipOrder run without @Transaction: the service opens its own, so an
// idempotent replay (same clientOrderId) can roll back and answer the first order instead.
@Resolver()
export class CheckoutResolver {
  constructor(
    private readonly checkout: CheckoutService,
    private readonly cancellation: OrderCancellationService,
  ) {}

  @Mutation(() => PlacePickupOrderResult, {
    description: 'Click-and-collect: reserves every line at the store at once, or nothing (InsufficientStockError lists what is available and nearby stores that have it all).',
  })
  @Allow(Permission.STOREFRONT, Permission.CUSTOMER)
  async placePickupOrder(@Ctx() ctx: RequestContext, @Args('input') input: PlacePickupOrderInput): Promise<typeof PlacePickupOrderResult> {
    const result = await this.checkout.placePickupOrder(ctx, input);
    return isErrorResult(result) ? result : OrderType.from(result);
  }

  @Mutation(() => PlaceShipOrderResult, { description: "Ships from the store's stock: reserved now, sold when shipped." })
  @Allow(Permission.STOREFRONT, Permission.CUSTOMER)
  async placeShipOrder(@Ctx() ctx: RequestContext, @Args('input') input: PlaceShipOrderInput): Promise<typeof PlaceShipOrderResult> {
    const result = await this.checkout.placeShipOrder(ctx, input);
    return isErrorResult(result) ? result : OrderType.from(result);
  }

  @Mutation(() => OrderTransitionResult, { description: 'Cancels an open online order and releases its stock. Staff of its store, its customer, or the storefront.' })
  @Allow(Permission.STOREFRONT, Permission.CUSTOMER, ...StoreStaff, Permission.SUPPORT_AGENT)
  @Transaction()
  async cancelOrder(@Ctx() ctx: RequestContext, @Args() args: CancelOrderArgs): Promise<typeof OrderTransitionResult> {
    const result = await this.cancellation.cancel(ctx, args.orderId, args.reason);
    return isErrorResult(result) ? result : OrderType.from(result);
  }
}
