import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsEmail, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateNested,
} from 'class-validator';
import { AddressInput } from '@omnitill/store';

const NOT_BLANK = /\S/;
export const MAX_ONLINE_LINES = 50;
export const MAX_ONLINE_LINE_QUANTITY = 100;

@InputType('OrderLineInput', { description: 'Exactly one of sku or variantId.' })
export class OrderLineInput {
  @Field(() => String, { nullable: true, description: 'Matched case-insensitively.' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  sku?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  variantId?: string | null;

  @Field(() => Int, { description: `1 to ${MAX_ONLINE_LINE_QUANTITY}.` })
  @IsInt()
  @Min(1)
  @Max(MAX_ONLINE_LINE_QUANTITY)
  quantity!: number;
}

@InputType('OrderContactInput')
export class OrderContactInput {
  @Field(() => String)
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @Field(() => String, { nullable: true, description: 'Digits, spaces, +, -, ( and ).' })
  @IsOptional()
  @Matches(/^\+?[\d\s()/.-]{5,30}$/, { message: 'phone must be 5-30 digits, spaces, +, -, ( or )' })
  phone?: string | null;

  @Field(() => String)
  @IsString()
  @Length(1, 120)
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  name!: string;
}

@InputType('PlacePickupOrderInput')
export class PlacePickupOrderInput {
  @Field(() => ID)
  @IsUUID()
  storeId!: string;

  @Field(() => [OrderLineInput], { description: `1 to ${MAX_ONLINE_LINES} lines; repeated variants are summed.` })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ONLINE_LINES)
  @ValidateNested({ each: true })
  @Type(() => OrderLineInput)
  lines!: OrderLineInput[];

  @Field(() => OrderContactInput)
  @ValidateNested()
  @Type(() => OrderContactInput)
  contact!: OrderContactInput;

  @Field(() => String, { description: "The payment provider's reference (the payment is authorised before the order is placed)." })
  @IsString()
  @Length(1, 200)
  @Matches(NOT_BLANK, { message: 'paymentReference must not be blank' })
  paymentReference!: string;

  @Field(() => Int, {
    nullable: true,
    description: "Signed-in customers: this much (minor units, ≤ the total) is paid from their store credit; the payment provider's reference covers the rest.",
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  storeCreditAmount?: number | null;

  @Field(() => ID, { nullable: true, description: 'Idempotency key: placing again with the same id answers the first order and changes nothing.' })
  @IsOptional()
  @IsUUID()
  clientOrderId?: string | null;
}

/** A store's address shape plus the recipient. */
@InputType('ShippingAddressInput')
export class ShippingAddressInput extends AddressInput {
  @Field(() => String)
  @IsString()
  @Length(1, 120)
  name!: string;
}

@InputType('PlaceShipOrderInput')
export class PlaceShipOrderInput extends PlacePickupOrderInput {
  @Field(() => ShippingAddressInput)
  @ValidateNested()
  @Type(() => ShippingAddressInput)
  shippingAddress!: ShippingAddressInput;
}
