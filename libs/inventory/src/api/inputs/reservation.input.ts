import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { MAX_LINE_QUANTITY, MAX_LINES } from '../../rules/stock-lines';
import { ReservationCommitType } from '../types/stock-enums.type';
import { StockLineInput } from './stock.input';

/** Longest hold: 90 days, the longest store hold period. */
export const MAX_RESERVATION_TTL_SECONDS = 90 * 24 * 3600;

@InputType('ReserveStockInput')
export class ReserveStockInput {
  @Field(() => ID)
  @IsUUID()
  storeId!: string;

  @Field(() => [StockLineInput], { description: 'All or nothing.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LINES)
  @ValidateNested({ each: true })
  @Type(() => StockLineInput)
  lines!: StockLineInput[];

  @Field(() => Int, { description: `How long the hold lasts, 1 s to ${MAX_RESERVATION_TTL_SECONDS} s.` })
  @IsInt()
  @Min(1)
  @Max(MAX_RESERVATION_TTL_SECONDS)
  ttlSeconds!: number;

  @Field(() => String, { description: 'e.g. ORDER.' })
  @Matches(/^[A-Za-z0-9_.:-]{1,32}$/, { message: 'referenceType must be 1-32 letters, digits, ".", "_", ":" or "-"' })
  referenceType!: string;

  @Field(() => String)
  @IsString()
  @Length(1, 64)
  referenceId!: string;
}

@InputType('CommitLineInput')
export class CommitLineInput {
  @Field(() => ID)
  @IsUUID()
  variantId!: string;

  @Field(() => Int, { description: 'Units handed over, 0 up to what the line holds.' })
  @IsInt()
  @Min(0)
  @Max(MAX_LINE_QUANTITY)
  quantity!: number;
}

@InputType('CommitReservationInput')
export class CommitReservationInput {
  @Field(() => ID)
  @IsUUID()
  reservationId!: string;

  @Field(() => ReservationCommitType, { defaultValue: ReservationCommitType.PICKUP })
  @IsEnum(ReservationCommitType)
  movementType: ReservationCommitType = ReservationCommitType.PICKUP;

  @Field(() => [CommitLineInput], { nullable: true, description: 'Omitted: everything held is taken. Unlisted variants take none; what is not taken is released.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LINES)
  @ValidateNested({ each: true })
  @Type(() => CommitLineInput)
  quantities?: CommitLineInput[] | null;
}

@ArgsType()
export class ReleaseReservationArgs {
  @Field(() => String, { defaultValue: 'released by back office' })
  @IsString()
  @Length(1, 200)
  reason: string = 'released by back office';
}
