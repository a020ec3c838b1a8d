import { ArgsType, Field, Float, ID, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsEnum, IsInt, IsLatitude, IsLongitude, IsOptional, IsString, IsUUID, Length, Matches, Max, Min,
  ValidateNested,
} from 'class-validator';
import { MAX_LINES } from '../../rules/stock-lines';
import { MAX_PICKUP_STORES } from '../../services/availability.service';
import { StockTransferState } from '../types/stock-enums.type';
import { StockLineInput } from './stock.input';

const SKU = /^[A-Za-z0-9._-]{1,64}$/;

@ArgsType()
export class AvailabilityArgs {
  @Field(() => ID)
  @IsUUID()
  storeId!: string;

  @Field(() => [ID], { nullable: true, description: `Variant ids (1 to ${MAX_LINES}). Give these or skus.` })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LINES)
  @IsUUID('all', { each: true })
  variantIds?: string[] | null;

  @Field(() => [String], { nullable: true, description: `SKUs, any case (1 to ${MAX_LINES}). Give these or variantIds.` })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LINES)
  @Matches(SKU, { each: true, message: 'each SKU must be 1-64 letters, digits, ".", "_" or "-"' })
  skus?: string[] | null;
}

@ArgsType()
export class PickupStoresArgs {
  @Field(() => [StockLineInput], { description: 'The basket: every line must be available at a store for it to be listed.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LINES)
  @ValidateNested({ each: true })
  @Type(() => StockLineInput)
  lines!: StockLineInput[];

  @Field(() => Float)
  @IsLatitude()
  latitude!: number;

  @Field(() => Float)
  @IsLongitude()
  longitude!: number;

  @Field(() => Int, { defaultValue: 10, description: `1 to ${MAX_PICKUP_STORES}.` })
  @IsInt()
  @Min(1)
  @Max(MAX_PICKUP_STORES)
  limit: number = 10;
}

@ArgsType()
export class StoreStockArgs {
  @Field(() => ID)
  @IsUUID()
  storeId!: string;
}

@ArgsType()
export class StockLevelsArgs extends StoreStockArgs {
  @Field(() => Boolean, { nullable: true, description: 'Only levels with a threshold whose available is at or below it.' })
  @IsOptional()
  @IsBoolean()
  lowStockOnly?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Only levels with on hand below zero.' })
  @IsOptional()
  @IsBoolean()
  negativeOnly?: boolean;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  needsRecountOnly?: boolean;

  @Field(() => String, { nullable: true, description: 'SKU contains this (any case).' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  sku?: string;
}

@ArgsType()
export class StockMovementsArgs extends StoreStockArgs {
  @Field(() => ID)
  @IsUUID()
  variantId!: string;
}

@ArgsType()
export class StockTransfersArgs extends StoreStockArgs {
  @Field(() => StockTransferState, { nullable: true })
  @IsOptional()
  @IsEnum(StockTransferState)
  state?: StockTransferState;
}
