import { Injectable } from '@nestjs/common';
import { Page, RequestContext } from '@omnitill/common';
import { CustomerTimelineRegistry, TimelineEntry } from '../registries/customer-timeline.registry';
import { mergeTimelinePage } from '../rules/timeline-merge';
import { CustomerProfileService } from './customer-profile.service';

/**
 * The one customer view: every registered source (consents and merges here; coupons, orders,
 * returns above) contributes its newest skip + take entries; they are merged newest first.
 */
@Injectable()
export class CustomerTimelineService {
  constructor(
    private readonly profiles: CustomerProfileService,
    private readonly registry: CustomerTimelineRegistry,
  ) {}

  async timeline(ctx: RequestContext, customerId: string, skip: number, take: number): Promise<Page<TimelineEntry>> {
    await this.profiles.getProfile(ctx, customerId);
    const sources = this.registry.all();
    const lists = await Promise.all(sources.map((source) => source.latestEntries(ctx, customerId, skip + take)));
    const counts = await Promise.all(sources.map((source) => source.countEntries(ctx, customerId)));
    return {
      items: mergeTimelinePage(lists, skip, take),
      totalCount: counts.reduce((sum, count) => sum + count, 0),
      skip,
      take,
    };
  }
}
