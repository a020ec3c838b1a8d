import { Injectable } from '@nestjs/common';
import { NotFoundException, RequestContext } from '@omnitill/common';
import { CustomerProfileService } from '@omnitill/customer';
import { RecommendationRefusal, RecommendationsNotPermittedError } from '../errors/recommendation.errors';
import { RecommendationQueryRepository } from '../repositories/recommendation-query.repository';
import { assembleRecommendations, PurchaseBasis, Recommendation } from '../rules/recommendation-list';
import { BestSellerRanking } from './best-seller-ranking.service';

/** The most recent products a customer kept are the sources; older history adds little and costs. */
export const MAX_SOURCE_PRODUCTS = 20;
/** Candidates considered per kind: a few times the limit, since some cannot be offered (stock). */
export const MAX_SHORTLIST = 150;

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
    private readonly bestSellers: BestSellerRanking,
  ) {}

  /**
   * For integrations and support (marketing use): only with email marketing consent, never for an
   * erased profile; a merged duplicate answers for its survivor.
   */
  async forCustomer(ctx: RequestContext, customerId: string, limit: number, storeId: string | null): Promise<CustomerRecommendations | RecommendationsNotPermittedError> {
    const live = await this.profiles.resolveLive(ctx, customerId);
    if (!live) {
      // Unknown (NOT_FOUND) or erased, itself or the survivor it was merged into.
      await this.profiles.getProfile(ctx, customerId);
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

  /** Two statements: the customer's history, then every candidate (see RecommendationQueryRepository). */
  private async compute(ctx: RequestContext, customerId: string, limit: number, storeId: string | null): Promise<CustomerRecommendations> {
    const history = await this.queries.customerHistory(ctx, customerId);
    const usualStoreId = storeId ?? history.usualStoreId;
    const owned = history.products.map((product) => product.productId);
    const sources = history.products.filter((product) => product.keptUnits > 0).slice(0, MAX_SOURCE_PRODUCTS);
    const purchases = new Map<string, PurchaseBasis>(sources.map((product) => [product.productId, product]));
    const shortlist = Math.min(limit * 3, MAX_SHORTLIST);
    const ranking = await this.bestSellers.rankingOf(usualStoreId);
    const candidates = await this.queries.candidates(ctx, {
      sourceProductIds: [...purchases.keys()],
      excludedProductIds: owned,
      usualStoreId,
      limit,
      shortlist,
      // Enough for `shortlist` after removing the customer's products and the co-purchase shortlist.
      bestSellers: ranking.slice(0, 2 * shortlist + owned.length),
    });
    return {
      customerId,
      usualStoreId,
      coldStart: sources.length === 0,
      items: assembleRecommendations(candidates.together, candidates.bestSellers, purchases, limit),
    };
  }
}
