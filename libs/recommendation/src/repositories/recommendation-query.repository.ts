import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { entityManagerOf, queryRows, RequestContext } from '@omnitill/common';
import { BestSellerCandidate, Offer, TogetherCandidate } from '../rules/recommendation-list';
import { PURCHASED_STATES_SQL } from './sql-rows';

/** A product the customer bought, with the latest order it was bought in. */
export interface PurchasedProduct {
  readonly productId: string;
  readonly productName: string;
  readonly orderId: string;
  readonly orderNumber: string;
  readonly purchasedAt: Date;
  /** Units still held (bought minus refused and returned, over completed orders). */
  readonly keptUnits: number;
}

export interface CustomerHistory {
  /** Every product in any of the customer's orders that was not cancelled, expired or voided. */
  readonly products: PurchasedProduct[];
  /** The store of the latest completed purchase. */
  readonly usualStoreId: string | null;
}

interface OfferableRow {
  product_id: string;
  name: string;
  variant_id: string;
  sku: string;
  price_amount: number;
  currency: string;
  at_usual: boolean;
}

/** How many co-purchase partners of each source product are considered (the strongest by count). */
export const PARTNERS_PER_SOURCE = 200;

/**
 * The variant to show for `c.product_id`: active, with available stock at the usual store ($U) or
 * at any store that holds stock (online orders ship or are collected from those), preferring one
 * available at the usual store. No such variant: the product is not offered.
 */
const OFFERABLE_VARIANT = (usualParam: string) => `
  JOIN product p ON p.id = c.product_id AND p.active
  CROSS JOIN LATERAL (
    SELECT v.id, v.sku, v.price_amount, v.currency,
           EXISTS (SELECT 1 FROM stock_level s WHERE s.variant_id = v.id AND s.store_id = ${usualParam}::uuid
                   AND s.on_hand - s.reserved - s.safety_stock > 0) AS at_usual
    FROM product_variant v
    WHERE v.product_id = c.product_id AND v.active
      AND EXISTS (SELECT 1 FROM stock_level s JOIN store st ON st.id = s.store_id
                  WHERE s.variant_id = v.id AND s.on_hand - s.reserved - s.safety_stock > 0
                    AND (s.store_id = ${usualParam}::uuid OR st.holds_stock))
    ORDER BY at_usual DESC, v.price_amount, v.sku
    LIMIT 1
  ) v`;

const OFFERABLE_COLUMNS = 'p.id AS product_id, p.name, v.id AS variant_id, v.sku, v.price_amount, v.currency, v.at_usual';

function offerable(row: OfferableRow): Offer {
  return {
    productId: row.product_id, name: row.name, variantId: row.variant_id, sku: row.sku,
    priceAmount: row.price_amount, currency: row.currency, availableAtUsualStore: row.at_usual,
  };
}

/** The recommendation read path: a few index-backed statements per request. */
@Injectable()
export class RecommendationQueryRepository {
  constructor(private readonly dataSource: DataSource) {}

  async customerHistory(ctx: RequestContext, customerId: string): Promise<CustomerHistory> {
    const manager = entityManagerOf(ctx, this.dataSource);
    const rows = await queryRows<{ product_id: string; name: string; order_id: string; order_number: string; purchased_at: Date; kept: string }>(
      manager,
      `SELECT v.product_id, p.name,
              (array_agg(o.id ORDER BY o.occurred_at DESC, o.id))[1] AS order_id,
              (array_agg(o.number ORDER BY o.occurred_at DESC, o.id))[1] AS order_number,
              max(o.occurred_at) AS purchased_at,
              sum(CASE WHEN o.state IN ${PURCHASED_STATES_SQL} THEN l.quantity - l.refused_quantity - l.returned_quantity ELSE 0 END) AS kept
       FROM "order" o
       JOIN order_line l ON l.order_id = o.id
       JOIN product_variant v ON v.id = l.variant_id
       JOIN product p ON p.id = v.product_id
       WHERE o.customer_id = $1 AND o.state NOT IN ('CANCELLED', 'EXPIRED', 'VOIDED')
       GROUP BY v.product_id, p.name
       ORDER BY purchased_at DESC, v.product_id`,
      [customerId],
    );
    const [usual] = await queryRows<{ store_id: string }>(
      manager,
      `SELECT store_id FROM "order" WHERE customer_id = $1 AND state IN ${PURCHASED_STATES_SQL} ORDER BY occurred_at DESC, id LIMIT 1`,
      [customerId],
    );
    return {
      products: rows.map((row) => ({
        productId: row.product_id, productName: row.name, orderId: row.order_id, orderNumber: row.order_number,
        purchasedAt: row.purchased_at, keptUnits: Number(row.kept),
      })),
      usualStoreId: usual?.store_id ?? null,
    };
  }

