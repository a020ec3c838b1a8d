import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { MAX_MONEY_AMOUNT, SUPPORTED_CURRENCIES } from '@omnitill/common';
import { IsGtin } from '../../validation/gtin.validator';
import { SKU_PATTERN } from '../../validation/sku.validator';

const NOT_BLANK = /\S/;

@InputType('CreateVariantInput')
export class CreateVariantInput {
  @Field(() => String, {
    description: '1-64 letters, digits, ".", "_" or "-". Stored upper-cased, so SKUs are unique case-insensitively.',
  })
  @IsString()
  @Matches(SKU_PATTERN, { message: 'sku must be 1-64 letters, digits, ".", "_" or "-"' })
  sku!: string;

  @Field(() => String, {
    nullable: true,
    description: 'EAN-13 or UPC-A with a correct check digit. Stored as GTIN-13 (UPC-A gets a leading 0).',
  })
  @IsOptional()
  @IsGtin()
  barcode?: string | null;

  @Field(() => String)
  @IsString()
  @Length(1, 200)
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'e.g. 42, M, 32/34.' })
  @IsOptional()
  @IsString()
  @Length(1, 20)
  size?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  colour?: string | null;

  @Field(() => Int, { description: `Price in minor units of currency, 0 to ${MAX_MONEY_AMOUNT}.` })
  @IsInt()
  @Min(0)
  @Max(MAX_MONEY_AMOUNT)
  priceAmount!: number;

  @Field(() => String, { description: `ISO 4217 code, one of ${SUPPORTED_CURRENCIES.join(', ')}.` })
  @IsIn(SUPPORTED_CURRENCIES, { message: `currency must be one of ${SUPPORTED_CURRENCIES.join(', ')}` })
  currency!: string;

  @Field(() => Boolean, { defaultValue: true })
  @IsBoolean()
  active: boolean = true;
}

@InputType('AddVariantInput')
export class AddVariantInput extends CreateVariantInput {
  @Field(() => ID)
  @IsUUID()
  productId!: string;
}

/**
 * Every field is optional; an omitted field is left unchanged. `barcode`, `size` and `colour` are
 * cleared with an explicit null. The SKU cannot change: it is the variant's identity on receipts,
 * stock ledgers and integrations; retire the variant (active: false) and add a new one instead.
 */
@InputType('UpdateVariantInput')
export class UpdateVariantInput {
  @Field(() => String, { nullable: true, description: 'null clears the barcode.' })
  @IsOptional()
  @IsGtin()
  barcode?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'null clears the size.' })
  @IsOptional()
  @IsString()
  @Length(1, 20)
  size?: string | null;

  @Field(() => String, { nullable: true, description: 'null clears the colour.' })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  colour?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_MONEY_AMOUNT)
  priceAmount?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIn(SUPPORTED_CURRENCIES, { message: `currency must be one of ${SUPPORTED_CURRENCIES.join(', ')}` })
  currency?: string | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean | null;
}

@ArgsType()
export class VariantBySkuArgs {
  @Field(() => String, { description: 'Matched case-insensitively.' })
  @IsString()
  @Length(1, 64)
  sku!: string;
}

@ArgsType()
export class VariantByBarcodeArgs {
  @Field(() => String, { description: 'EAN-13 or UPC-A, as scanned.' })
  @IsString()
  @Length(1, 14)
  barcode!: string;
}
