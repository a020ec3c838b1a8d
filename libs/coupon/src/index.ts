import { CampaignEntity } from './entities/campaign.entity';
import { CouponCodeEntity } from './entities/coupon-code.entity';
import { CouponGuessEntity } from './entities/coupon-guess.entity';
import { CouponRedemptionEntity } from './entities/coupon-redemption.entity';

export { CouponModule } from './coupon.module';
export { CouponRedemptionService, CouponRedemptionRequest, Redemption } from './services/coupon-redemption.service';
export { CouponPreviewService, CouponPreview } from './services/coupon-preview.service';
export { CouponIssuingService, IssuedCoupon } from './services/coupon-issuing.service';
export { CouponBasket, CouponBasketLine } from './services/coupon-basket';
export { CampaignEntity } from './entities/campaign.entity';
export { CouponCodeEntity } from './entities/coupon-code.entity';
export { CouponRedemptionEntity, RedemptionLineDiscount } from './entities/coupon-redemption.entity';
export { CouponChannel, CouponCodeKind, CouponDiscountType, CouponRedemptionState, CouponReversalReason } from './entities/coupon.enums';
export * from './errors/coupon.errors';
export { calculateDiscount, DiscountBreakdown, DiscountRule, PricedLine } from './rules/discount-calculator';

export const COUPON_ENTITIES = [CampaignEntity, CouponCodeEntity, CouponRedemptionEntity, CouponGuessEntity];
