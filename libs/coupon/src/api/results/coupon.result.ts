import { createResultUnion } from '@omnitill/common';
import { COUPON_ERRORS, CouponExpiredError, DuplicateCouponCodeError, NoCouponCodesAvailableError } from '../../errors/coupon.errors';
import { CouponCodeType, CouponPreviewType, CouponRedemptionType, IssuedCouponType } from '../types/coupon.type';

export const PreviewCouponResult = createResultUnion('PreviewCouponResult', CouponPreviewType, COUPON_ERRORS);

export const RedeemCouponResult = createResultUnion('RedeemCouponResult', CouponRedemptionType, COUPON_ERRORS);

export const IssueCouponResult = createResultUnion('IssueCouponResult', IssuedCouponType, [CouponExpiredError, NoCouponCodesAvailableError]);

export const CreateSharedCodeResult = createResultUnion('CreateSharedCodeResult', CouponCodeType, [DuplicateCouponCodeError]);
