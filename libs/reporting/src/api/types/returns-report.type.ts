import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { ReturnReasonCode } from '@omnitill/returns';
import { SafeIntScalar } from './safe-int.scalar';

@ObjectType('ReturnReasonUnits')
export class ReturnReasonUnitsType {
  @Field(() => ReturnReasonCode)
  reason!: ReturnReasonCode;

  @Field(() => Int)
  units!: number;

  @Field(() => SafeIntScalar, { description: 'Refunded, minor units.' })
  refundAmount!: number;
}

@ObjectType('ReturnsByProductRow', { description: 'One variant returned in the period: how often, why, and what became of the units.' })
export class ReturnsByProductRowType {
  @Field(() => ID)
  variantId!: string;

  @Field(() => String)
  sku!: string;

  @Field(() => String)
  productName!: string;

  @Field(() => String)
  currency!: string;

  @Field(() => SafeIntScalar, { description: 'Units of the variant sold in the period (same stores).' })
  unitsSold!: number;

  @Field(() => Int, { description: 'Units received back in the period.' })
  unitsReturned!: number;

  @Field(() => Float, { nullable: true, description: 'unitsReturned / unitsSold (fraction, 4 decimals); null when none sold in the period.' })
  returnRate!: number | null;

  @Field(() => Int, { description: 'Came back resellable: back on the shelf.' })
  unitsRestocked!: number;

  @Field(() => Int, { description: 'Came back damaged: written off.' })
  unitsWrittenOff!: number;

  @Field(() => SafeIntScalar)
  refundAmount!: number;

  @Field(() => [ReturnReasonUnitsType])
  reasons!: ReturnReasonUnitsType[];
}

@ObjectType('ReturnsReportTotals')
export class ReturnsReportTotalsType {
  @Field(() => SafeIntScalar)
  unitsSold!: number;

  @Field(() => Int)
  unitsReturned!: number;

  @Field(() => Float, { nullable: true })
  returnRate!: number | null;

  @Field(() => Int)
  unitsRestocked!: number;

  @Field(() => Int)
  unitsWrittenOff!: number;

  @Field(() => SafeIntScalar, { description: 'Summed over currencies; see the rows for each.' })
  refundAmount!: number;
}

@ObjectType('ReturnsReport', { description: 'Returns received (in your stores) in the period, by product and reason.' })
export class ReturnsReportType {
  @Field(() => Date)
  from!: Date;

  @Field(() => Date)
  to!: Date;

  @Field(() => [ReturnsByProductRowType], { description: 'Most units returned first.' })
  products!: ReturnsByProductRowType[];

  @Field(() => [ReturnReasonUnitsType], { description: 'Every product together, by reason.' })
  reasons!: ReturnReasonUnitsType[];

  @Field(() => ReturnsReportTotalsType)
  totals!: ReturnsReportTotalsType;
}
