import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { CouponChannel } from '@omnitill/coupon';
import { SafeIntScalar } from './safe-int.scalar';

@ObjectType('CampaignRedemptionRow', { description: "A campaign's active redemptions in the period in one channel and store." })
export class CampaignRedemptionRowType {
  @Field(() => CouponChannel)
  channel!: CouponChannel;

  @Field(() => ID, { nullable: true })
  storeId!: string | null;

  @Field(() => String, { nullable: true })
  storeCode!: string | null;

  @Field(() => Int)
  redemptions!: number;

  @Field(() => Int, { description: 'Distinct codes redeemed.' })
  codesRedeemed!: number;

  @Field(() => SafeIntScalar, { description: 'Totals paid for the orders that redeemed (after the discount), minor units.' })
  revenue!: number;

  @Field(() => SafeIntScalar)
  discount!: number;
}

@ObjectType('CampaignAttributionRow')
export class CampaignAttributionRowType {
  @Field(() => ID)
  campaignId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  source!: string;

  @Field(() => String)
  currency!: string;

  @Field(() => Int, { description: 'Codes issued to customers in the period (campaign-wide: issuing is not tied to a store).' })
  codesIssued!: number;

  @Field(() => Int, { description: 'Distinct codes redeemed in the period (in your stores).' })
  codesRedeemed!: number;

  @Field(() => Int)
  redemptions!: number;

  @Field(() => SafeIntScalar, { description: 'Revenue of POS sales that redeemed a code.' })
  storeRevenue!: number;

  @Field(() => SafeIntScalar, { description: 'Revenue of online orders that redeemed a code.' })
  onlineRevenue!: number;

  @Field(() => SafeIntScalar)
  storeDiscount!: number;

  @Field(() => SafeIntScalar)
  onlineDiscount!: number;

  @Field(() => Int, {
    description: 'POS sales in the period by customers issued a code of the campaign in the window before the sale, who did not redeem it (by then, nor on that sale).',
  })
  assistedSales!: number;

  @Field(() => SafeIntScalar)
  assistedRevenue!: number;

  @Field(() => [CampaignRedemptionRowType])
  redemptionsByChannelAndStore!: CampaignRedemptionRowType[];
}

@ObjectType('CampaignAttributionReport')
export class CampaignAttributionReportType {
  @Field(() => Date)
  from!: Date;

  @Field(() => Date)
  to!: Date;

  @Field(() => Int)
  windowDays!: number;

  @Field(() => [CampaignAttributionRowType])
  campaigns!: CampaignAttributionRowType[];
}