  /**
   * For each source product its strongest partners (by co-purchase count, index range scan), scored
   * by cosine; per candidate the best-scoring source; the best `shortlist` candidates, then only
   * those offerable. Scored in SQL so that only the shortlist is checked for stock.
   */
  async coPurchaseCandidates(
    ctx: RequestContext,
    sourceProductIds: readonly string[],
    excludedProductIds: readonly string[],
    usualStoreId: string | null,
    shortlist: number,
  ): Promise<TogetherCandidate[]> {
    if (sourceProductIds.length === 0) {
      return [];
    }
    const rows = await queryRows<OfferableRow & { source_id: string; co: number; source_buyers: number; candidate_buyers: number }>(
      entityManagerOf(ctx, this.dataSource),
      `WITH candidates AS (
         SELECT cp.product_id AS source_id, cp.other_product_id AS product_id, cp.baskets AS co,
                sa.baskets AS source_buyers, sb.baskets AS candidate_buyers,
                cp.baskets / sqrt(sa.baskets::float8 * sb.baskets::float8) AS score
         FROM unnest($1::uuid[]) AS src(product_id)
         JOIN recommendation_product_buyers sa ON sa.product_id = src.product_id AND sa.baskets > 0
         CROSS JOIN LATERAL (
           SELECT x.product_id, x.other_product_id, x.baskets FROM recommendation_co_purchase x
           WHERE x.product_id = src.product_id AND x.baskets > 0
           ORDER BY x.baskets DESC LIMIT ${PARTNERS_PER_SOURCE}
         ) cp
         JOIN recommendation_product_buyers sb ON sb.product_id = cp.other_product_id AND sb.baskets > 0
         WHERE cp.other_product_id <> ALL($2::uuid[])
       ),
       best AS MATERIALIZED (
         SELECT * FROM (
           SELECT DISTINCT ON (product_id) * FROM candidates ORDER BY product_id, score DESC, source_id
         ) d
         ORDER BY score DESC, product_id
         LIMIT $4
       )
       SELECT ${OFFERABLE_COLUMNS}, c.source_id, c.co, c.source_buyers, c.candidate_buyers
       FROM best c ${OFFERABLE_VARIANT('$3')}
       ORDER BY c.score DESC, c.product_id`,
      [sourceProductIds, excludedProductIds, usualStoreId, shortlist],
    );
    return rows.map((row) => ({
      ...offerable(row), sourceProductId: row.source_id, coPurchases: row.co, sourceBuyers: row.source_buyers, candidateBuyers: row.candidate_buyers,
    }));
  }

  /** Net units sold since `since` at the store (or everywhere), most first, offerable ones only. */
  async bestSellers(
    ctx: RequestContext,
    storeId: string | null,
    usualStoreId: string | null,
    since: Date,
    excludedProductIds: readonly string[],
    shortlist: number,
  ): Promise<BestSellerCandidate[]> {
    const storeFilter = storeId === null ? '$1::uuid IS NULL' : 'ds.store_id = $1::uuid';
    const rows = await queryRows<OfferableRow & { units: string }>(
      entityManagerOf(ctx, this.dataSource),
      `WITH c AS MATERIALIZED (
         SELECT ds.product_id, sum(ds.units) AS units
         FROM recommendation_store_daily_sales ds
         WHERE ${storeFilter} AND ds.day >= ($2::timestamptz AT TIME ZONE 'UTC')::date AND ds.product_id <> ALL($3::uuid[])
         GROUP BY ds.product_id
         HAVING sum(ds.units) > 0
         ORDER BY units DESC, ds.product_id
         LIMIT $5
       )
       SELECT ${OFFERABLE_COLUMNS}, c.units
       FROM c ${OFFERABLE_VARIANT('$4')}
       ORDER BY c.units DESC, c.product_id`,
      [storeId, since, excludedProductIds, usualStoreId, shortlist],
    );
    return rows.map((row) => ({ ...offerable(row), units: Number(row.units) }));
  }
}
