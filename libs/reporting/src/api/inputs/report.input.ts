import { Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDate, IsEnum, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { IsTimeZone } from '@omnitill/common';

/** What sales rows are grouped by (any combination; none = totals only). */
export enum SalesDimension {
  STORE = 'STORE',
  CHANNEL = 'CHANNEL',
  DAY = 'DAY',
  PRODUCT = 'PRODUCT',
}
registerEnumType(SalesDimension, { name: 'SalesDimension', description: 'A grouping of the sales report. PRODUCT groups by variant (SKU).' });

/** Query strings carry lists as `a,b` or as repeated parameters; GraphQL sends arrays. */
function toList({ value }: { value: unknown }): unknown {
  if (typeof value === 'string') {
    return value.split(',').map((part) => part.trim()).filter((part) => part.length > 0);
  }
  return value;
}

@InputType('ReportPeriodInput', { description: 'A period [from, to) of at most REPORT_MAX_RANGE_DAYS days, optionally limited to some stores.' })
export class ReportPeriodInput {
  @Field(() => Date, { description: 'Inclusive.' })
  @Type(() => Date)
  @IsDate()
  from!: Date;

  @Field(() => Date, { description: 'Exclusive.' })
  @Type(() => Date)
  @IsDate()
  to!: Date;

  @Field(() => [ID], { nullable: true, description: 'Only these stores (each must be in your scope). Default: every store you may see.' })
  @IsOptional()
  @Transform(toList)
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  storeIds?: string[] | null;
}

@InputType('SalesReportInput')
export class SalesReportInput extends ReportPeriodInput {
  @Field(() => [SalesDimension], { defaultValue: [SalesDimension.STORE] })
  @Transform(toList)
  @IsArray()
  @ArrayMaxSize(4)
  @IsEnum(SalesDimension, { each: true })
  groupBy: SalesDimension[] = [SalesDimension.STORE];

  @Field(() => String, { defaultValue: 'UTC', description: 'The IANA time zone DAY groups in.' })
  @IsTimeZone()
  timeZone = 'UTC';
}

@InputType('CampaignAttributionReportInput')
export class CampaignAttributionReportInput extends ReportPeriodInput {
  @Field(() => ID, { nullable: true, description: 'One campaign; default every campaign with activity in the period.' })
  @IsOptional()
  @IsUUID()
  campaignId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Days before a POS sale in which an issued, unredeemed code assists it (default REPORT_ASSISTED_WINDOW_DAYS).' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(365)
  windowDays?: number | null;
}
