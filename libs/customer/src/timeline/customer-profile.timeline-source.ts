import { Injectable } from '@nestjs/common';
import { RequestContext } from '@omnitill/common';
import { ConsentPurpose, TimelineEntryKind } from '../entities/customer.enums';
import { CustomerTimelineSource, TimelineEntry } from '../registries/customer-timeline.registry';
import { CustomerConsentRepository } from '../repositories/customer-consent.repository';
import { CustomerMergeRepository } from '../repositories/customer-merge.repository';
import { CustomerRepository } from '../repositories/customer.repository';
import { mergeTimelinePage } from '../rules/timeline-merge';

const PURPOSE_LABELS: Readonly<Record<ConsentPurpose, string>> = {
  [ConsentPurpose.EMAIL_MARKETING]: 'Email marketing',
  [ConsentPurpose.SMS_MARKETING]: 'SMS marketing',
};

/** The customer lib's own touchpoints: the profile's creation, consent changes and merges into it. */
@Injectable()
export class CustomerProfileTimelineSource implements CustomerTimelineSource {
  readonly name = 'customer';

  constructor(
    private readonly customers: CustomerRepository,
    private readonly consents: CustomerConsentRepository,
    private readonly merges: CustomerMergeRepository,
  ) {}

  async latestEntries(ctx: RequestContext, customerId: string, limit: number): Promise<TimelineEntry[]> {
    const [customer, consents, merges] = await Promise.all([
      this.customers.findById(ctx, customerId),
      this.consents.latest(ctx, customerId, limit),
      this.merges.latestIntoSurvivor(ctx, customerId, limit),
    ]);
    const created: TimelineEntry[] = customer
      ? [{ occurredAt: customer.createdAt, kind: TimelineEntryKind.PROFILE_CREATED, channel: customer.createdChannel, storeId: null, summary: 'Profile created', referenceId: customer.id }]
      : [];
    const consentEntries = consents.map((row): TimelineEntry => ({
      occurredAt: row.recordedAt,
      kind: TimelineEntryKind.CONSENT_CHANGED,
      channel: row.channel,
      storeId: null,
      summary: `${PURPOSE_LABELS[row.purpose]} consent ${row.granted ? 'granted' : 'withdrawn'}`,
      referenceId: null,
    }));
    const mergeEntries = merges.map((merge): TimelineEntry => ({
      occurredAt: merge.mergedAt,
      kind: TimelineEntryKind.PROFILE_MERGED,
      channel: null,
      storeId: null,
      summary: `Duplicate profile ${merge.mergedId} merged into this one`,
      referenceId: merge.mergedId,
    }));
    return mergeTimelinePage([mergeEntries, consentEntries, created], 0, limit);
  }

  async countEntries(ctx: RequestContext, customerId: string): Promise<number> {
    const [customer, consents, merges] = await Promise.all([
      this.customers.findById(ctx, customerId),
      this.consents.count(ctx, customerId),
      this.merges.countIntoSurvivor(ctx, customerId),
    ]);
    return (customer ? 1 : 0) + consents + merges;
  }
}
