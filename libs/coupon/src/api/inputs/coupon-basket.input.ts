import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsEnum, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { MAX_MONEY_AMOUNT, SUPPORTED_CURRENCIES } from '@omnitill/common';
import { CouponChannel } from '../../entities/coupon.enums';

export const MAX_BASKET_LINES = 200;

@InputType('CouponLineInput', { description: 'A basket line: variantId or sku (or both), quantity and unit price.' })
export class CouponLineInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  variantId?: string | null;

  @Field(() => String, { nullable: true, description: 'Matched case-insensitively.' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, { message: 'sku must be 1-64 letters, digits, ".", "_" or "-"' })
  sku?: string | null;

  @Field(() => Int, { description: '1 to 10,000.' })
  @IsInt()
  @Min(1)
  @Max(10_000)
  quantity!: number;

  @Field(() => Int, { description: 'Minor units, 0 or more.' })
  @IsInt()
  @Min(0)
  @Max(MAX_MONEY_AMOUNT)
  unitPriceAmount!: number;
}

@InputType('CouponBasketInput')
export class CouponBasketInput {
  @Field(() => String, { description: 'A typed code (WELCOME10) or the token read from a coupon QR code.' })
  @IsString()
  @Length(1, 512)
  codeOrToken!: string;

  @Field(() => ID, { nullable: true, description: "The selling or pickup store. On a terminal, defaults to (and must be) the terminal's store." })
  @IsOptional()
  @IsUUID()
  storeId?: string | null;

  @Field(() => CouponChannel, { description: 'POS on a terminal; ONLINE for storefront and customer callers.' })
  @IsEnum(CouponChannel)
  channel!: CouponChannel;

  @Field(() => ID, { nullable: true, description: 'The identified customer. A customer caller is always itself.' })
  @IsOptional()
  @IsUUID()
  customerId?: string | null;

  @Field(() => String)
  @IsIn(SUPPORTED_CURRENCIES, { message: `currency must be one of ${SUPPORTED_CURRENCIES.join(', ')}` })
  currency!: string;

  @Field(() => [CouponLineInput], { description: `1 to ${MAX_BASKET_LINES} lines.` })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BASKET_LINES)
  @ValidateNested({ each: true })
  @Type(() => CouponLineInput)
  lines!: CouponLineInput[];
}

@InputType('RedeemCouponInput')
export class RedeemCouponInput extends CouponBasketInput {
  @Field(() => ID, { description: 'The order (or external sale) the code is used on; redeeming again on it returns the same redemption.' })
  @IsUUID()
  orderReference!: string;
}

@ArgsType()
export class CouponQrArgs {
  @Field(() => String)
  @IsString()
  @Length(1, 64)
  code!: string;
}
