import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { Clock, NotFoundException, RequestContext } from '@omnitill/common';
import { WebhookEndpointEntity } from '../entities/webhook-endpoint.entity';
import { WebhookEndpointRepository } from '../repositories/webhook-endpoint.repository';
import { WebhookQueueRepository } from '../repositories/webhook-queue.repository';

export interface WebhookEndpointWithSecret {
  readonly endpoint: WebhookEndpointEntity;
  /** The signing secret, returned only at registration and rotation. */
  readonly secret: string;
}

export interface WebhookEndpointRegistration {
  readonly url: string;
  readonly eventTypes: readonly string[];
  readonly description?: string | null;
}

/** 256 bits; the prefix makes a leaked secret easy to recognise in logs and scanners. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/** Admin use cases on webhook endpoints. Callers are admins (checked by @Allow on the resolver). */
@Injectable()
export class WebhookAdminService {
  constructor(
    private readonly endpoints: WebhookEndpointRepository,
    private readonly queue: WebhookQueueRepository,
    private readonly clock: Clock,
  ) {}

  async register(ctx: RequestContext, registration: WebhookEndpointRegistration): Promise<WebhookEndpointWithSecret> {
    const secret = generateWebhookSecret();
    const eventTypes = registration.eventTypes.includes('*') ? ['*'] : [...new Set(registration.eventTypes)].sort();
    const endpoint = await this.endpoints.insert(ctx, {
      url: registration.url,
      description: registration.description ?? null,
      eventTypes,
      secret,
    });
    return { endpoint, secret };
  }

  list(ctx: RequestContext): Promise<WebhookEndpointEntity[]> {
    return this.endpoints.list(ctx);
  }

  async getById(ctx: RequestContext, id: string): Promise<WebhookEndpointEntity> {
    const endpoint = await this.endpoints.findById(ctx, id);
    if (!endpoint) {
      throw new NotFoundException('Webhook endpoint', id);
    }
    return endpoint;
  }

  /** Stops sending: open deliveries stay (parked, not due) and are listed; nothing more is queued for it. */
  async deactivate(ctx: RequestContext, id: string): Promise<WebhookEndpointEntity> {
    const endpoint = await this.getById(ctx, id);
    if (endpoint.active) {
      endpoint.active = false;
      await this.queue.park(ctx, endpoint.id, this.clock.now());
      return this.endpoints.save(ctx, endpoint);
    }
    return endpoint;
  }

  /** Replaces the signing secret at once: deliveries sent from now on are signed with the new one. */
  async rotateSecret(ctx: RequestContext, id: string): Promise<WebhookEndpointWithSecret> {
    const endpoint = await this.getById(ctx, id);
    endpoint.secret = generateWebhookSecret();
    return { endpoint: await this.endpoints.save(ctx, endpoint), secret: endpoint.secret };
  }
}
