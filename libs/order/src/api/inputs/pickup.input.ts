import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { PageArgs } from '@omnitill/common';

@InputType('RefusedLineInput')
export class RefusedLineInput {
  @Field(() => ID)
  @IsUUID()
  lineId!: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(10_000)
  quantity!: number;
}

@InputType('CollectPickupOrderInput', { description: 'The scanned QR token, or the order number with the pickup code.' })
export class CollectPickupOrderInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  qrToken?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 48)
  orderNumber?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[\d\s-]{1,16}$/, { message: 'pickupCode must be digits' })
  pickupCode?: string | null;

  @Field(() => [RefusedLineInput], { defaultValue: [], description: 'Units the customer does not take: released to stock and refunded.' })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => RefusedLineInput)
  refusedLines: RefusedLineInput[] = [];
}

@ArgsType()
export class PickupQueueArgs extends PageArgs {
  @Field(() => ID)
  @IsUUID()
  storeId!: string;
}
