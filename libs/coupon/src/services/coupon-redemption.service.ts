import { Injectable, Logger } from '@nestjs/common';
import { Clock, DomainException, ErrorCode, isErrorResult, isUniqueViolation, RequestContext, timeOrderedUuid } from '@omnitill/common';
import { COUPON_REDEMPTION_ACTIVE_UNIQUE_INDEX, CouponRedemptionEntity, RedemptionLineDiscount } from '../entities/coupon-redemption.entity';
import { CouponRedemptionState, CouponReversalReason } from '../entities/coupon.enums';
import { CouponAlreadyUsedByCustomerError, CouponError, CouponExhaustedError, CouponNotIssuedToCustomerError } from '../errors/coupon.errors';
import { CampaignRepository } from '../repositories/campaign.repository';
import { CouponCodeRepository } from '../repositories/coupon-code.repository';
import { CouponRedemptionRepository } from '../repositories/coupon-redemption.repository';
import { CouponBasket } from './coupon-basket';
import { CouponEvaluationService } from './coupon-evaluation.service';
import { CouponEventsService } from './coupon-events.service';

export interface CouponRedemptionRequest extends CouponBasket {
  /** The order or POS sale the code is used on. Redeeming the same code on it again returns the same redemption. */
  readonly orderId: string;
  /** The order is being created in this transaction (a till sale, a checkout): it cannot hold a redemption yet, so none is looked for. */
  readonly orderIsNew?: boolean;
}

/** A recorded use of a code, as the order lib stores it on the order. */
export interface Redemption {
  readonly redemptionId: string;
  readonly codeId: string;
  readonly code: string;
  readonly campaignId: string;
  readonly discountAmount: number;
  readonly currency: string;
  /** Index-aligned with the request's lines; sums to discountAmount. */
  readonly lineDiscounts: readonly RedemptionLineDiscount[];
  /** Whom the redemption is recorded for: the identified customer, else the code's owner, else null. */
  readonly customerId: string | null;
  /** The code's owner. With no identified customer, the order lib attaches the sale to them. */
  readonly issuedToCustomerId: string | null;
  readonly redeemedAt: Date;
}

function assertInTransaction(ctx: RequestContext, operation: string): void {
  if (!ctx.entityManager?.queryRunner?.isTransactionActive) {
    throw new Error(`CouponRedemptionService.${operation} must run inside the caller's transaction (ctx.entityManager)`);
  }
}

/**
 * Uses codes on orders, inside the order's transaction. Caps hold under any concurrency because
 * every counter changes only through a guarded UPDATE (zero rows = exhausted) and the CHECK
 * constraints back them; the per-customer cap counts redemptions with the campaign row locked.
 * Lock order is always campaign, then code, then redemption rows, so redemptions never deadlock.
 * A returned CouponError means the caller must roll back (counters may have moved).
 */
@Injectable()
export class CouponRedemptionService {
  private readonly logger = new Logger(CouponRedemptionService.name);

  constructor(
    private readonly evaluation: CouponEvaluationService,
    private readonly campaigns: CampaignRepository,
    private readonly codes: CouponCodeRepository,
    private readonly redemptions: CouponRedemptionRepository,
    private readonly events: CouponEventsService,
    private readonly clock: Clock,
  ) {}

