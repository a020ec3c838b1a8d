import { Injectable } from '@nestjs/common';
import { RequestContext } from '@omnitill/common';
import { CustomerChannel, TimelineEntryKind } from '../entities/customer.enums';
import { NamedRegistry } from './named-registry';

/** One touchpoint on the customer timeline. */
export interface TimelineEntry {
  readonly occurredAt: Date;
  readonly kind: TimelineEntryKind;
  readonly channel: CustomerChannel | null;
  readonly storeId: string | null;
  /** One line for a support agent, e.g. "Coupon K7M2X9QPRT4H redeemed: 15.00 EUR off". */
  readonly summary: string;
  /** The order, redemption, code... the entry is about, to open it. */
  readonly referenceId: string | null;
}

/**
 * A lib's contribution to the timeline. The timeline asks every source for its newest
 * `skip + take` entries and merges them, so each query must be an index-backed ORDER BY ... LIMIT.
 */
export interface CustomerTimelineSource {
  readonly name: string;
  /** The newest `limit` entries of this customer, newest first. */
  latestEntries(ctx: RequestContext, customerId: string, limit: number): Promise<TimelineEntry[]>;
  countEntries(ctx: RequestContext, customerId: string): Promise<number>;
}

@Injectable()
export class CustomerTimelineRegistry extends NamedRegistry<CustomerTimelineSource> {
  protected readonly kind = 'Customer timeline source';
}
