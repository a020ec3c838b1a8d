import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ParseUUIDPipe } from '@nestjs/common';
import { Allow, Ctx, PageArgs, Permission, RequestContext, toPaginated, Transaction } from '@omnitill/common';
import { CustomerSearchArgs, TimelinePageArgs } from './inputs/customer.input';
import { CustomerList, CustomerMergeType, CustomerType } from './types/customer.type';
import { CustomerTimeline, TimelineEntryType } from './types/timeline-entry.type';
import { CustomerMergeService } from '../services/customer-merge.service';
import { CustomerPrivacyService } from '../services/customer-privacy.service';
import { CustomerProfileService } from '../services/customer-profile.service';
import { CustomerTimelineService } from '../services/customer-timeline.service';

const SUPPORT = [Permission.SUPPORT_AGENT, Permission.ADMIN] as const;

/** Back-office customer care: find, view, merge, export and erase profiles. */
@Resolver(() => CustomerType)
export class CustomerSupportResolver {
  constructor(
    private readonly profiles: CustomerProfileService,
    private readonly merges: CustomerMergeService,
    private readonly privacy: CustomerPrivacyService,
    private readonly timelines: CustomerTimelineService,
  ) {}

  @Query(() => CustomerList, { description: 'Newest first. Matches email, name, phone or loyalty number.' })
  @Allow(...SUPPORT)
  async customers(@Ctx() ctx: RequestContext, @Args() page: PageArgs, @Args() filter: CustomerSearchArgs): Promise<CustomerList> {
    return toPaginated(await this.profiles.search(ctx, filter.search, page.skip, page.take), CustomerType.from);
  }

  @Query(() => CustomerType, { description: 'Any profile, merged and erased ones included.' })
  @Allow(...SUPPORT)
  async customer(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }, ParseUUIDPipe) id: string): Promise<CustomerType> {
    return CustomerType.from(await this.profiles.getProfile(ctx, id));
  }

  @Query(() => CustomerTimeline, { description: 'Every touchpoint in every channel and store, newest first.' })
  @Allow(...SUPPORT)
  async customerTimeline(
    @Ctx() ctx: RequestContext,
    @Args('customerId', { type: () => ID }, ParseUUIDPipe) customerId: string,
    @Args() page: TimelinePageArgs,
  ): Promise<CustomerTimeline> {
    return toPaginated(await this.timelines.timeline(ctx, customerId, page.skip, page.take), TimelineEntryType.from);
  }

  @Mutation(() => CustomerType, {
    description:
      'Moves consents, orders, redemptions and returns of the duplicate to the survivor and records the merge. ' +
      'Repeating it is harmless: an already merged duplicate answers its survivor.',
  })
  @Allow(...SUPPORT)
  @Transaction()
  async mergeCustomers(
    @Ctx() ctx: RequestContext,
    @Args('survivorId', { type: () => ID }, ParseUUIDPipe) survivorId: string,
    @Args('mergedId', { type: () => ID }, ParseUUIDPipe) mergedId: string,
  ): Promise<CustomerType> {
    return CustomerType.from(await this.merges.merge(ctx, survivorId, mergedId));
  }

  @Query(() => [CustomerMergeType], { description: 'Merges this profile took part in, as survivor or duplicate.' })
  @Allow(...SUPPORT)
  async customerMerges(@Ctx() ctx: RequestContext, @Args('customerId', { type: () => ID }, ParseUUIDPipe) customerId: string): Promise<CustomerMergeType[]> {
    return (await this.merges.mergesOf(ctx, customerId)).map(CustomerMergeType.fromEntity);
  }

  @Query(() => String, { description: 'Everything stored about the customer, as a JSON document (format omnitill.customer-export.v1).' })
  @Allow(...SUPPORT)
  async exportCustomerData(@Ctx() ctx: RequestContext, @Args('customerId', { type: () => ID }, ParseUUIDPipe) customerId: string): Promise<string> {
    return this.privacy.exportData(ctx, customerId);
  }

  @Mutation(() => CustomerType, {
    description: 'Removes personal data (and that of duplicates merged into it); orders, payments and redemptions stay, anonymised. Idempotent.',
  })
  @Allow(...SUPPORT)
  @Transaction()
  async eraseCustomer(@Ctx() ctx: RequestContext, @Args('customerId', { type: () => ID }, ParseUUIDPipe) customerId: string): Promise<CustomerType> {
    return CustomerType.from(await this.privacy.erase(ctx, customerId));
  }
}
