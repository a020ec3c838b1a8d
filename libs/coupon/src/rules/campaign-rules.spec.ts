import { CouponDiscountType } from '../entities/coupon.enums';
import { CampaignShape, campaignShapeErrors } from './campaign-rules';

const base: CampaignShape = {
  discountType: CouponDiscountType.PERCENT,
  percent: 10,
  maxDiscountAmount: null,
  fixedAmount: null,
  validFrom: new Date('2025-01-01T00:00:00Z'),
  validUntil: new Date('2025-02-01T00:00:00Z'),
  totalRedemptionCap: null,
  redemptionCount: 0,
};

const fields = (shape: Partial<CampaignShape>) => campaignShapeErrors({ ...base, ...shape }).map((error) => error.field);

describe('campaignShapeErrors', () => {
  it('accepts consistent percent and fixed campaigns', () => {
    expect(fields({})).toEqual([]);
    expect(fields({ discountType: CouponDiscountType.FIXED_AMOUNT, percent: null, fixedAmount: 500 })).toEqual([]);
  });

  it('names every inconsistent field', () => {
    expect(fields({ percent: null, fixedAmount: 100 })).toEqual(['percent', 'fixedAmount']);
    expect(fields({ discountType: CouponDiscountType.FIXED_AMOUNT, maxDiscountAmount: 100 })).toEqual(['fixedAmount', 'percent', 'maxDiscountAmount']);
    expect(fields({ validUntil: base.validFrom })).toEqual(['validUntil']);
    expect(fields({ totalRedemptionCap: 4, redemptionCount: 5 })).toEqual(['totalRedemptionCap']);
  });
});
