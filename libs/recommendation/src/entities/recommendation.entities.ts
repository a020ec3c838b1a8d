import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** What kind of committed change a marker stands for. */
export enum AppliedSourceType {
  /** A completed sale, a collected pickup order or a shipped order: its units count. */
  ORDER = 'ORDER',
  /** A voided sale: its units stop counting. */
  VOID = 'VOID',
  /** A received return: its units stop counting. */
  RETURN = 'RETURN',
}

/**
 * One row per change already folded into the counts. Inserting it (ON CONFLICT DO NOTHING) in the
 * transaction that updates the counts makes every application exactly once, whichever replica or
 * retry gets there first.
 */
@Entity('recommendation_applied')
@Check('chk_recommendation_applied_source_type', "source_type IN ('ORDER', 'VOID', 'RETURN')")
export class RecommendationAppliedEntity {
  @PrimaryColumn({ name: 'source_type', type: 'varchar', length: 16, primaryKeyConstraintName: 'pk_recommendation_applied' })
  sourceType!: AppliedSourceType;

  @PrimaryColumn({ name: 'source_id', type: 'uuid', primaryKeyConstraintName: 'pk_recommendation_applied' })
  sourceId!: string;

  @Column({ name: 'applied_at', type: 'timestamptz', default: () => 'now()' })
  appliedAt!: Date;
}

/**
 * The net units of a product a basket holds: a basket is a customer (every channel, every store)
 * or, for a sale without a customer, that one order. Rows at zero units are deleted.
 */
@Entity('recommendation_basket_item')
@Check('chk_recommendation_basket_item_units', '"units" > 0')
export class RecommendationBasketItemEntity {
  @PrimaryColumn({ name: 'basket_id', type: 'uuid', primaryKeyConstraintName: 'pk_recommendation_basket_item' })
  basketId!: string;

  @PrimaryColumn({ name: 'product_id', type: 'uuid', primaryKeyConstraintName: 'pk_recommendation_basket_item' })
  productId!: string;

  @Column({ type: 'integer' })
  units!: number;
}

/** n(X): how many baskets hold product X. */
@Entity('recommendation_product_buyers')
@Check('chk_recommendation_product_buyers_baskets', '"baskets" >= 0')
export class RecommendationProductBuyersEntity {
  @PrimaryColumn({ name: 'product_id', type: 'uuid', primaryKeyConstraintName: 'pk_recommendation_product_buyers' })
  productId!: string;

  @Column({ type: 'integer' })
  baskets!: number;

  /**
   * n(X) when every pair score of X (both directions) was last recomputed. When `baskets` has
   * drifted from it by more than RESCORE_DRIFT, the catch-up recomputes them (see README.md).
   */
  @Column({ name: 'scored_baskets', type: 'integer', default: 0 })
  scoredBaskets!: number;
}

/**
 * co(X, Y): how many baskets hold both X and Y, and the cosine score of the pair as of its last
 * write. Stored in both directions so "what goes with X" is one index range scan, best first.
 */
@Entity('recommendation_co_purchase')
@Check('chk_recommendation_co_purchase_baskets', '"baskets" >= 0')
@Check('chk_recommendation_co_purchase_pair', '"product_id" <> "other_product_id"')
@Index('idx_recommendation_co_purchase_best', ['productId', 'score'])
export class RecommendationCoPurchaseEntity {
  @PrimaryColumn({ name: 'product_id', type: 'uuid', primaryKeyConstraintName: 'pk_recommendation_co_purchase' })
  productId!: string;

  @PrimaryColumn({ name: 'other_product_id', type: 'uuid', primaryKeyConstraintName: 'pk_recommendation_co_purchase' })
  otherProductId!: string;

  @Column({ type: 'integer' })
  baskets!: number;

  /**
   * co / sqrt(n(X) · n(Y)) with the counts of the pair's last write (or of the last rescore of X or
   * Y): it orders the candidates; the score shown is recomputed from the current counts.
   */
  @Column({ type: 'double precision', default: 0 })
  score!: number;
}

/** Net units sold per store, UTC day and product: the best sellers of cold start, without scanning orders. */
@Entity('recommendation_store_daily_sales')
@Index('idx_recommendation_store_daily_sales_day', ['day', 'productId'])
export class RecommendationStoreDailySalesEntity {
  @PrimaryColumn({ name: 'store_id', type: 'uuid', primaryKeyConstraintName: 'pk_recommendation_store_daily_sales' })
  storeId!: string;

  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'pk_recommendation_store_daily_sales' })
  day!: string;

  @PrimaryColumn({ name: 'product_id', type: 'uuid', primaryKeyConstraintName: 'pk_recommendation_store_daily_sales' })
  productId!: string;

  @Column({ type: 'integer' })
  units!: number;
}

export const RECOMMENDATION_ENTITY_CLASSES = [
  RecommendationAppliedEntity,
  RecommendationBasketItemEntity,
  RecommendationProductBuyersEntity,
  RecommendationCoPurchaseEntity,
  RecommendationStoreDailySalesEntity,
];
