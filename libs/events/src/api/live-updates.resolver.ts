import { ParseUUIDPipe } from '@nestjs/common';
import { Args, Context, ID, Resolver, Subscription } from '@nestjs/graphql';
import { Allow, Ctx, Permission, RequestContext, StoreStaff } from '@omnitill/common';
import { LiveUpdatesService } from '../services/live-updates.service';
import { SubscriptionPubSub } from '../subscriptions/subscription-fanout';
import { OrderStatusChangeType, PickupQueueChangeType } from './types/live-update.type';

/**
 * GraphQL subscriptions over WebSocket at /graphql (graphql-transport-ws or graphql-ws). Send the
 * session as `{ "authorization": "Bearer <token>" }` in the connection_init payload; the same auth
 * guard as HTTP resolves it.
 */
@Resolver()
export class LiveUpdatesResolver {
  constructor(private readonly liveUpdates: LiveUpdatesService) {}

  @Subscription(() => PickupQueueChangeType, { description: "Live changes to a store's pickup queue. Staff of that store." })
  @Allow(...StoreStaff)
  pickupQueueChanged(
    @Ctx() ctx: RequestContext,
    @Args('storeId', { type: () => ID }, ParseUUIDPipe) storeId: string,
    @Context('pubsub') pubsub: SubscriptionPubSub,
  ): Promise<AsyncIterable<unknown>> {
    return this.liveUpdates.followPickupQueue(ctx, storeId, pubsub);
  }

  @Subscription(() => OrderStatusChangeType, { description: "Live status changes of the signed-in customer's orders." })
  @Allow(Permission.CUSTOMER)
  myOrderStatusChanged(@Ctx() ctx: RequestContext, @Context('pubsub') pubsub: SubscriptionPubSub): Promise<AsyncIterable<unknown>> {
    return this.liveUpdates.followMyOrders(ctx, pubsub);
  }
}
