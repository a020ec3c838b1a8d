import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Paginated, PublishedEvent } from '@omnitill/common';

@ObjectType('EventConsent', { description: "The customer's marketing consent when the event happened." })
export class EventConsentType {
  @Field(() => Boolean)
  emailMarketing!: boolean;

  @Field(() => Boolean)
  smsMarketing!: boolean;
}

@ObjectType('Event', { description: 'One entry of the event log: a change in any channel, as webhooks receive it.' })
export class EventType {
  @Field(() => ID, { description: 'The event id (uuid): the same in webhooks, for de-duplication.' })
  id!: string;

  @Field(() => String, { description: 'Global position in the log (a 64-bit integer as a string).' })
  sequence!: string;

  @Field(() => String, { description: 'e.g. order.placed, coupon.redeemed (see the eventTypes query).' })
  type!: string;

  @Field(() => Int, { description: "Version of this type's payload schema." })
  version!: number;

  @Field(() => Date)
  occurredAt!: Date;

  @Field(() => ID, { nullable: true })
  storeId!: string | null;

  @Field(() => String, { nullable: true, description: 'ONLINE, POS or BACK_OFFICE.' })
  channel!: string | null;

  @Field(() => ID, { nullable: true })
  customerId!: string | null;

  @Field(() => String)
  aggregateType!: string;

  @Field(() => String)
  aggregateId!: string;

  @Field(() => String, { description: 'The payload as a JSON object string.' })
  payload!: string;

  @Field(() => EventConsentType, { nullable: true })
  consent!: EventConsentType | null;

  @Field(() => Date, { nullable: true, description: 'When the relay published it; null while queued.' })
  publishedAt!: Date | null;

  static from(event: PublishedEvent): EventType {
    return Object.assign(new EventType(), {
      id: event.id,
      sequence: event.sequence,
      type: event.type,
      version: event.version,
      occurredAt: event.occurredAt,
      storeId: event.storeId,
      channel: event.channel,
      customerId: event.customerId,
      aggregateType: event.aggregateType,
      aggregateId: event.aggregateId,
      payload: JSON.stringify(event.payload),
      consent: event.consent ? Object.assign(new EventConsentType(), event.consent) : null,
      publishedAt: event.publishedAt,
    });
  }
}

@ObjectType('EventList')
export class EventList extends Paginated(EventType) {}
