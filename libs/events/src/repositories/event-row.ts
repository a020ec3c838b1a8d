import type { Channel, DomainEventType, JsonObject, MarketingConsent, PublishedEvent } from '@omnitill/common';

/** The select list that reads a domain_event row (optionally aliased) straight into a PublishedEvent. */
export function publishedEventColumns(alias = ''): string {
  const p = alias ? `${alias}.` : '';
  return `${p}event_id::text AS "id", ${p}id::text AS "sequence", ${p}type, ${p}version, ${p}occurred_at AS "occurredAt",
    ${p}store_id::text AS "storeId", ${p}channel, ${p}customer_id::text AS "customerId", ${p}aggregate_type AS "aggregateType",
    ${p}aggregate_id AS "aggregateId", ${p}payload, ${p}consent, ${p}published_at AS "publishedAt"`;
}

export interface EventRow {
  id: string;
  sequence: string;
  type: string;
  version: number;
  occurredAt: Date;
  storeId: string | null;
  channel: string | null;
  customerId: string | null;
  aggregateType: string;
  aggregateId: string;
  payload: JsonObject;
  consent: MarketingConsent | null;
  publishedAt: Date | null;
}

export function toPublishedEvent(row: EventRow): PublishedEvent {
  return { ...row, type: row.type as DomainEventType, channel: row.channel as Channel | null };
}

/** Sorts by global position (bigint strings compare as numbers). */
export function bySequence(a: { sequence: string }, b: { sequence: string }): number {
  const left = BigInt(a.sequence);
  const right = BigInt(b.sequence);
  return left < right ? -1 : left > right ? 1 : 0;
}
