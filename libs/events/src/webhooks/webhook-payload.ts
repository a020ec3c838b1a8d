import type { Channel, JsonObject, MarketingConsent, PublishedEvent } from '@omnitill/common';

/** The JSON body every webhook receives. */
export interface WebhookBody {
  /** The event id: the same on every retry and replay, for de-duplication. */
  readonly id: string;
  readonly type: string;
  readonly version: number;
  readonly occurredAt: string;
  readonly storeId: string | null;
  readonly channel: Channel | null;
  readonly customerId: string | null;
  readonly aggregate: { readonly type: string; readonly id: string };
  readonly payload: JsonObject;
  readonly consent: MarketingConsent | null;
}

export function toWebhookBody(event: PublishedEvent): WebhookBody {
  return {
    id: event.id,
    type: event.type,
    version: event.version,
    occurredAt: event.occurredAt.toISOString(),
    storeId: event.storeId,
    channel: event.channel,
    customerId: event.customerId,
    aggregate: { type: event.aggregateType, id: event.aggregateId },
    payload: event.payload,
    consent: event.consent,
  };
}
