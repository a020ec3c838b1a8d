import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ParseUUIDPipe } from '@nestjs/common';
import { Allow, Ctx, isErrorResult, Permission, RequestContext, StoreStaff, Transaction } from '@omnitill/common';
import { CouponBasketInput, RedeemCouponInput } from './inputs/coupon-basket.input';
import { PreviewCouponResult, RedeemCouponResult } from './results/coupon.result';
import { CouponPreviewType, CouponRedemptionType } from './types/coupon.type';
import { CouponBasket } from '../services/coupon-basket';
import { CouponPreviewService } from '../services/coupon-preview.service';
import { CouponRedemptionService } from '../services/coupon-redemption.service';
import { CouponReversalReason } from '../entities/coupon.enums';

function toBasket(input: CouponBasketInput): CouponBasket {
  return {
    codeOrToken: input.codeOrToken,
    storeId: input.storeId ?? null,
    channel: input.channel,
    customerId: input.customerId ?? null,
    currency: input.currency,
    lines: input.lines,
  };
}

/**
 * Checking and using codes. Orders redeem through CouponRedemptionService inside their own
 * transaction; redeemCoupon is the same call for integrations and back office (admins), e.g. a
 * sale recorded in an external system.
 */
@Resolver()
export class CouponCheckoutResolver {
  constructor(
    private readonly previews: CouponPreviewService,
    private readonly redemptions: CouponRedemptionService,
  ) {}

  @Query(() => PreviewCouponResult, { description: 'The discount per line, or the exact reason the code does not apply. Uses nothing up.' })
  @Allow(...StoreStaff, Permission.STOREFRONT, Permission.CUSTOMER)
  async previewCoupon(@Ctx() ctx: RequestContext, @Args('input') input: CouponBasketInput): Promise<typeof PreviewCouponResult> {
    const result = await this.previews.preview(ctx, toBasket(input));
    return isErrorResult(result) ? result : CouponPreviewType.from(result);
  }

  @Mutation(() => RedeemCouponResult, { description: 'Uses the code on an order (exactly once under any concurrency). Admins / integrations.' })
  @Allow(Permission.ADMIN)
  @Transaction()
  async redeemCoupon(@Ctx() ctx: RequestContext, @Args('input') input: RedeemCouponInput): Promise<typeof RedeemCouponResult> {
    const result = await this.redemptions.redeem(ctx, { ...toBasket(input), orderId: input.orderReference });
    return isErrorResult(result) ? result : CouponRedemptionType.from(result);
  }

  @Mutation(() => Int, { description: "Reverses the order's redemptions and gives the uses back; returns how many. Admins / integrations." })
  @Allow(Permission.ADMIN)
  @Transaction()
  async reverseCouponRedemptions(
    @Ctx() ctx: RequestContext,
    @Args('orderReference', { type: () => ID }, ParseUUIDPipe) orderReference: string,
    @Args('reason', { type: () => CouponReversalReason, defaultValue: CouponReversalReason.ORDER_CANCELLED }) reason: CouponReversalReason,
  ): Promise<number> {
    return this.redemptions.reverseForOrder(ctx, orderReference, reason);
  }
}
