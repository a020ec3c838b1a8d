import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Money } from '@omnitill/common';
import { PurchaseBasis, Recommendation, RecommendationReason } from '../../rules/recommendation-list';
import { CustomerRecommendations } from '../../services/recommendation.service';

registerEnumType(RecommendationReason, { name: 'RecommendationReason' });

@ObjectType('RecommendationBasis', { description: 'The purchase a recommendation follows from.' })
export class RecommendationBasisType {
  @Field(() => ID)
  productId!: string;

  @Field(() => String)
  productName!: string;

  @Field(() => ID, { description: 'The latest order in which the customer bought it.' })
  orderId!: string;

  @Field(() => String)
  orderNumber!: string;

  @Field(() => Date)
  purchasedAt!: Date;

  static from(basis: PurchaseBasis): RecommendationBasisType {
    return Object.assign(new RecommendationBasisType(), {
      productId: basis.productId, productName: basis.productName, orderId: basis.orderId, orderNumber: basis.orderNumber, purchasedAt: basis.purchasedAt,
    });
  }
}

@ObjectType('RecommendedProduct')
export class RecommendedProductType {
  @Field(() => ID)
  productId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => ID, { description: 'A variant to show: active and available, preferably at the usual store.' })
  variantId!: string;

  @Field(() => String)
  sku!: string;

  @Field(() => Money)
  price!: Money;

  @Field(() => RecommendationReason)
  reason!: RecommendationReason;

  @Field(() => Float, { description: 'Cosine similarity co(X,Y) / sqrt(n(X) n(Y)) in [0, 1] for BOUGHT_TOGETHER; 0 for best sellers.' })
  score!: number;

  @Field(() => RecommendationBasisType, { nullable: true, description: 'Why: the purchase it follows from (BOUGHT_TOGETHER).' })
  because!: RecommendationBasisType | null;

  @Field(() => Int, { nullable: true, description: 'Net units sold in the last 30 days (BEST_SELLER).' })
  unitsSold!: number | null;

  @Field(() => Boolean, { description: 'Available at the usual store; otherwise available online.' })
  availableAtUsualStore!: boolean;

  static from(item: Recommendation): RecommendedProductType {
    return Object.assign(new RecommendedProductType(), {
      productId: item.productId,
      name: item.name,
      variantId: item.variantId,
      sku: item.sku,
      price: new Money(item.priceAmount, item.currency),
      reason: item.reason,
      score: item.score,
      because: item.because ? RecommendationBasisType.from(item.because) : null,
      unitsSold: item.unitsSold,
      availableAtUsualStore: item.availableAtUsualStore,
    });
  }
}

@ObjectType('Recommendations')
export class RecommendationsType {
  @Field(() => ID)
  customerId!: string;

  @Field(() => ID, { nullable: true, description: "The store of the customer's latest purchase (or the one asked for)." })
  usualStoreId!: string | null;

  @Field(() => Boolean, { description: 'No purchase history: best sellers only.' })
  coldStart!: boolean;

  @Field(() => [RecommendedProductType])
  items!: RecommendedProductType[];

  static from(result: CustomerRecommendations): RecommendationsType {
    return Object.assign(new RecommendationsType(), {
      customerId: result.customerId,
      usualStoreId: result.usualStoreId,
      coldStart: result.coldStart,
      items: result.items.map(RecommendedProductType.from),
    });
  }
}
