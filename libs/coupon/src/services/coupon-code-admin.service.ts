import { Injectable, Logger } from '@nestjs/common';
import { isUniqueViolation, NotFoundException, Page, RequestContext } from '@omnitill/common';
import { RenderedQrCode } from '@omnitill/customer';
import { COUPON_CODE_UNIQUE_INDEX, CouponCodeEntity } from '../entities/coupon-code.entity';
import { DuplicateCouponCodeError } from '../errors/coupon.errors';
import { CouponCodeRepository } from '../repositories/coupon-code.repository';
import { generateCouponCodes, normaliseCouponCode } from '../rules/coupon-code';
import { CampaignAdminService } from './campaign-admin.service';
import { CouponTokenService } from './coupon-token.service';

export const MAX_CODES_PER_CALL = 10_000;
// Collisions at 59 bits are practically impossible; the bound only stops a broken RNG from looping.
const MAX_TOP_UPS = 5;

/** Codes of a campaign: bulk single-use codes, shared codes, listings and QR codes. */
@Injectable()
export class CouponCodeAdminService {
  private readonly logger = new Logger(CouponCodeAdminService.name);

  constructor(
    private readonly codes: CouponCodeRepository,
    private readonly campaigns: CampaignAdminService,
    private readonly tokens: CouponTokenService,
  ) {}

  /**
   * Adds `count` single-use codes in one INSERT ... SELECT unnest(...) ON CONFLICT DO NOTHING; a
   * code that already exists is skipped and replaced in a top-up round. Returns how many were made.
   */
  async generate(ctx: RequestContext, campaignId: string, count: number): Promise<number> {
    if (!Number.isInteger(count) || count < 1 || count > MAX_CODES_PER_CALL) {
      throw new Error(`count must be 1..${MAX_CODES_PER_CALL}`);
    }
    await this.campaigns.getEntity(ctx, campaignId);
    let inserted = 0;
    for (let round = 0; inserted < count; round++) {
      if (round > MAX_TOP_UPS) {
        throw new Error(`could not generate ${count} distinct codes (got ${inserted}): is the RNG broken?`);
      }
      inserted += await this.codes.insertUnique(ctx, campaignId, [...new Set(generateCouponCodes(count - inserted))]);
    }
    this.logger.log(`${inserted} codes generated for campaign ${campaignId} by ${ctx.actorLabel}`);
    return inserted;
  }

  async createShared(ctx: RequestContext, campaignId: string, rawCode: string, maxUses: number | null): Promise<CouponCodeEntity | DuplicateCouponCodeError> {
    await this.campaigns.getEntity(ctx, campaignId);
    const code = normaliseCouponCode(rawCode);
    if (code === null) {
      throw new Error(`Unvalidated code reached the coupon lib: ${rawCode}`);
    }
    if (await this.codes.findByCodeWithCampaign(ctx, code)) {
      return new DuplicateCouponCodeError(code);
    }
    try {
      return await this.codes.insertShared(ctx, campaignId, code, maxUses);
    } catch (error) {
      if (isUniqueViolation(error, COUPON_CODE_UNIQUE_INDEX)) {
        return new DuplicateCouponCodeError(code);
      }
      throw error;
    }
  }

  async list(ctx: RequestContext, campaignId: string, skip: number, take: number): Promise<Page<CouponCodeEntity>> {
    await this.campaigns.getEntity(ctx, campaignId);
    return this.codes.listByCampaign(ctx, campaignId, skip, take);
  }

  /** The QR code of any code, for staff printing shared codes or re-sending one. */
  async qrCode(ctx: RequestContext, rawCode: string): Promise<RenderedQrCode> {
    const code = normaliseCouponCode(rawCode);
    const found = code === null ? null : await this.codes.findByCodeWithCampaign(ctx, code);
    if (!found) {
      throw new NotFoundException('Coupon code');
    }
    return this.tokens.qrCodeFor(found.code);
  }
}
