import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { OrderChannel } from '@omnitill/order';
import { SalesDimension } from '../inputs/report.input';
import { SafeIntScalar } from './safe-int.scalar';

@ObjectType('SalesReportRow', { description: 'Sales of one group (or the totals). Amounts are minor units of `currency`.' })
export class SalesReportRowType {
  @Field(() => ID, { nullable: true, description: 'Set when grouped by STORE.' })
  storeId!: string | null;

  @Field(() => String, { nullable: true })
  storeCode!: string | null;

  @Field(() => OrderChannel, { nullable: true, description: 'Set when grouped by CHANNEL.' })
  channel!: OrderChannel | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD in the requested time zone, when grouped by DAY.' })
  day!: string | null;

  @Field(() => ID, { nullable: true, description: 'Set when grouped by PRODUCT (a variant).' })
  variantId!: string | null;

  @Field(() => String, { nullable: true })
  sku!: string | null;

  @Field(() => String, { nullable: true })
  productName!: string | null;

  @Field(() => String)
  currency!: string;

  @Field(() => Int, { description: 'Sales (orders) with at least one line in the group.' })
  orders!: number;

  @Field(() => SafeIntScalar, { description: 'Units handed over: quantity − units refused at the counter.' })
  units!: number;

  @Field(() => SafeIntScalar, { description: 'Units of these sales taken back by a received return.' })
  unitsReturned!: number;

  @Field(() => SafeIntScalar, { description: 'Unit price × quantity, before discounts.' })
  gross!: number;

  @Field(() => SafeIntScalar)
  discounts!: number;

  @Field(() => SafeIntScalar, { description: 'Refunded for units refused at the counter and for received returns of these sales.' })
  returns!: number;

  @Field(() => SafeIntScalar, { description: 'gross − discounts − returns.' })
  net!: number;

  @Field(() => SafeIntScalar, { description: 'net / orders, rounded.' })
  averageSale!: number;
}

@ObjectType('SalesReport', {
  description: 'Completed POS sales, picked-up and shipped orders that occurred in the period. Cancelled, expired, voided and open orders are not sales.',
})
export class SalesReportType {
  @Field(() => Date)
  from!: Date;

  @Field(() => Date)
  to!: Date;

  @Field(() => [SalesDimension])
  groupBy!: SalesDimension[];

  @Field(() => [SalesReportRowType])
  rows!: SalesReportRowType[];

  @Field(() => [SalesReportRowType], { description: 'One row per currency, over every group.' })
  totals!: SalesReportRowType[];
}
