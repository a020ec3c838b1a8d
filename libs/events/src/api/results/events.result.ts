import { createResultUnion } from '@omnitill/common';
import { TestEventRolledBackError, WebhookEndpointInactiveError } from '../../errors/events.errors';
import { EventType } from '../types/event.type';
import { ReplayEventsResultType, WebhookDeliveryType } from '../types/webhook.type';

export const RecordTestEventResult = createResultUnion('RecordTestEventResult', EventType, [TestEventRolledBackError]);

export const ReplayWebhookDeliveryResult = createResultUnion('ReplayWebhookDeliveryResult', WebhookDeliveryType, [WebhookEndpointInactiveError]);

export const ReplayEventsOutcome = createResultUnion('ReplayEventsOutcome', ReplayEventsResultType, [WebhookEndpointInactiveError]);
