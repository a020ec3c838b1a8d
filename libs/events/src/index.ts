import { DomainEventEntity } from './entities/domain-event.entity';
import { WebhookDeliveryAttemptEntity } from './entities/webhook-delivery-attempt.entity';
import { WebhookDeliveryEntity } from './entities/webhook-delivery.entity';
import { WebhookEndpointEntity } from './entities/webhook-endpoint.entity';

export { EventsModule } from './events.module';
export { EventsOptions } from './events.options';
export { OutboxRelay, DrainResult, RelayStats } from './relay/outbox-relay';
export { EventsRuntime } from './relay/events-runtime';
export { EVENTS_PUBLISHED_CHANNEL } from './relay/channels';
export { WebhookDispatcher, DispatcherStats } from './webhooks/webhook-dispatcher';
export { EventLogService, TestEventFailure } from './services/event-log.service';
export {
  verifyWebhookSignature, signWebhookPayload, VerifyWebhookSignatureOptions, DEFAULT_SIGNATURE_TOLERANCE_SECONDS,
  WEBHOOK_EVENT_ID_HEADER, WEBHOOK_TIMESTAMP_HEADER, WEBHOOK_SIGNATURE_HEADER, WEBHOOK_DELIVERY_ID_HEADER, WEBHOOK_ATTEMPT_HEADER,
} from './webhooks/webhook-signature';
export { WebhookBody } from './webhooks/webhook-payload';
export { retryDelayMs, WEBHOOK_RETRY_CAP_MS } from './webhooks/retry-policy';
export { ORDER_STATUS_EVENT_TYPES, PickupQueueChange, OrderStatusChange } from './subscriptions/live-updates';
export { WebhookDeliveryState } from './entities/webhook-delivery.entity';
export { DomainEventEntity, WebhookEndpointEntity, WebhookDeliveryEntity, WebhookDeliveryAttemptEntity };

export const EVENTS_ENTITIES = [DomainEventEntity, WebhookEndpointEntity, WebhookDeliveryEntity, WebhookDeliveryAttemptEntity];
