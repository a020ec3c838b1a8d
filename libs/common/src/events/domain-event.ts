import type { Channel } from '../context/actor';

/**
 * Every event type omnitill emits. Names are `<aggregate>.<past-tense fact>`; a new type is added
 * here first, so producers, the event log and webhook filters agree on one list.
 */
export const DOMAIN_EVENT_TYPES = [
  'order.placed',
  'order.ready_for_pickup',
  'order.picked_up',
  'order.shipped',
  'order.expired',
  'order.cancelled',
  'sale.completed',
  'sale.voided',
  'coupon.issued',
  'coupon.redeemed',
  'return.received',
  'refund.issued',
  'stock.low',
  'customer.merged',
  'customer.erased',
  'customer.recommendations_ready',
] as const;

export type DomainEventType = (typeof DOMAIN_EVENT_TYPES)[number];

export function isDomainEventType(value: unknown): value is DomainEventType {
  return typeof value === 'string' && (DOMAIN_EVENT_TYPES as readonly string[]).includes(value);
}

export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };
export interface JsonObject {
  [key: string]: JsonValue;
}

/**
 * What the customer agreed to when the event happened, so marketing consumers (email, SMS) can
 * decide without a second look-up. Absent when the event concerns no customer.
 */
export interface MarketingConsent {
  readonly emailMarketing: boolean;
  readonly smsMarketing: boolean;
}

/**
 * One schema for every touchpoint. `aggregateType`/`aggregateId` name the thing the event is about
 * (an order, a coupon code, a customer): events of one aggregate are published in the order they
 * were recorded. Payloads are JSON: dates as ISO strings, money as `{ amount, currency }` in minor units.
 */
export interface DomainEvent<TPayload extends JsonObject = JsonObject> {
  readonly type: DomainEventType;
  /** Version of this type's payload schema; bump it on a breaking payload change. */
  readonly version: number;
  readonly occurredAt: Date;
  readonly storeId: string | null;
  readonly channel: Channel | null;
  readonly customerId: string | null;
  readonly aggregateType: string;
  readonly aggregateId: string;
  readonly payload: TPayload;
  readonly consent: MarketingConsent | null;
}

/**
 * What a producer passes to `EventOutbox.record`. Defaults: version 1, occurredAt = the injected
 * clock's now, channel = the request's channel, store/customer/consent = none.
 */
export interface NewDomainEvent<TPayload extends JsonObject = JsonObject> {
  readonly type: DomainEventType;
  readonly version?: number;
  readonly occurredAt?: Date;
  readonly storeId?: string | null;
  readonly channel?: Channel | null;
  readonly customerId?: string | null;
  readonly aggregateType: string;
  readonly aggregateId: string;
  readonly payload: TPayload;
  readonly consent?: MarketingConsent | null;
}

/** An event as stored and published: `id` is the public uuid (de-duplication key for consumers). */
export interface PublishedEvent<TPayload extends JsonObject = JsonObject> extends DomainEvent<TPayload> {
  readonly id: string;
  /** Global position (bigint as a decimal string): total order of recording. */
  readonly sequence: string;
  readonly publishedAt: Date | null;
}

/** Where `EventOutbox` signals new events. NOTIFY is transactional: sent only when the writer commits. */
export const OUTBOX_NOTIFY_CHANNEL = 'omnitill_events';
