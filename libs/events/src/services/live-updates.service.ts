import { Injectable } from '@nestjs/common';
import { ForbiddenException, RequestContext } from '@omnitill/common';
import { orderStatusTopic, pickupQueueTopic } from '../subscriptions/live-updates';
import { SubscriptionPubSub } from '../subscriptions/subscription-fanout';

/** Who may follow which live feed; the feeds themselves are filled by SubscriptionFanout. */
@Injectable()
export class LiveUpdatesService {
  /** Staff of that store (a terminal session: its own store only); cross-store roles anywhere. */
  followPickupQueue(ctx: RequestContext, storeId: string, pubsub: SubscriptionPubSub): Promise<AsyncIterable<unknown>> {
    ctx.assertCanActInStore(storeId);
    return pubsub.subscribe(pickupQueueTopic(storeId));
  }

  /** The signed-in customer's own orders only: the topic comes from the session, never from args. */
  followMyOrders(ctx: RequestContext, pubsub: SubscriptionPubSub): Promise<AsyncIterable<unknown>> {
    if (ctx.actor.kind !== 'customer') {
      throw new ForbiddenException();
    }
    return pubsub.subscribe(orderStatusTopic(ctx.actor.customerId));
  }
}
