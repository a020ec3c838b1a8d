import { ArgsType, Field, InputType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsEnum, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { SortDirection } from '@omnitill/common';
import { CreateVariantInput } from './product-variant.input';

const NOT_BLANK = /\S/;
export const MAX_VARIANTS_PER_INPUT = 100;

@InputType('CreateProductInput')
export class CreateProductInput {
  @Field(() => String)
  @IsString()
  @Length(1, 200)
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  name!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 5000)
  description?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  brand?: string | null;

  @Field(() => Boolean, { defaultValue: true })
  @IsBoolean()
  active: boolean = true;

  @Field(() => [CreateVariantInput], { description: `1 to ${MAX_VARIANTS_PER_INPUT} variants; SKUs and barcodes must be unique.` })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_VARIANTS_PER_INPUT)
  @ValidateNested({ each: true })
  @Type(() => CreateVariantInput)
  variants!: CreateVariantInput[];
}

/** Every field is optional; an omitted field is left unchanged, `description` and `brand` are cleared with null. */
@InputType('UpdateProductInput')
export class UpdateProductInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'null clears the description.' })
  @IsOptional()
  @IsString()
  @Length(1, 5000)
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'null clears the brand.' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  brand?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Inactive products are hidden from non-staff callers.' })
  @IsOptional()
  @IsBoolean()
  active?: boolean | null;
}

export enum ProductSortField {
  NAME = 'name',
  CREATED_AT = 'createdAt',
}
registerEnumType(ProductSortField, { name: 'ProductSortField' });

@ArgsType()
export class ProductFilterArgs {
  @Field(() => String, { nullable: true, description: 'Matches product name or brand, or a variant SKU or barcode (case-insensitive, substring).' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  search?: string;

  @Field(() => Boolean, { nullable: true, description: 'Filter by active flag. Non-staff callers only ever see active products, so false returns nothing for them.' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @Field(() => ProductSortField, { defaultValue: ProductSortField.NAME })
  @IsEnum(ProductSortField)
  sortBy: ProductSortField = ProductSortField.NAME;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  @IsEnum(SortDirection)
  sortDirection: SortDirection = SortDirection.ASC;
}
