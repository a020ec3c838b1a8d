import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEnum, IsIn, IsOptional, IsString, IsUrl, IsUUID, Length, MaxLength } from 'class-validator';
import { DOMAIN_EVENT_TYPES } from '@omnitill/common';
import { WebhookDeliveryState } from '../../entities/webhook-delivery.entity';

export const WEBHOOK_EVENT_TYPE_CHOICES: readonly string[] = [...DOMAIN_EVENT_TYPES, '*'];
const EVENT_TYPE_MESSAGE = `each value of eventTypes must be "*" or one of: ${DOMAIN_EVENT_TYPES.join(', ')}`;

@InputType('RegisterWebhookEndpointInput')
export class RegisterWebhookEndpointInput {
  @Field(() => String, { description: 'http(s) URL receiving POSTs, at most 2048 characters.' })
  @IsString()
  @MaxLength(2048)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false, disallow_auth: true }, { message: 'url must be an http or https URL' })
  url!: string;

  @Field(() => [String], { description: 'Event types to send, e.g. ["order.placed", "coupon.redeemed"], or ["*"] for all.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(DOMAIN_EVENT_TYPES.length + 1)
  @IsIn(WEBHOOK_EVENT_TYPE_CHOICES, { each: true, message: EVENT_TYPE_MESSAGE })
  eventTypes!: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  description?: string | null;
}

@ArgsType()
export class WebhookDeliveriesArgs {
  @Field(() => ID)
  @IsUUID()
  endpointId!: string;

  @Field(() => WebhookDeliveryState, { nullable: true })
  @IsOptional()
  @IsEnum(WebhookDeliveryState)
  state?: WebhookDeliveryState | null;
}

@ArgsType()
export class ReplayEventsArgs {
  @Field(() => ID)
  @IsUUID()
  endpointId!: string;

  @Field(() => ID, { nullable: true, description: 'Replay from this event (included); omitted: from the oldest.' })
  @IsOptional()
  @IsUUID()
  fromEventId?: string | null;

  @Field(() => [String], { nullable: true, description: "Only these types (within the endpoint's types)." })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(DOMAIN_EVENT_TYPES.length)
  @IsIn(DOMAIN_EVENT_TYPES, { each: true, message: `each value of types must be one of: ${DOMAIN_EVENT_TYPES.join(', ')}` })
  types?: string[] | null;
}
