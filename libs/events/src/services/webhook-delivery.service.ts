import { Injectable } from '@nestjs/common';
import { Clock, NotFoundException, Page, RequestContext } from '@omnitill/common';
import { WebhookDeliveryAttemptEntity } from '../entities/webhook-delivery-attempt.entity';
import { WebhookDeliveryState } from '../entities/webhook-delivery.entity';
import { WebhookEndpointInactiveError } from '../errors/events.errors';
import { DeliveryView, WebhookDeliveryRepository } from '../repositories/webhook-delivery.repository';
import { OutboxRepository } from '../repositories/outbox.repository';
import { WebhookQueueRepository } from '../repositories/webhook-queue.repository';
import { EVENTS_PUBLISHED_CHANNEL } from '../relay/channels';
import { WebhookAdminService } from './webhook-admin.service';

export interface DeliveryWithAttempts extends DeliveryView {
  readonly attemptLog: WebhookDeliveryAttemptEntity[];
}

export interface ReplayEventsRequest {
  readonly endpointId: string;
  /** Replay from this event (included); omitted: from the oldest. */
  readonly fromEventId?: string | null;
  /** Only these types (still within the endpoint's own types); omitted: all its types. */
  readonly types?: readonly string[] | null;
}

export interface ReplayEventsOutcome {
  readonly queued: number;
  /** The last event considered: pass it (its successor really) as fromEventId to continue. */
  readonly lastEventId: string | null;
}

/** At most this many events per replayEvents call, so one call stays one short transaction. */
export const MAX_EVENTS_PER_REPLAY = 10_000;

/** Delivery log and replays (admin). Sending itself is the WebhookDispatcher's job. */
@Injectable()
export class WebhookDeliveryService {
  constructor(
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly queue: WebhookQueueRepository,
    private readonly events: OutboxRepository,
    private readonly endpoints: WebhookAdminService,
    private readonly clock: Clock,
  ) {}

  async list(ctx: RequestContext, endpointId: string, state: WebhookDeliveryState | undefined, skip: number, take: number): Promise<Page<DeliveryWithAttempts>> {
    await this.endpoints.getById(ctx, endpointId);
    const page = await this.deliveries.list(ctx, endpointId, state, skip, take);
    const attempts = await this.deliveries.attemptsFor(ctx, page.items.map((item) => item.id));
    const byDelivery = new Map<string, WebhookDeliveryAttemptEntity[]>();
    for (const attempt of attempts) {
      byDelivery.set(attempt.deliveryId, [...(byDelivery.get(attempt.deliveryId) ?? []), attempt]);
    }
    return { ...page, items: page.items.map((item) => ({ ...item, attemptLog: byDelivery.get(item.id) ?? [] })) };
  }

  async replayDelivery(ctx: RequestContext, deliveryId: string): Promise<DeliveryWithAttempts | WebhookEndpointInactiveError> {
    const delivery = await this.deliveries.findView(ctx, deliveryId);
    if (!delivery) {
      throw new NotFoundException('Webhook delivery', deliveryId);
    }
    const endpoint = await this.endpoints.getById(ctx, delivery.endpointId);
    if (!endpoint.active) {
      return new WebhookEndpointInactiveError(endpoint.id);
    }
    if (await this.deliveries.replay(ctx, deliveryId, this.clock.now())) {
      await this.wakeDispatchersOnCommit(ctx);
    }
    const updated = (await this.deliveries.findView(ctx, deliveryId)) ?? delivery;
    return { ...updated, attemptLog: await this.deliveries.attemptsFor(ctx, [deliveryId]) };
  }

  async replayEvents(ctx: RequestContext, request: ReplayEventsRequest): Promise<ReplayEventsOutcome | WebhookEndpointInactiveError> {
    const endpoint = await this.endpoints.getById(ctx, request.endpointId);
    if (!endpoint.active) {
      return new WebhookEndpointInactiveError(endpoint.id);
    }
    let fromSequence: string | null = null;
    if (request.fromEventId) {
      const from = await this.events.findByEventId(ctx, request.fromEventId);
      if (!from) {
        throw new NotFoundException('Event', request.fromEventId);
      }
      fromSequence = from.sequence;
    }
    const types = request.types && request.types.length > 0 ? request.types : null;
    const events = await this.deliveries.findReplayable(ctx, endpoint.id, fromSequence, types, MAX_EVENTS_PER_REPLAY);
    if (events.length === 0) {
      return { queued: 0, lastEventId: null };
    }
    const queued = await this.queue.enqueue(ctx, events.map((event) => event.sequence), this.clock.now(), { endpointId: endpoint.id, reopenFinished: true });
    if (queued > 0) {
      await this.wakeDispatchersOnCommit(ctx);
    }
    return { queued, lastEventId: events[events.length - 1].eventId };
  }

  /** NOTIFY is delivered at commit: every replica's dispatcher then finds the queued rows. */
  private wakeDispatchersOnCommit(ctx: RequestContext): Promise<void> {
    return this.events.notify(ctx, EVENTS_PUBLISHED_CHANNEL, '');
  }
}
