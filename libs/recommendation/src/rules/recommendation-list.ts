import { cosineSimilarity } from './basket-change';

export enum RecommendationReason {
  /** Customers who bought a product this customer bought also bought this one. */
  BOUGHT_TOGETHER = 'BOUGHT_TOGETHER',
  /** A best seller of the customer's usual store (or of every store) in the last 30 days. */
  BEST_SELLER = 'BEST_SELLER',
}

export interface PurchaseBasis {
  readonly productId: string;
  readonly productName: string;
  readonly orderId: string;
  readonly orderNumber: string;
  readonly purchasedAt: Date;
}

export interface Offer {
  readonly productId: string;
  readonly name: string;
  readonly variantId: string;
  readonly sku: string;
  readonly priceAmount: number;
  readonly currency: string;
  readonly availableAtUsualStore: boolean;
}

export interface Recommendation extends Offer {
  readonly reason: RecommendationReason;
  /** Cosine similarity for BOUGHT_TOGETHER; 0 for best sellers. */
  readonly score: number;
  /** The purchase it follows from (BOUGHT_TOGETHER only). */
  readonly because: PurchaseBasis | null;
  /** Net units sold in the window (BEST_SELLER only). */
  readonly unitsSold: number | null;
}

export interface TogetherCandidate extends Offer {
  readonly sourceProductId: string;
  readonly coPurchases: number;
  readonly sourceBuyers: number;
  readonly candidateBuyers: number;
}

export interface BestSellerCandidate extends Offer {
  readonly units: number;
}

/**
 * Co-purchase recommendations first (by cosine score), then best sellers to fill up to `limit`;
 * each product once. A candidate whose source purchase is unknown is dropped (it cannot say why).
 */
export function assembleRecommendations(
  together: readonly TogetherCandidate[],
  bestSellers: readonly BestSellerCandidate[],
  purchases: ReadonlyMap<string, PurchaseBasis>,
  limit: number,
): Recommendation[] {
  const seen = new Set<string>();
  const result: Recommendation[] = [];
  const scored = together
    .map((candidate) => ({ candidate, score: cosineSimilarity(candidate.coPurchases, candidate.sourceBuyers, candidate.candidateBuyers) }))
    .sort((a, b) => b.score - a.score || (a.candidate.productId < b.candidate.productId ? -1 : 1));
  for (const { candidate, score } of scored) {
    const because = purchases.get(candidate.sourceProductId);
    if (result.length >= limit || !because || seen.has(candidate.productId)) {
      continue;
    }
    seen.add(candidate.productId);
    result.push({ ...offerOf(candidate), reason: RecommendationReason.BOUGHT_TOGETHER, score, because, unitsSold: null });
  }
  for (const candidate of bestSellers) {
    if (result.length >= limit || seen.has(candidate.productId)) {
      continue;
    }
    seen.add(candidate.productId);
    result.push({ ...offerOf(candidate), reason: RecommendationReason.BEST_SELLER, score: 0, because: null, unitsSold: candidate.units });
  }
  return result;
}

function offerOf(candidate: Offer): Offer {
  return {
    productId: candidate.productId, name: candidate.name, variantId: candidate.variantId, sku: candidate.sku,
    priceAmount: candidate.priceAmount, currency: candidate.currency, availableAtUsualStore: candidate.availableAtUsualStore,
  };
}
