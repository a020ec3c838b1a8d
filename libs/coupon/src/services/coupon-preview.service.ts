import { Injectable } from '@nestjs/common';
import { isErrorResult, RequestContext } from '@omnitill/common';
import { RedemptionLineDiscount } from '../entities/coupon-redemption.entity';
import { CouponAlreadyUsedByCustomerError, CouponError, CouponExhaustedError } from '../errors/coupon.errors';
import { CouponRedemptionRepository } from '../repositories/coupon-redemption.repository';
import { CouponBasket } from './coupon-basket';
import { CouponEvaluationService } from './coupon-evaluation.service';

export interface CouponPreview {
  readonly code: string;
  readonly campaignId: string;
  readonly campaignName: string;
  readonly discountAmount: number;
  readonly currency: string;
  readonly lines: RedemptionLineDiscount[];
}

/**
 * What a code would take off a basket, or the exact reason it would not apply. Reads only: the
 * answer can change before the sale (the last use may go meanwhile); redemption decides for real.
 */
@Injectable()
export class CouponPreviewService {
  constructor(
    private readonly evaluation: CouponEvaluationService,
    private readonly redemptions: CouponRedemptionRepository,
  ) {}

  async preview(ctx: RequestContext, basket: CouponBasket): Promise<CouponPreview | CouponError> {
    const evaluated = await this.evaluation.evaluate(ctx, basket);
    if (isErrorResult(evaluated)) {
      return evaluated;
    }
    const { code, breakdown } = evaluated;
    const { campaign } = code;
    if ((code.maxUses !== null && code.useCount >= code.maxUses) || (campaign.totalRedemptionCap !== null && campaign.redemptionCount >= campaign.totalRedemptionCap)) {
      return new CouponExhaustedError();
    }
    const customerId = evaluated.customerId ?? code.issuedToCustomerId;
    if (campaign.perCustomerCap !== null && customerId !== null) {
      if ((await this.redemptions.countActiveForCustomer(ctx, campaign.id, customerId)) >= campaign.perCustomerCap) {
        return new CouponAlreadyUsedByCustomerError(campaign.perCustomerCap);
      }
    }
    return {
      code: code.code,
      campaignId: campaign.id,
      campaignName: campaign.name,
      discountAmount: breakdown.discountAmount,
      currency: campaign.currency,
      lines: evaluated.lineDiscounts,
    };
  }
}
