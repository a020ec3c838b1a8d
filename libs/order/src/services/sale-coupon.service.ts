import { Injectable } from '@nestjs/common';
import { RequestContext } from '@omnitill/common';
import { CouponChannel, CouponError, CouponRedemptionService, CouponReversalReason } from '@omnitill/coupon';
import { OrderChannel } from '../entities/order.enums';

export interface CouponLine {
  readonly variantId: string;
  readonly sku: string;
  readonly quantity: number;
  readonly unitPriceAmount: number;
}

/** A coupon presented with an order being recorded (redeemed in the order's transaction). */
export interface CouponUse {
  readonly orderId: string;
  /** As typed or scanned (code or QR token). */
  readonly codeOrToken: string;
  readonly storeId: string;
  readonly channel: OrderChannel;
  readonly customerId: string | null;
  readonly currency: string;
  readonly lines: readonly CouponLine[];
}

export interface AppliedCoupon {
  /** The code as stored (a scanned token resolves to its code). */
  readonly code: string;
  /** Index-aligned with the lines; sums to the order discount. */
  readonly lineDiscounts: number[];
  /** Whom the sale belongs to when no customer was identified: the code's owner (QR coupon journeys). */
  readonly customerId: string | null;
}

/** Orders' use of the coupon lib: redeem a code on an order, reverse an order's redemptions. */
@Injectable()
export class SaleCouponService {
  constructor(private readonly redemptions: CouponRedemptionService) {}

  async redeem(ctx: RequestContext, use: CouponUse): Promise<AppliedCoupon | CouponError> {
    const result = await this.redemptions.redeem(ctx, {
      orderId: use.orderId,
      // Only orders being created come here (the POS sale, checkout): skips the look-up for a redemption they cannot have.
      orderIsNew: true,
      codeOrToken: use.codeOrToken,
      storeId: use.storeId,
      channel: use.channel === OrderChannel.POS ? CouponChannel.POS : CouponChannel.ONLINE,
      customerId: use.customerId,
      currency: use.currency,
      lines: use.lines.map((line) => ({ variantId: line.variantId, sku: line.sku, quantity: line.quantity, unitPriceAmount: line.unitPriceAmount })),
    });
    if (!('redemptionId' in result)) {
      return result;
    }
    const lineDiscounts = use.lines.map(() => 0);
    for (const line of result.lineDiscounts) {
      lineDiscounts[line.lineIndex] += line.discountAmount;
    }
    return { code: result.code, lineDiscounts, customerId: result.customerId };
  }

  async reverseForOrder(ctx: RequestContext, orderId: string, reason: 'cancelled' | 'voided'): Promise<void> {
    await this.redemptions.reverseForOrder(ctx, orderId, reason === 'voided' ? CouponReversalReason.ORDER_VOIDED : CouponReversalReason.ORDER_CANCELLED);
  }
}
