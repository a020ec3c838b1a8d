import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, Permission, RequestContext, Transaction } from '@omnitill/common';
import { WebhookAdminService, WebhookEndpointWithSecret } from '../services/webhook-admin.service';
import { RegisterWebhookEndpointInput } from './inputs/webhook.input';
import { WebhookEndpointType, WebhookEndpointWithSecretType } from './types/webhook.type';

function withSecret(result: WebhookEndpointWithSecret): WebhookEndpointWithSecretType {
  return Object.assign(new WebhookEndpointWithSecretType(), { endpoint: WebhookEndpointType.from(result.endpoint), secret: result.secret });
}

@Resolver(() => WebhookEndpointType)
export class WebhookEndpointResolver {
  constructor(private readonly webhooks: WebhookAdminService) {}

  @Query(() => [WebhookEndpointType])
  @Allow(Permission.ADMIN)
  async webhookEndpoints(@Ctx() ctx: RequestContext): Promise<WebhookEndpointType[]> {
    return (await this.webhooks.list(ctx)).map(WebhookEndpointType.from);
  }

  @Mutation(() => WebhookEndpointWithSecretType, { description: 'Registers a webhook receiver; returns its signing secret once.' })
  @Allow(Permission.ADMIN)
  @Transaction()
  async registerWebhookEndpoint(@Ctx() ctx: RequestContext, @Args('input') input: RegisterWebhookEndpointInput): Promise<WebhookEndpointWithSecretType> {
    return withSecret(await this.webhooks.register(ctx, input));
  }

  @Mutation(() => WebhookEndpointType, { description: 'Stops sending to the endpoint; its open deliveries wait and can be replayed.' })
  @Allow(Permission.ADMIN)
  @Transaction()
  async deactivateWebhookEndpoint(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }, ParseUUIDPipe) id: string): Promise<WebhookEndpointType> {
    return WebhookEndpointType.from(await this.webhooks.deactivate(ctx, id));
  }

  @Mutation(() => WebhookEndpointWithSecretType, { description: 'Replaces the signing secret at once; returns the new one once.' })
  @Allow(Permission.ADMIN)
  @Transaction()
  async rotateWebhookSecret(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }, ParseUUIDPipe) id: string): Promise<WebhookEndpointWithSecretType> {
    return withSecret(await this.webhooks.rotateSecret(ctx, id));
  }
}
