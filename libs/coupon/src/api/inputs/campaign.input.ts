import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize, ArrayMinSize, ArrayUnique, IsBoolean, IsDate, IsEnum, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min,
} from 'class-validator';
import { MAX_MONEY_AMOUNT, SUPPORTED_CURRENCIES } from '@omnitill/common';
import { CouponChannel, CouponDiscountType } from '../../entities/coupon.enums';

const NOT_BLANK = /\S/;
const SOURCE_PATTERN = /^[a-z0-9][a-z0-9._-]{0,99}$/;
const SKU_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;
const MAX_LIST = 1000;

@InputType('CreateCampaignInput')
export class CreateCampaignInput {
  @Field(() => String)
  @IsString()
  @Length(1, 200)
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  name!: string;

  @Field(() => String, { description: 'Where the campaign runs, for attribution: lower case, digits, . _ -, e.g. instagram-ad-nov.' })
  @Matches(SOURCE_PATTERN, { message: 'source must be 1-100 lower-case letters, digits, ".", "_" or "-", e.g. instagram-ad-nov' })
  source!: string;

  @Field(() => CouponDiscountType)
  @IsEnum(CouponDiscountType)
  discountType!: CouponDiscountType;

  @Field(() => Int, { nullable: true, description: 'PERCENT only: 1 to 100.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  percent?: number | null;

  @Field(() => Int, { nullable: true, description: 'PERCENT only: the most one redemption takes off, minor units.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_MONEY_AMOUNT)
  maxDiscountAmount?: number | null;

  @Field(() => Int, { nullable: true, description: 'FIXED_AMOUNT only: minor units, capped at the eligible items total.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_MONEY_AMOUNT)
  fixedAmount?: number | null;

  @Field(() => String, { description: `ISO 4217, one of ${SUPPORTED_CURRENCIES.join(', ')}.` })
  @IsIn(SUPPORTED_CURRENCIES, { message: `currency must be one of ${SUPPORTED_CURRENCIES.join(', ')}` })
  currency!: string;

  @Field(() => Int, { defaultValue: 0, description: 'The whole basket must total at least this, minor units.' })
  @IsInt()
  @Min(0)
  @Max(MAX_MONEY_AMOUNT)
  minBasketAmount: number = 0;

  @Field(() => [String], { nullable: true, description: `Only these SKUs are discounted (up to ${MAX_LIST}); null = every item.` })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LIST)
  @Matches(SKU_PATTERN, { each: true, message: 'each SKU must be 1-64 letters, digits, ".", "_" or "-"' })
  eligibleSkus?: string[] | null;

  @Field(() => [CouponChannel])
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsEnum(CouponChannel, { each: true })
  eligibleChannels!: CouponChannel[];

  @Field(() => [ID], { nullable: true, description: 'Only in these stores; null = every store (and online orders without one).' })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LIST)
  @IsUUID('all', { each: true })
  eligibleStoreIds?: string[] | null;

  @Field(() => Date)
  @IsDate()
  validFrom!: Date;

  @Field(() => Date, { description: 'Exclusive.' })
  @IsDate()
  validUntil!: Date;

  @Field(() => Int, { nullable: true, description: 'Redemptions across all codes; null = unlimited.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  totalRedemptionCap?: number | null;

  @Field(() => Int, { nullable: true, description: 'Redemptions per identified customer; null = unlimited.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  perCustomerCap?: number | null;

  @Field(() => Boolean, { defaultValue: true, description: 'Whether a full return of the order gives the use back.' })
  @IsBoolean()
  restoreOnFullReturn: boolean = true;
}

/** Every field optional; omitted = unchanged; null clears a nullable field. */
@InputType('UpdateCampaignInput')
export class UpdateCampaignInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  name?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  percent?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_MONEY_AMOUNT)
  maxDiscountAmount?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_MONEY_AMOUNT)
  fixedAmount?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_MONEY_AMOUNT)
  minBasketAmount?: number | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LIST)
  @Matches(SKU_PATTERN, { each: true, message: 'each SKU must be 1-64 letters, digits, ".", "_" or "-"' })
  eligibleSkus?: string[] | null;

  @Field(() => [CouponChannel], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsEnum(CouponChannel, { each: true })
  eligibleChannels?: CouponChannel[] | null;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LIST)
  @IsUUID('all', { each: true })
  eligibleStoreIds?: string[] | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  validFrom?: Date | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  validUntil?: Date | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  totalRedemptionCap?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  perCustomerCap?: number | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  restoreOnFullReturn?: boolean | null;
}

@ArgsType()
export class CampaignFilterArgs {
  @Field(() => String, { nullable: true, description: 'Matches name or source (case-insensitive, substring).' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  search?: string;
}

@ArgsType()
export class GenerateCouponCodesArgs {
  @Field(() => ID)
  @IsUUID()
  campaignId!: string;

  @Field(() => Int, { description: '1 to 10,000 single-use codes.' })
  @IsInt()
  @Min(1)
  @Max(10_000)
  count!: number;
}

@ArgsType()
export class CreateSharedCodeArgs {
  @Field(() => ID)
  @IsUUID()
  campaignId!: string;

  @Field(() => String, { description: '3-32 letters, digits, "_" or "-"; stored upper-cased, e.g. WELCOME10.' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_-]{2,31}$/, { message: 'code must be 3-32 letters, digits, "_" or "-"' })
  code!: string;

  @Field(() => Int, { nullable: true, description: 'Uses of this code; null = only the campaign caps apply.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  maxUses?: number | null;
}
