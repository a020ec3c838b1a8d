import { Injectable, Logger } from '@nestjs/common';
import { BadInputException, Clock, DomainException, ErrorCode, FieldError, ForbiddenException, MAX_MONEY_AMOUNT, RequestContext } from '@omnitill/common';
import { CatalogQueryService } from '@omnitill/catalog';
import { CustomerProfileService } from '@omnitill/customer';
import { StoreService } from '@omnitill/store';
import { RedemptionLineDiscount } from '../entities/coupon-redemption.entity';
import { CouponChannel } from '../entities/coupon.enums';
import { InvalidCouponTokenError, UnknownCouponError } from '../errors/coupon.errors';
import { CodeWithCampaign, CouponCodeRepository } from '../repositories/coupon-code.repository';
import { CouponGuessRepository } from '../repositories/coupon-guess.repository';
import { COUPON_GUESS_WINDOW_MS, couponGuessCaller, couponGuessRetryAfter } from '../rules/coupon-guessing';
import { firstRuleViolation, RuleViolation } from '../rules/coupon-eligibility';
import { calculateDiscount, DiscountBreakdown } from '../rules/discount-calculator';
import { CouponBasket, CouponBasketLine, ResolvedLine } from './coupon-basket';
import { CouponTokenService } from './coupon-token.service';

/** A code that applies to a basket, before its counters are checked. */
export interface CouponEvaluation {
  readonly code: CodeWithCampaign;
  readonly storeId: string | null;
  readonly channel: CouponChannel;
  /** The live identified customer, or null. */
  readonly customerId: string | null;
  readonly breakdown: DiscountBreakdown;
  /** Index-aligned with the basket lines. */
  readonly lineDiscounts: RedemptionLineDiscount[];
}

export type EvaluationError = UnknownCouponError | InvalidCouponTokenError | RuleViolation;

/**
 * Everything preview and redemption share: where and for whom the basket is (from the caller's
 * context where it can be: a terminal sells in its store, in the POS channel), which code is meant,
 * which items the lines are, and whether the campaign's rules allow the code on this basket.
 * Broken input throws (BAD_USER_INPUT, FORBIDDEN, NOT_FOUND); a code that does not apply is a typed result.
 */
@Injectable()
export class CouponEvaluationService {
  private readonly logger = new Logger(CouponEvaluationService.name);

  constructor(
    private readonly codes: CouponCodeRepository,
    private readonly tokens: CouponTokenService,
    private readonly catalog: CatalogQueryService,
    private readonly stores: StoreService,
    private readonly customers: CustomerProfileService,
    private readonly clock: Clock,
    private readonly guesses: CouponGuessRepository,
  ) {}

  async evaluate(ctx: RequestContext, basket: CouponBasket): Promise<CouponEvaluation | EvaluationError> {
    const storeId = await this.resolveStore(ctx, basket);
    const customerId = await this.resolveCustomer(ctx, basket.customerId);
    const lines = await this.resolveLines(ctx, basket.lines);
    const caller = couponGuessCaller(ctx);
    await this.refuseWhileGuessing(ctx, caller);
    const code = this.tokens.codeOf(basket.codeOrToken);
    if (typeof code !== 'string') {
      await this.guesses.record(ctx, caller, this.clock.now());
      return code;
    }
    const found = await this.codes.findByCodeWithCampaign(ctx, code);
    if (!found) {
      await this.guesses.record(ctx, caller, this.clock.now());
      return new UnknownCouponError();
    }
    const breakdown = calculateDiscount(found.campaign, lines);
    const violation = firstRuleViolation(
      found.campaign,
      { now: this.clock.now(), channel: basket.channel, storeId, currency: basket.currency, customerId, issuedToCustomerId: found.issuedToCustomerId },
      breakdown,
    );
    if (violation) {
      return violation;
    }
    const lineDiscounts = lines.map((line) => ({
      lineIndex: line.lineIndex,
      variantId: line.variantId,
      sku: line.sku,
      discountAmount: breakdown.lineDiscounts[line.lineIndex],
    }));
    return { code: found, storeId, channel: basket.channel, customerId, breakdown, lineDiscounts };
  }

