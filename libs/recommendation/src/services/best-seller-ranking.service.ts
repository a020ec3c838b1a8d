import { Inject, Injectable } from '@nestjs/common';
import { Clock, RequestContext } from '@omnitill/common';
import { RankedProduct, RecommendationQueryRepository } from '../repositories/recommendation-query.repository';
import { RECOMMENDATION_OPTIONS, RecommendationOptions } from '../recommendation.options';

const DAY_MS = 24 * 3600 * 1000;
/** The window of "best sellers" for cold start and fill-up. */
export const BEST_SELLER_DAYS = 30;
/**
 * Products kept per ranking: the most a request fills from (150) plus room for what it excludes
 * (the customer's own products and the co-purchase items already offered).
 */
export const BEST_SELLER_RANKING_LENGTH = 300;
/** Rankings kept at most (one per store, plus every store's); beyond, the cache starts over. */
const MAX_CACHED_RANKINGS = 10_000;

/**
 * The best sellers of the last 30 days per store (and of every store), most net units first.
 * Summing the daily sales costs O(products × days) (every store's: × stores), the same for every
 * request of a store, so each ranking is computed at most once per
 * RECOMMENDATION_BEST_SELLERS_CACHE_SECONDS per replica (0: every request) and shared by the
 * requests meanwhile, in flight included. What a request excludes and whether the products can be
 * offered stay per request.
 */
@Injectable()
export class BestSellerRanking {
  private readonly cache = new Map<string, { readonly ranking: Promise<RankedProduct[]>; readonly computedAtMs: number }>();

  constructor(
    @Inject(RECOMMENDATION_OPTIONS) private readonly options: RecommendationOptions,
    private readonly queries: RecommendationQueryRepository,
    private readonly clock: Clock,
  ) {}

  /** The store's ranking, or every store's for null. */
  rankingOf(storeId: string | null): Promise<RankedProduct[]> {
    const key = storeId ?? '*';
    const nowMs = this.clock.now().getTime();
    const maxAgeMs = this.options.bestSellersCacheSeconds * 1000;
    const cached = this.cache.get(key);
    if (cached && nowMs - cached.computedAtMs < maxAgeMs) {
      return cached.ranking;
    }
    const ranking = this.queries.bestSellerRanking(
      RequestContext.system('recommendation-best-sellers'), storeId, new Date(nowMs - BEST_SELLER_DAYS * DAY_MS), BEST_SELLER_RANKING_LENGTH,
    );
    if (maxAgeMs > 0) {
      if (this.cache.size >= MAX_CACHED_RANKINGS) {
        this.cache.clear();
      }
      const entry = { ranking, computedAtMs: nowMs };
      this.cache.set(key, entry);
      // A failed computation is not kept: the next request tries again.
      ranking.catch(() => {
        if (this.cache.get(key) === entry) {
          this.cache.delete(key);
        }
      });
    }
    return ranking;
  }
}
