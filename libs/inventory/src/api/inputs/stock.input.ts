import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, NotEquals, ValidateNested,
} from 'class-validator';
import { MAX_COUNTED_QUANTITY, MAX_LINE_QUANTITY, MAX_LINES } from '../../rules/stock-lines';

const NOT_BLANK = /\S/;

@InputType('StockLineInput')
export class StockLineInput {
  @Field(() => ID)
  @IsUUID()
  variantId!: string;

  @Field(() => Int, { description: `1 to ${MAX_LINE_QUANTITY}.` })
  @IsInt()
  @Min(1)
  @Max(MAX_LINE_QUANTITY)
  quantity!: number;
}

@InputType('ReceiveStockInput')
export class ReceiveStockInput {
  @Field(() => ID)
  @IsUUID()
  storeId!: string;

  @Field(() => [StockLineInput], { description: `1 to ${MAX_LINES} lines; repeated variants are added up.` })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LINES)
  @ValidateNested({ each: true })
  @Type(() => StockLineInput)
  lines!: StockLineInput[];

  @Field(() => String, { nullable: true, description: 'Delivery note or supplier reference, kept on the movements.' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  reference?: string | null;
}

@InputType('AdjustStockInput')
export class AdjustStockInput {
  @Field(() => ID)
  @IsUUID()
  storeId!: string;

  @Field(() => ID)
  @IsUUID()
  variantId!: string;

  @Field(() => Int, { description: `Signed change of on hand, non-zero, at most ${MAX_LINE_QUANTITY} either way.` })
  @IsInt()
  @NotEquals(0, { message: 'quantityDelta must not be 0' })
  @Min(-MAX_LINE_QUANTITY)
  @Max(MAX_LINE_QUANTITY)
  quantityDelta!: number;

  @Field(() => String, { description: 'Why (found in the back room, broken display...). Required.' })
  @IsString()
  @Length(1, 200)
  @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  reason!: string;
}

@InputType('StockCountLineInput')
export class StockCountLineInput {
  @Field(() => ID)
  @IsUUID()
  variantId!: string;

  @Field(() => Int, { description: `What is on the shelf, 0 to ${MAX_COUNTED_QUANTITY}.` })
  @IsInt()
  @Min(0)
  @Max(MAX_COUNTED_QUANTITY)
  countedQuantity!: number;
}

@InputType('RecordStockCountInput')
export class RecordStockCountInput {
  @Field(() => ID)
  @IsUUID()
  storeId!: string;

  @Field(() => [StockCountLineInput], { description: `1 to ${MAX_LINES} lines, each variant once.` })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LINES)
  @ValidateNested({ each: true })
  @Type(() => StockCountLineInput)
  lines!: StockCountLineInput[];
}

@InputType('TransferStockInput')
export class TransferStockInput {
  @Field(() => ID)
  @IsUUID()
  fromStoreId!: string;

  @Field(() => ID)
  @IsUUID()
  toStoreId!: string;

  @Field(() => [StockLineInput])
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LINES)
  @ValidateNested({ each: true })
  @Type(() => StockLineInput)
  lines!: StockLineInput[];
}

@InputType('UpdateStockSettingsInput', { description: 'Omitted fields are left unchanged; lowStockThreshold: null clears it.' })
export class UpdateStockSettingsInput {
  @Field(() => ID)
  @IsUUID()
  storeId!: string;

  @Field(() => ID)
  @IsUUID()
  variantId!: string;

  @Field(() => Int, { nullable: true, description: 'Units kept back from what is promised online and for pickup.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_COUNTED_QUANTITY)
  safetyStock?: number | null;

  @Field(() => Int, { nullable: true, description: 'Low stock when available falls to this or below. null clears it.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_COUNTED_QUANTITY)
  lowStockThreshold?: number | null;
}
