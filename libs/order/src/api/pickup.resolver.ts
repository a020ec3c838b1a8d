import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ID, Int, Mutation, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, isErrorResult, Permission, RequestContext, StoreStaff, Transaction } from '@omnitill/common';
import { MarkShippedArgs } from './inputs/order-query.input';
import { CollectPickupOrderInput } from './inputs/pickup.input';
import { CollectPickupOrderResult, MarkReadyForPickupResult, OrderTransitionResult } from './results/order.result';
import { OrderType } from './types/order.type';
import { PickupCredentialsType } from './types/receipt.type';
import { OrderExpiryService } from '../services/order-expiry.service';
import { PickupHandoverService } from '../services/pickup-handover.service';
import { PickupPreparationService } from '../services/pickup-preparation.service';
import { ShippingService } from '../services/shipping.service';

@Resolver()
export class PickupResolver {
  constructor(
    private readonly preparation: PickupPreparationService,
    private readonly handover: PickupHandoverService,
    private readonly shipping: ShippingService,
    private readonly expiry: OrderExpiryService,
  ) {}

  @Mutation(() => OrderTransitionResult, { description: 'Staff of the pickup store start picking a placed order.' })
  @Allow(...StoreStaff)
  @Transaction()
  async startPicking(@Ctx() ctx: RequestContext, @Args('orderId', { type: () => ID }, ParseUUIDPipe) orderId: string): Promise<typeof OrderTransitionResult> {
    const result = await this.preparation.startPicking(ctx, orderId);
    return isErrorResult(result) ? result : OrderType.from(result);
  }

  @Mutation(() => MarkReadyForPickupResult, {
    description: 'Ready for pickup: issues a new pickup code and QR (shown once) and starts the hold period.',
  })
  @Allow(...StoreStaff)
  @Transaction()
  async markReadyForPickup(@Ctx() ctx: RequestContext, @Args('orderId', { type: () => ID }, ParseUUIDPipe) orderId: string): Promise<typeof MarkReadyForPickupResult> {
    const result = await this.preparation.markReady(ctx, orderId);
    return isErrorResult(result)
      ? result
      : Object.assign(new PickupCredentialsType(), { order: OrderType.from(result.details), code: result.code, qrToken: result.qrToken });
  }

  // No @Transaction: a wrong code must be counted even though the answer is an error (which
  // would roll a transaction back); the service verifies first, then hands over in its own transaction.
  @Mutation(() => CollectPickupOrderResult, {
    description: 'At the counter: the scanned QR, or order number + code. Five wrong codes lock the order for 15 minutes. Other stores get NOT_FOUND.',
  })
  @Allow(...StoreStaff)
  async collectPickupOrder(@Ctx() ctx: RequestContext, @Args('input') input: CollectPickupOrderInput): Promise<typeof CollectPickupOrderResult> {
    const result = await this.handover.collect(ctx, input, input.refusedLines);
    return isErrorResult(result) ? result : OrderType.from(result);
  }

  @Mutation(() => OrderTransitionResult, { description: 'Staff of the shipping store: the reservation becomes SALE movements.' })
  @Allow(...StoreStaff)
  @Transaction()
  async markShipped(@Ctx() ctx: RequestContext, @Args() args: MarkShippedArgs): Promise<typeof OrderTransitionResult> {
    const result = await this.shipping.markShipped(ctx, args.orderId, args.trackingNumber);
    return isErrorResult(result) ? result : OrderType.from(result);
  }

  @Mutation(() => Int, { description: 'Runs the order expiry now (it also runs every ORDER_EXPIRY_INTERVAL_MS); returns how many orders expired.' })
  @Allow(Permission.ADMIN)
  expireUncollectedOrders(@Ctx() ctx: RequestContext): Promise<number> {
    return this.expiry.expireLapsed(ctx);
  }
}
