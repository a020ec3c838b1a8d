import { assembleRecommendations, PurchaseBasis, RecommendationReason } from './recommendation-list';

const offer = (productId: string) => ({ productId, name: productId, variantId: `${productId}-v`, sku: productId.toUpperCase(), priceAmount: 1000, currency: 'EUR', availableAtUsualStore: true });
const shoes: PurchaseBasis = { productId: 'shoes', productName: 'Shoes', orderId: 'o1', orderNumber: 'B-P-1', purchasedAt: new Date('2030-01-01T10:00:00Z') };

describe('assembleRecommendations', () => {
  it('ranks co-purchases by cosine, says which purchase each follows from, then fills with best sellers', () => {
    const sut = assembleRecommendations(
      [
        { ...offer('cap'), sourceProductId: 'shoes', coPurchases: 1, sourceBuyers: 5, candidateBuyers: 1 },
        { ...offer('socks'), sourceProductId: 'shoes', coPurchases: 3, sourceBuyers: 5, candidateBuyers: 3 },
      ],
      [{ ...offer('socks'), units: 9 }, { ...offer('jacket'), units: 5 }],
      new Map([['shoes', shoes]]),
      10,
    );
    expect(sut.map((r) => [r.productId, r.reason, r.because?.orderNumber ?? null, r.unitsSold])).toEqual([
      ['socks', RecommendationReason.BOUGHT_TOGETHER, 'B-P-1', null],
      ['cap', RecommendationReason.BOUGHT_TOGETHER, 'B-P-1', null],
      ['jacket', RecommendationReason.BEST_SELLER, null, 5],
    ]);
    expect(sut[0].score).toBeCloseTo(3 / Math.sqrt(15), 12);
    expect(sut[1].score).toBeCloseTo(1 / Math.sqrt(5), 12);
  });

  it('stops at the limit and drops a candidate whose source purchase is unknown', () => {
    const sut = assembleRecommendations(
      [{ ...offer('socks'), sourceProductId: 'gone', coPurchases: 3, sourceBuyers: 3, candidateBuyers: 3 }],
      [{ ...offer('a'), units: 3 }, { ...offer('b'), units: 2 }],
      new Map([['shoes', shoes]]),
      1,
    );
    expect(sut.map((r) => r.productId)).toEqual(['a']);
  });
});
