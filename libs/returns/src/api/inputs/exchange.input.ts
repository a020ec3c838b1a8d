import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateNested,
} from 'class-validator';
import { MAX_MONEY_AMOUNT } from '@omnitill/common';
import { PaymentMethod } from '@omnitill/order';
import { MAX_RETURN_LINES } from '../../rules/return-lines';
import { ReturnLineInput } from './return.input';

const NOT_BLANK = /\S/;

@InputType('ExchangeNewLineInput')
export class ExchangeNewLineInput {
  @Field(() => String)
  @IsString()
  @Length(1, 64)
  sku!: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(1000)
  quantity!: number;
}

@InputType('ExchangePaymentInput')
export class ExchangePaymentInput {
  @Field(() => PaymentMethod)
  @IsEnum(PaymentMethod)
  method!: PaymentMethod;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(MAX_MONEY_AMOUNT)
  amount!: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_MONEY_AMOUNT)
  tenderedAmount?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  externalReference?: string | null;
}

@InputType('ExchangeItemsInput')
export class ExchangeItemsInput {
  @Field(() => ID, { description: 'The till\'s idempotency key for the replacement sale (UUID).' })
  @IsUUID()
  clientSaleId!: string;

  @Field(() => ID)
  @IsUUID()
  orderId!: string;

  @Field(() => [ReturnLineInput])
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_RETURN_LINES)
  @ValidateNested({ each: true })
  @Type(() => ReturnLineInput)
  returnLines!: ReturnLineInput[];

  @Field(() => [ExchangeNewLineInput])
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_RETURN_LINES)
  @ValidateNested({ each: true })
  @Type(() => ExchangeNewLineInput)
  newLines!: ExchangeNewLineInput[];

  @Field(() => [ExchangePaymentInput], { nullable: true, description: 'Tenders for what the returned goods do not cover.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => ExchangePaymentInput)
  payments?: ExchangePaymentInput[] | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(3, 200)
  @Matches(NOT_BLANK, { message: 'managerOverrideReason must not be blank' })
  managerOverrideReason?: string | null;
}
