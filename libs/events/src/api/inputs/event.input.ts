import { ArgsType, Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  IsBoolean, IsDate, IsIn, IsInt, IsJSON, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateNested,
} from 'class-validator';
import { DOMAIN_EVENT_TYPES, DomainEventType } from '@omnitill/common';
import { TestEventFailure } from '../../services/event-log.service';

registerEnumType(TestEventFailure, { name: 'TestEventFailure' });

const TYPE_MESSAGE = `type must be one of: ${DOMAIN_EVENT_TYPES.join(', ')}`;

@ArgsType()
export class EventLogArgs {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIn(DOMAIN_EVENT_TYPES, { message: TYPE_MESSAGE })
  type?: DomainEventType | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  storeId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  customerId?: string | null;

  @Field(() => String, { nullable: true, description: 'With aggregateId: one aggregate\'s history, e.g. "order".' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  aggregateType?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  aggregateId?: string | null;

  @Field(() => Date, { nullable: true, description: 'Occurred at or after.' })
  @IsOptional()
  @IsDate()
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Occurred before.' })
  @IsOptional()
  @IsDate()
  to?: Date | null;
}

@InputType('EventConsentInput')
export class EventConsentInput {
  @Field(() => Boolean)
  @IsBoolean()
  emailMarketing!: boolean;

  @Field(() => Boolean)
  @IsBoolean()
  smsMarketing!: boolean;
}

export const MAX_TEST_PAYLOAD_LENGTH = 16_384;

@InputType('RecordTestEventInput')
export class RecordTestEventInput {
  @Field(() => String)
  @IsIn(DOMAIN_EVENT_TYPES, { message: TYPE_MESSAGE })
  type!: DomainEventType;

  @Field(() => Int, { defaultValue: 1 })
  @IsInt()
  @Min(1)
  @Max(1000)
  version: number = 1;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  storeId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  customerId?: string | null;

  @Field(() => String, { nullable: true, description: 'Defaults to the part of the type before the dot (order.placed: "order").' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  aggregateType?: string | null;

  @Field(() => String)
  @IsString()
  @Length(1, 100)
  aggregateId!: string;

  @Field(() => String, { defaultValue: '{}', description: 'A JSON object.' })
  @IsString()
  @MaxLength(MAX_TEST_PAYLOAD_LENGTH)
  @IsJSON()
  @Matches(/^\s*\{/, { message: 'payload must be a JSON object' })
  payload: string = '{}';

  @Field(() => EventConsentInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => EventConsentInput)
  consent?: EventConsentInput | null;
}
