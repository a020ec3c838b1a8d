import { DynamicModule, Module } from '@nestjs/common';
import { EventLogResolver } from './api/event-log.resolver';
import { LiveUpdatesResolver } from './api/live-updates.resolver';
import { WebhookDeliveryResolver } from './api/webhook-delivery.resolver';
import { WebhookEndpointResolver } from './api/webhook-endpoint.resolver';
import { EVENTS_OPTIONS, EventsOptions } from './events.options';
import { EventsRuntime } from './relay/events-runtime';
import { OutboxRelay } from './relay/outbox-relay';
import { OutboxRepository } from './repositories/outbox.repository';
import { WebhookDeliveryRepository } from './repositories/webhook-delivery.repository';
import { WebhookEndpointRepository } from './repositories/webhook-endpoint.repository';
import { WebhookQueueRepository } from './repositories/webhook-queue.repository';
import { EventLogService } from './services/event-log.service';
import { LiveUpdatesService } from './services/live-updates.service';
import { WebhookAdminService } from './services/webhook-admin.service';
import { WebhookDeliveryService } from './services/webhook-delivery.service';
import { SubscriptionFanout } from './subscriptions/subscription-fanout';
import { WebhookDispatcher } from './webhooks/webhook-dispatcher';
import { WebhookSender } from './webhooks/webhook-sender';

/**
 * Publishing side of events: the relay, webhooks, live subscriptions and the event log. Writing
 * events needs none of this: every lib records them with EventOutbox from @omnitill/common.
 */
@Module({})
export class EventsModule {
  static forRoot(options: EventsOptions): DynamicModule {
    return {
      module: EventsModule,
      providers: [
        { provide: EVENTS_OPTIONS, useValue: options },
        OutboxRepository,
        WebhookEndpointRepository,
        WebhookDeliveryRepository,
        WebhookQueueRepository,
        WebhookSender,
        WebhookDispatcher,
        OutboxRelay,
        SubscriptionFanout,
        EventsRuntime,
        EventLogService,
        WebhookAdminService,
        WebhookDeliveryService,
        LiveUpdatesService,
        EventLogResolver,
        WebhookEndpointResolver,
        WebhookDeliveryResolver,
        LiveUpdatesResolver,
      ],
      exports: [OutboxRelay, WebhookDispatcher, EventsRuntime, EventLogService],
    };
  }
}
