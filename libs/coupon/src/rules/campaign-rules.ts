import { FieldError } from '@omnitill/common';
import { CouponDiscountType } from '../entities/coupon.enums';

export interface CampaignShape {
  readonly discountType: CouponDiscountType;
  readonly percent: number | null;
  readonly maxDiscountAmount: number | null;
  readonly fixedAmount: number | null;
  readonly validFrom: Date;
  readonly validUntil: Date;
  readonly totalRedemptionCap: number | null;
  /** Active redemptions so far (0 for a new campaign). */
  readonly redemptionCount: number;
}

/** Rules that span fields (class-validator checks each field alone); empty when the campaign is consistent. */
export function campaignShapeErrors(campaign: CampaignShape): FieldError[] {
  const errors: FieldError[] = [];
  const add = (field: string, message: string) => errors.push({ field, messages: [message] });
  switch (campaign.discountType) {
    case CouponDiscountType.PERCENT:
      if (campaign.percent === null) {
        add('percent', 'percent is required for a PERCENT discount');
      }
      if (campaign.fixedAmount !== null) {
        add('fixedAmount', 'fixedAmount must be null for a PERCENT discount');
      }
      break;
    case CouponDiscountType.FIXED_AMOUNT:
      if (campaign.fixedAmount === null) {
        add('fixedAmount', 'fixedAmount is required for a FIXED_AMOUNT discount');
      }
      if (campaign.percent !== null) {
        add('percent', 'percent must be null for a FIXED_AMOUNT discount');
      }
      if (campaign.maxDiscountAmount !== null) {
        add('maxDiscountAmount', 'maxDiscountAmount applies to PERCENT discounts only');
      }
      break;
  }
  if (campaign.validUntil.getTime() <= campaign.validFrom.getTime()) {
    add('validUntil', 'validUntil must be after validFrom');
  }
  if (campaign.totalRedemptionCap !== null && campaign.totalRedemptionCap < campaign.redemptionCount) {
    add('totalRedemptionCap', `totalRedemptionCap cannot be below the ${campaign.redemptionCount} redemptions already made`);
  }
  return errors;
}
