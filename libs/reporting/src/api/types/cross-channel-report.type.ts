import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { SafeIntScalar } from './safe-int.scalar';

/** How a sale reached its customer: bought at the till, collected in store, or delivered. */
export enum ShoppingChannel {
  IN_STORE = 'IN_STORE',
  CLICK_AND_COLLECT = 'CLICK_AND_COLLECT',
  DELIVERY = 'DELIVERY',
}
registerEnumType(ShoppingChannel, { name: 'ShoppingChannel' });

@ObjectType('CrossChannelMixRow', { description: 'Identified customers who bought in exactly this set of channels in the period.' })
export class CrossChannelMixRowType {
  @Field(() => [ShoppingChannel])
  channels!: ShoppingChannel[];

  @Field(() => Int)
  customers!: number;

  @Field(() => Int)
  orders!: number;

  @Field(() => SafeIntScalar, { description: 'Totals paid, minor units.' })
  sales!: number;
}

@ObjectType('CrossChannelCustomersReport', { description: 'Sales as in the sales report; a guest sale names no customer and counts only in totalSales.' })
export class CrossChannelCustomersReportType {
  @Field(() => Date)
  from!: Date;

  @Field(() => Date)
  to!: Date;

  @Field(() => String, { nullable: true, description: 'The currency of the amounts (the most used when the estate trades in several; others are left out).' })
  currency!: string | null;

  @Field(() => Int, { description: 'Identified customers with a sale in the period.' })
  customers!: number;

  @Field(() => Int, { description: 'Of them, those who bought in two or more channels.' })
  crossChannelCustomers!: number;

  @Field(() => Float, { nullable: true })
  crossChannelCustomerShare!: number | null;

  @Field(() => Int)
  totalOrders!: number;

  @Field(() => SafeIntScalar, { description: 'Every sale, guests included.' })
  totalSales!: number;

  @Field(() => SafeIntScalar)
  crossChannelSales!: number;

  @Field(() => Float, { nullable: true, description: 'crossChannelSales / totalSales.' })
  crossChannelSalesShare!: number | null;

  @Field(() => [CrossChannelMixRowType])
  mix!: CrossChannelMixRowType[];
}
