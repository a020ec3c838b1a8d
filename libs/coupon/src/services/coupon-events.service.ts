import { Injectable } from '@nestjs/common';
import { EventOutbox, NewDomainEvent, RequestContext } from '@omnitill/common';
import { CustomerProfileService } from '@omnitill/customer';
import { CampaignEntity } from '../entities/campaign.entity';
import { CouponCodeEntity } from '../entities/coupon-code.entity';
import { CouponRedemptionEntity } from '../entities/coupon-redemption.entity';

export const COUPON_CODE_AGGREGATE = 'coupon_code';

/**
 * Coupon events in the outbox, in the transaction of the change, with the customer's marketing
 * consent so email and SMS consumers need no second look-up. They never carry the code itself or
 * its QR token: an issued code is a bearer voucher (the storefront gets it from issueCoupon).
 */
@Injectable()
export class CouponEventsService {
  constructor(
    private readonly outbox: EventOutbox,
    private readonly customers: CustomerProfileService,
  ) {}

  async issued(ctx: RequestContext, code: CouponCodeEntity, campaign: CampaignEntity, customerId: string): Promise<void> {
    await this.outbox.record(ctx, {
      type: 'coupon.issued',
      customerId,
      aggregateType: COUPON_CODE_AGGREGATE,
      aggregateId: code.id,
      payload: { codeId: code.id, campaignId: campaign.id, campaignName: campaign.name, source: campaign.source, validUntil: campaign.validUntil.toISOString() },
      consent: await this.customers.marketingConsentOf(ctx, customerId),
    });
  }

  /** The coupon.redeemed event, for the redemption's own insert (CouponRedemptionRepository.insert). */
  async redeemedEvent(ctx: RequestContext, redemption: CouponRedemptionEntity, campaign: CampaignEntity): Promise<NewDomainEvent> {
    return {
      type: 'coupon.redeemed',
      occurredAt: redemption.redeemedAt,
      storeId: redemption.storeId,
      channel: redemption.channel,
      customerId: redemption.customerId,
      aggregateType: COUPON_CODE_AGGREGATE,
      aggregateId: redemption.codeId,
      payload: {
        redemptionId: redemption.id,
        codeId: redemption.codeId,
        campaignId: campaign.id,
        source: campaign.source,
        orderId: redemption.orderId,
        discount: { amount: redemption.discountAmount, currency: redemption.currency },
        lines: redemption.lineDiscounts.map((line) => ({ lineIndex: line.lineIndex, variantId: line.variantId, sku: line.sku, discountAmount: line.discountAmount })),
      },
      consent: await this.customers.marketingConsentOf(ctx, redemption.customerId),
    };
  }
}
