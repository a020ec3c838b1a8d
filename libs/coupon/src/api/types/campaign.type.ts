import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Paginated } from '@omnitill/common';
import { CampaignEntity } from '../../entities/campaign.entity';
import { CouponChannel, CouponDiscountType } from '../../entities/coupon.enums';
import { CampaignCounts } from '../../repositories/campaign.repository';

@ObjectType('CampaignCounts')
export class CampaignCountsType {
  @Field(() => Int)
  codeCount!: number;

  @Field(() => Int)
  issuedCodeCount!: number;

  @Field(() => Int, { description: 'Codes used at least once.' })
  usedCodeCount!: number;

  @Field(() => Int)
  activeRedemptionCount!: number;

  @Field(() => Int)
  reversedRedemptionCount!: number;

  @Field(() => Int, { description: 'Discount given by active redemptions, minor units.' })
  discountGivenAmount!: number;
}

@ObjectType('Campaign', { description: 'A discount and its rules; codes belong to one campaign.' })
export class CampaignType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  source!: string;

  @Field(() => CouponDiscountType)
  discountType!: CouponDiscountType;

  @Field(() => Int, { nullable: true })
  percent!: number | null;

  @Field(() => Int, { nullable: true })
  maxDiscountAmount!: number | null;

  @Field(() => Int, { nullable: true })
  fixedAmount!: number | null;

  @Field(() => String)
  currency!: string;

  @Field(() => Int)
  minBasketAmount!: number;

  @Field(() => [String], { nullable: true, description: 'null = every item.' })
  eligibleSkus!: string[] | null;

  @Field(() => [CouponChannel])
  eligibleChannels!: CouponChannel[];

  @Field(() => [ID], { nullable: true, description: 'null = every store.' })
  eligibleStoreIds!: string[] | null;

  @Field(() => Date)
  validFrom!: Date;

  @Field(() => Date, { description: 'Exclusive.' })
  validUntil!: Date;

  @Field(() => Int, { nullable: true })
  totalRedemptionCap!: number | null;

  @Field(() => Int, { description: 'Active redemptions, the counter the total cap is enforced on.' })
  redemptionCount!: number;

  @Field(() => Int, { nullable: true })
  perCustomerCap!: number | null;

  @Field(() => Boolean)
  restoreOnFullReturn!: boolean;

  @Field(() => CampaignCountsType)
  counts!: CampaignCountsType;

  @Field(() => Date)
  createdAt!: Date;

  static from(entity: CampaignEntity, counts: CampaignCounts): CampaignType {
    return Object.assign(new CampaignType(), {
      id: entity.id,
      name: entity.name,
      source: entity.source,
      discountType: entity.discountType,
      percent: entity.percent,
      maxDiscountAmount: entity.maxDiscountAmount,
      fixedAmount: entity.fixedAmount,
      currency: entity.currency,
      minBasketAmount: entity.minBasketAmount,
      eligibleSkus: entity.eligibleSkus,
      eligibleChannels: entity.eligibleChannels,
      eligibleStoreIds: entity.eligibleStoreIds,
      validFrom: entity.validFrom,
      validUntil: entity.validUntil,
      totalRedemptionCap: entity.totalRedemptionCap,
      // Uncapped campaigns keep no counter (no hot row): their count comes from the redemptions.
      redemptionCount: entity.totalRedemptionCap === null ? counts.activeRedemptionCount : entity.redemptionCount,
      perCustomerCap: entity.perCustomerCap,
      restoreOnFullReturn: entity.restoreOnFullReturn,
      counts: Object.assign(new CampaignCountsType(), counts),
      createdAt: entity.createdAt,
    });
  }
}

@ObjectType('CampaignList')
export class CampaignList extends Paginated(CampaignType) {}