  async redeem(ctx: RequestContext, request: CouponRedemptionRequest): Promise<Redemption | CouponError> {
    assertInTransaction(ctx, 'redeem');
    const evaluated = await this.evaluation.evaluate(ctx, request);
    if (isErrorResult(evaluated)) {
      return evaluated;
    }
    const { code } = evaluated;
    const { campaign } = code;
    const existing = request.orderIsNew ? null : await this.redemptions.findActive(ctx, code.id, request.orderId);
    if (existing) {
      return toRedemption(existing, code.code, code.issuedToCustomerId);
    }
    // An early answer only (same order of reasons as the preview); the guarded updates below decide.
    if (code.maxUses !== null && code.useCount >= code.maxUses) {
      return new CouponExhaustedError();
    }
    const owner = evaluated.customerId ?? code.issuedToCustomerId;
    if (campaign.perCustomerCap !== null && owner !== null) {
      await this.campaigns.lockById(ctx, campaign.id);
      if ((await this.redemptions.countActiveForCustomer(ctx, campaign.id, owner)) >= campaign.perCustomerCap) {
        return new CouponAlreadyUsedByCustomerError(campaign.perCustomerCap);
      }
    }
    // Only a capped campaign keeps a guarded counter: for an uncapped one it would be a hot row
    // serialising every sale of the campaign until commit. The cap is read under KEY SHARE, so a
    // cap set meanwhile (FOR UPDATE + recount) waits for this redemption, or this one sees the cap.
    const cap = await this.campaigns.currentCap(ctx, campaign.id);
    if (cap !== null && !(await this.campaigns.incrementRedemptions(ctx, campaign.id))) {
      return new CouponExhaustedError();
    }
    const use = await this.codes.incrementUse(ctx, code.id);
    if (!use) {
      return new CouponExhaustedError();
    }
    // The owner as the locked row says: the code may have been issued since we read it.
    if (use.issuedToCustomerId !== null && evaluated.customerId !== null && use.issuedToCustomerId !== evaluated.customerId) {
      return new CouponNotIssuedToCustomerError();
    }
    const redemption = Object.assign(new CouponRedemptionEntity(), {
      id: timeOrderedUuid(),
      codeId: code.id,
      campaignId: campaign.id,
      orderId: request.orderId,
      storeId: evaluated.storeId,
      channel: evaluated.channel,
      customerId: evaluated.customerId ?? use.issuedToCustomerId,
      discountAmount: evaluated.breakdown.discountAmount,
      currency: campaign.currency,
      lineDiscounts: evaluated.lineDiscounts,
      state: CouponRedemptionState.ACTIVE,
      redeemedAt: this.clock.now(),
      reversedAt: null,
    });
    try {
      await this.redemptions.insert(ctx, redemption, [await this.events.redeemedEvent(ctx, redemption, campaign)]);
    } catch (error) {
      // The same code went onto the same order in a concurrent request; a retry returns that redemption.
      if (isUniqueViolation(error, COUPON_REDEMPTION_ACTIVE_UNIQUE_INDEX)) {
        throw new DomainException(ErrorCode.CONFLICT, 'This code is being redeemed on this order concurrently; retry', [], true);
      }
      throw error;
    }
    return toRedemption(redemption, code.code, use.issuedToCustomerId);
  }

  /**
   * Reverses the order's active redemptions and gives their uses back (code and campaign). On a
   * full return, only campaigns with restoreOnFullReturn. Returns how many were reversed; 0 for an
   * order without (active) redemptions, so calling it twice is harmless.
   */
  async reverseForOrder(ctx: RequestContext, orderId: string, reason: CouponReversalReason = CouponReversalReason.ORDER_CANCELLED): Promise<number> {
    assertInTransaction(ctx, 'reverseForOrder');
    const reversed = await this.redemptions.reverseForOrder(ctx, orderId, this.clock.now(), reason === CouponReversalReason.FULL_RETURN);
    await this.campaigns.decrementRedemptions(ctx, reversed.map((row) => row.campaignId));
    await this.codes.decrementUses(ctx, reversed.map((row) => row.codeId));
    if (reversed.length > 0) {
      this.logger.log(`${reversed.length} redemption(s) of order ${orderId} reversed (${reason}) by ${ctx.actorLabel}`);
    }
    return reversed.length;
  }
}

function toRedemption(entity: CouponRedemptionEntity, code: string, issuedToCustomerId: string | null): Redemption {
  return {
    redemptionId: entity.id,
    codeId: entity.codeId,
    code,
    campaignId: entity.campaignId,
    discountAmount: entity.discountAmount,
    currency: entity.currency,
    lineDiscounts: entity.lineDiscounts,
    customerId: entity.customerId,
    issuedToCustomerId,
    redeemedAt: entity.redeemedAt,
  };
}
