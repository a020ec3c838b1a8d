import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('PickupPerformanceRow', { description: "Click-and-collect orders placed in the period at one store (or all of them)." })
export class PickupPerformanceRowType {
  @Field(() => ID, { nullable: true, description: 'null on the totals row.' })
  storeId!: string | null;

  @Field(() => String, { nullable: true })
  storeCode!: string | null;

  @Field(() => Int, { nullable: true, description: "The store's pickup promise (placed → ready), in minutes." })
  promiseMinutes!: number | null;

  @Field(() => Int)
  orders!: number;

  @Field(() => Int, { description: 'Orders that were made ready.' })
  readyOrders!: number;

  @Field(() => Int, { description: 'Ready no later than promised.' })
  readyOnTime!: number;

  @Field(() => Float, { nullable: true, description: 'readyOnTime / readyOrders (fraction, 4 decimals).' })
  onTimeRate!: number | null;

  @Field(() => Float, { nullable: true, description: 'Median minutes from placed to ready (0.1 precision).' })
  medianMinutesToReady!: number | null;

  @Field(() => Float, { nullable: true, description: '90th percentile of minutes from placed to ready.' })
  p90MinutesToReady!: number | null;

  @Field(() => Int)
  pickedUp!: number;

  @Field(() => Int)
  expired!: number;

  @Field(() => Int)
  cancelled!: number;

  @Field(() => Int, { description: 'Still placed, picking or waiting on the shelf.' })
  open!: number;

  @Field(() => Float, { nullable: true, description: 'pickedUp / orders.' })
  pickupRate!: number | null;

  @Field(() => Float, { nullable: true, description: 'expired / orders.' })
  expiryRate!: number | null;

  @Field(() => Int, { description: 'Order lines with units refused at the counter.' })
  refusedLines!: number;

  @Field(() => Int)
  refusedUnits!: number;
}

@ObjectType('PickupPerformanceReport')
export class PickupPerformanceReportType {
  @Field(() => Date)
  from!: Date;

  @Field(() => Date)
  to!: Date;

  @Field(() => [PickupPerformanceRowType])
  rows!: PickupPerformanceRowType[];

  @Field(() => PickupPerformanceRowType)
  totals!: PickupPerformanceRowType;
}
