import { Injectable, Logger } from '@nestjs/common';
import { Clock, RequestContext } from '@omnitill/common';
import { CustomerProfileService, RenderedQrCode } from '@omnitill/customer';
import { CampaignEntity } from '../entities/campaign.entity';
import { CouponCodeEntity } from '../entities/coupon-code.entity';
import { CouponExpiredError, NoCouponCodesAvailableError } from '../errors/coupon.errors';
import { CodeWithCampaign, CouponCodeRepository } from '../repositories/coupon-code.repository';
import { CampaignAdminService } from './campaign-admin.service';
import { CouponEventsService } from './coupon-events.service';
import { CouponTokenService } from './coupon-token.service';

export interface IssuedCoupon {
  readonly code: CouponCodeEntity;
  readonly campaign: CampaignEntity;
  readonly qr: RenderedQrCode;
}

const MY_COUPONS_LIMIT = 100;

/**
 * Hands single-use codes to customers (the storefront does this after an ad sign-up). Issuing is
 * idempotent per campaign and customer: an unused code already issued is returned again, so a
 * retried or repeated call never burns codes.
 */
@Injectable()
export class CouponIssuingService {
  private readonly logger = new Logger(CouponIssuingService.name);

  constructor(
    private readonly codes: CouponCodeRepository,
    private readonly campaigns: CampaignAdminService,
    private readonly customers: CustomerProfileService,
    private readonly tokens: CouponTokenService,
    private readonly events: CouponEventsService,
    private readonly clock: Clock,
  ) {}

  /** Must run in a transaction (the per-customer issuing lock is transaction-scoped). */
  async issue(ctx: RequestContext, campaignId: string, customerId: string): Promise<IssuedCoupon | CouponExpiredError | NoCouponCodesAvailableError> {
    const campaign = await this.campaigns.getEntity(ctx, campaignId);
    const customer = await this.customers.getLive(ctx, customerId);
    const now = this.clock.now();
    if (now.getTime() >= campaign.validUntil.getTime()) {
      return new CouponExpiredError(campaign.validUntil);
    }
    // One issuer per (campaign, customer) at a time, so two concurrent calls return the same code.
    await this.codes.lockIssuing(ctx, campaign.id, customer.id);
    const already = await this.codes.findUnusedIssued(ctx, campaign.id, customer.id);
    const code = already ?? (await this.codes.issueNext(ctx, campaign.id, customer.id, now));
    if (!code) {
      this.logger.warn(`campaign ${campaign.id} has no unissued codes left`);
      return new NoCouponCodesAvailableError();
    }
    if (!already) {
      await this.events.issued(ctx, code, campaign, customer.id);
    }
    return { code, campaign, qr: await this.tokens.qrCodeFor(code.code) };
  }

  /** Codes issued to the customer (newest first, at most 100), used ones included. */
  async myCoupons(ctx: RequestContext, customerId: string): Promise<CodeWithCampaign[]> {
    const customer = await this.customers.getLive(ctx, customerId);
    return this.codes.listIssuedTo(ctx, customer.id, MY_COUPONS_LIMIT);
  }

  qrCodeFor(code: string): Promise<RenderedQrCode> {
    return this.tokens.qrCodeFor(code);
  }
}