  /** Too many unknown codes from this caller lately: refuse (and log) until the window frees up. */
  private async refuseWhileGuessing(ctx: RequestContext, caller: string): Promise<void> {
    const now = this.clock.now();
    const failures = await this.guesses.failuresSince(ctx, caller, new Date(now.getTime() - COUPON_GUESS_WINDOW_MS));
    const retryAfter = couponGuessRetryAfter(failures, now);
    if (retryAfter !== null) {
      this.logger.warn(`coupon look-ups refused for ${caller} (${failures.count} unknown codes, ip ${ctx.ip ?? 'unknown'})`);
      throw new DomainException(ErrorCode.TOO_MANY_REQUESTS, `Too many unknown coupon codes; try again in ${retryAfter} seconds`);
    }
  }

  /** The store comes from the session where there is one; staff act only in their stores. */
  private async resolveStore(ctx: RequestContext, basket: CouponBasket): Promise<string | null> {
    const staff = ctx.staff;
    if (staff?.terminalId && basket.channel !== CouponChannel.POS) {
      throw new BadInputException('A terminal sells in the POS channel', [{ field: 'channel', messages: ['must be POS on a terminal'] }]);
    }
    if (!staff && basket.channel !== CouponChannel.ONLINE) {
      throw new BadInputException('Storefront and customer baskets are ONLINE', [{ field: 'channel', messages: ['must be ONLINE'] }]);
    }
    const storeId = basket.storeId ?? staff?.terminalStoreId ?? null;
    if (storeId === null) {
      return null;
    }
    if (staff) {
      ctx.assertCanActInStore(storeId);
    }
    // Read at most STORE_CACHE_SECONDS ago (NOT_FOUND when unknown): every coupon sale passes here.
    await this.stores.getRecent(ctx, storeId);
    return storeId;
  }

  /** A customer caller is always itself; others may name a customer, resolved to the live profile. */
  private async resolveCustomer(ctx: RequestContext, customerId: string | null): Promise<string | null> {
    if (ctx.actor.kind === 'customer') {
      if (customerId !== null && customerId !== ctx.actor.customerId) {
        throw new ForbiddenException('A customer can only use coupons for themselves');
      }
      return (await this.customers.getLive(ctx, ctx.actor.customerId)).id;
    }
    return customerId === null ? null : (await this.customers.getLive(ctx, customerId)).id;
  }

  /** Fills in the SKU (and variant) of each line with one catalog query per kind. */
  private async resolveLines(ctx: RequestContext, lines: readonly CouponBasketLine[]): Promise<ResolvedLine[]> {
    const errors: FieldError[] = [];
    lines.forEach((line, index) => {
      if (!line.variantId && !line.sku) {
        errors.push({ field: `lines.${index}`, messages: ['a line needs a variantId or a sku'] });
      }
    });
    const basketAmount = lines.reduce((sum, line) => sum + line.quantity * line.unitPriceAmount, 0);
    if (basketAmount > MAX_MONEY_AMOUNT) {
      errors.push({ field: 'lines', messages: [`the basket total must not exceed ${MAX_MONEY_AMOUNT}`] });
    }
    const idsToResolve = lines.flatMap((line) => (line.variantId && !line.sku ? [line.variantId] : []));
    const skusToResolve = lines.flatMap((line) => (!line.variantId && line.sku ? [line.sku] : []));
    // Sequential on purpose: inside a caller's transaction both would share one connection anyway.
    const byId = idsToResolve.length > 0 ? await this.catalog.findVariantsByIds(ctx, idsToResolve) : [];
    const bySku = skusToResolve.length > 0 ? await this.catalog.findVariantsBySkus(ctx, skusToResolve) : [];
    const resolved = lines.map((line, lineIndex): ResolvedLine => {
      let variantId = line.variantId ?? null;
      let sku = line.sku?.trim().toUpperCase() ?? null;
      if (variantId !== null && sku === null) {
        sku = byId.find((variant) => variant.id === variantId)?.sku ?? null;
        if (sku === null) {
          errors.push({ field: `lines.${lineIndex}.variantId`, messages: ['unknown variant'] });
        }
      } else if (variantId === null && sku !== null) {
        // A SKU the catalog does not know (a service item) is fine: it just matches no eligible SKU list.
        variantId = bySku.find((variant) => variant.sku === sku)?.id ?? null;
      }
      return { lineIndex, variantId, sku: sku ?? '', quantity: line.quantity, unitPriceAmount: line.unitPriceAmount };
    });
    if (errors.length > 0) {
      throw new BadInputException(`Invalid basket: ${errors.map((error) => `${error.field} (${error.messages.join(', ')})`).join('; ')}`, errors);
    }
    return resolved;
  }
}
