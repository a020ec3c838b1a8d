import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, BadInputException, Ctx, isErrorResult, PageArgs, Permission, RequestContext, toPaginated, Transaction } from '@omnitill/common';
import { WebhookDeliveryService } from '../services/webhook-delivery.service';
import { ReplayEventsArgs, WebhookDeliveriesArgs } from './inputs/webhook.input';
import { ReplayEventsOutcome, ReplayWebhookDeliveryResult } from './results/events.result';
import { ReplayEventsResultType, WebhookDeliveryList, WebhookDeliveryType } from './types/webhook.type';

function parseDeliveryId(id: string): string {
  if (!/^\d{1,18}$/.test(id)) {
    throw new BadInputException('deliveryId must be a delivery id', [{ field: 'deliveryId', messages: ['must be a delivery id'] }]);
  }
  return id;
}

@Resolver(() => WebhookDeliveryType)
export class WebhookDeliveryResolver {
  constructor(private readonly deliveries: WebhookDeliveryService) {}

  @Query(() => WebhookDeliveryList, { description: "An endpoint's deliveries, newest first, with every attempt." })
  @Allow(Permission.ADMIN)
  async webhookDeliveries(@Ctx() ctx: RequestContext, @Args() args: WebhookDeliveriesArgs, @Args() page: PageArgs): Promise<WebhookDeliveryList> {
    return toPaginated(await this.deliveries.list(ctx, args.endpointId, args.state ?? undefined, page.skip, page.take), WebhookDeliveryType.from);
  }

  @Mutation(() => ReplayWebhookDeliveryResult, { description: 'Sends a delivery again (a new round of attempts), e.g. a DEAD one.' })
  @Allow(Permission.ADMIN)
  @Transaction()
  async replayWebhookDelivery(@Ctx() ctx: RequestContext, @Args('deliveryId', { type: () => ID }) deliveryId: string): Promise<typeof ReplayWebhookDeliveryResult> {
    const result = await this.deliveries.replayDelivery(ctx, parseDeliveryId(deliveryId));
    return isErrorResult(result) ? result : WebhookDeliveryType.from(result);
  }

  @Mutation(() => ReplayEventsOutcome, { description: 'Sends published events to an endpoint again, oldest first (at most 10000 per call).' })
  @Allow(Permission.ADMIN)
  @Transaction()
  async replayEvents(@Ctx() ctx: RequestContext, @Args() args: ReplayEventsArgs): Promise<typeof ReplayEventsOutcome> {
    const result = await this.deliveries.replayEvents(ctx, args);
    return isErrorResult(result) ? result : Object.assign(new ReplayEventsResultType(), result);
  }
}
