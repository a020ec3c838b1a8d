import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Paginated } from '@omnitill/common';
import { CustomerChannel, TimelineEntryKind } from '../../entities/customer.enums';
import { TimelineEntry } from '../../registries/customer-timeline.registry';

@ObjectType('TimelineEntry', { description: 'One touchpoint of a customer, in any channel and store.' })
export class TimelineEntryType {
  @Field(() => Date)
  occurredAt!: Date;

  @Field(() => TimelineEntryKind)
  kind!: TimelineEntryKind;

  @Field(() => CustomerChannel, { nullable: true })
  channel!: CustomerChannel | null;

  @Field(() => ID, { nullable: true })
  storeId!: string | null;

  @Field(() => String)
  summary!: string;

  @Field(() => String, { nullable: true, description: 'What the entry is about (an order, a redemption, a coupon code...).' })
  referenceId!: string | null;

  static from(entry: TimelineEntry): TimelineEntryType {
    return Object.assign(new TimelineEntryType(), {
      occurredAt: entry.occurredAt,
      kind: entry.kind,
      channel: entry.channel,
      storeId: entry.storeId,
      summary: entry.summary,
      referenceId: entry.referenceId,
    });
  }
}

@ObjectType('CustomerTimeline', { description: 'Newest first.' })
export class CustomerTimeline extends Paginated(TimelineEntryType) {}
