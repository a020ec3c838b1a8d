import { Injectable } from '@nestjs/common';
import { Clock, NotFoundException, RequestContext } from '@omnitill/common';
import { CustomerProfileService } from '@omnitill/customer';
import { RecommendationRefusal, RecommendationsNotPermittedError } from '../errors/recommendation.errors';
import { RecommendationQueryRepository } from '../repositories/recommendation-query.repository';
import { assembleRecommendations, PurchaseBasis, Recommendation } from '../rules/recommendation-list';

const DAY_MS = 24 * 3600 * 1000;
/** The window of "best sellers" for cold start and fill-up. */
export const BEST_SELLER_DAYS = 30;
/** The most recent products a customer kept are the sources; older history adds little and costs. */
export const MAX_SOURCE_PRODUCTS = 20;

export interface CustomerRecommendations {
  readonly customerId: string;
  /** The store of the latest purchase (or the one asked for); null when unknown. */
  readonly usualStoreId: string | null;
  /** True when the customer has no purchase to recommend from (best sellers only). */
  readonly coldStart: boolean;
  readonly items: Recommendation[];
}

/** "Customers who bought X also bought Y" for one customer, with consent rules for marketing use. */
@Injectable()
export class RecommendationService {
  constructor(
    private readonly queries: RecommendationQueryRepository,
    private readonly profiles: CustomerProfileService,
    private readonly clock: Clock,
  ) {}

  /**
   * For integrations and support (marketing use): only with email marketing consent, never for an
   * erased profile; a merged duplicate answers for its survivor.
   */
  async forCustomer(ctx: RequestContext, customerId: string, limit: number, storeId: string | null): Promise<CustomerRecommendations | RecommendationsNotPermittedError> {
    const profile = await this.profiles.getProfile(ctx, customerId);
    const live = await this.profiles.followMerge(ctx, profile.customer);
    if (!live) {
      return new RecommendationsNotPermittedError(customerId, RecommendationRefusal.CUSTOMER_ERASED);
    }
    const consent = await this.profiles.marketingConsentOf(ctx, live.id);
    if (!consent?.emailMarketing) {
      return new RecommendationsNotPermittedError(live.id, RecommendationRefusal.NO_MARKETING_CONSENT);
    }
    return this.compute(ctx, live.id, limit, storeId);
  }

  /** The signed-in customer's own: no marketing consent needed, it is their data shown to them. */
  async forSignedInCustomer(ctx: RequestContext, limit: number): Promise<CustomerRecommendations> {
    if (ctx.actor.kind !== 'customer') {
      throw new NotFoundException('Customer');
    }
    const live = await this.profiles.getLive(ctx, ctx.actor.customerId);
    return this.compute(ctx, live.id, limit, null);
  }

  private async compute(ctx: RequestContext, customerId: string, limit: number, storeId: string | null): Promise<CustomerRecommendations> {
    const history = await this.queries.customerHistory(ctx, customerId);
    const usualStoreId = storeId ?? history.usualStoreId;
    const owned = history.products.map((product) => product.productId);
    const sources = history.products.filter((product) => product.keptUnits > 0).slice(0, MAX_SOURCE_PRODUCTS);
    const purchases = new Map<string, PurchaseBasis>(sources.map((product) => [product.productId, product]));
    const shortlist = Math.min(limit * 3, 150);
    const together = await this.queries.coPurchaseCandidates(ctx, [...purchases.keys()], owned, usualStoreId, shortlist);
    const needed = limit - Math.min(limit, together.length);
    const since = new Date(this.clock.now().getTime() - BEST_SELLER_DAYS * DAY_MS);
    const bestSellers = needed > 0
      ? await this.queries.bestSellers(ctx, usualStoreId, usualStoreId, since, [...owned, ...together.map((c) => c.productId)], Math.min(needed * 3, 150))
      : [];
    return {
      customerId,
      usualStoreId,
      coldStart: sources.length === 0,
      items: assembleRecommendations(together, bestSellers, purchases, limit),
    };
  }
}
