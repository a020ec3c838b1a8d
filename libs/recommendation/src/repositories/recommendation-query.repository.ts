import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { entityManagerOf, queryPrepared, queryRows, RequestContext } from '@omnitill/common';
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
  /** Every product in any of the customer's orders that was not cancelled, expired or voided, latest first. */
  readonly products: PurchasedProduct[];
  /** The store of the latest completed purchase. */
  readonly usualStoreId: string | null;
}

/** A product's net units sold in the best-seller window. */
export interface RankedProduct {
  readonly productId: string;
  readonly units: number;
}

export interface CandidateQuery {
  /** Products the recommendations follow from, most recent purchase first. */
  readonly sourceProductIds: readonly string[];
  /** Never recommended: what the customer bought or returned. */
  readonly excludedProductIds: readonly string[];
  readonly usualStoreId: string | null;
  /** How many offerable products to answer. */
  readonly limit: number;
  /** Partners read per source, and candidates considered per kind (best first). */
  readonly shortlist: number;
  /** Best sellers to fill up with, most units first. */
  readonly bestSellers: readonly RankedProduct[];
}

export interface Candidates {
  /** Offerable co-purchase candidates, best stored score first (at most `limit`). */
  readonly together: TogetherCandidate[];
  /** Offerable best sellers filling up to `limit`, most units first. */
  readonly bestSellers: BestSellerCandidate[];
}

interface CandidateRow {
  kind: 'TOGETHER' | 'BEST_SELLER';
  product_id: string;
  name: string;
  variant_id: string;
  sku: string;
  price_amount: number;
  currency: string;
  at_usual: boolean;
  source_id: string | null;
  co: number | null;
  source_buyers: number | null;
  candidate_buyers: number | null;
  units: number | null;
}

/**
 * The variant to show for `c.product_id` (product active): the cheapest active variant with
 * available stock (on hand − reserved − safety) at the usual store ($3), else the cheapest with
 * available stock at a store that holds stock (online orders ship or are collected from those).
 * No such variant: no row, the product is not offered. The variants are walked cheapest first and
 * the walk stops at the first one available (the ordered subquery is fenced by OFFSET 0 so the
 * stock probe is a filter above the sort, evaluated row by row); the other stores are looked at
 * only when the usual one has none (the Append's second branch runs only if the first gave no row).
 */
const OFFERABLE_VARIANT = `
  CROSS JOIN LATERAL (
    SELECT p.name, w.variant_id, w.sku, w.price_amount, w.currency, w.at_usual
    FROM product p
    CROSS JOIN LATERAL (
      (SELECT v.id AS variant_id, v.sku, v.price_amount, v.currency, true AS at_usual
       FROM (SELECT * FROM product_variant v WHERE v.product_id = p.id AND v.active ORDER BY v.price_amount, v.sku OFFSET 0) v
       WHERE $3::uuid IS NOT NULL
         AND EXISTS (SELECT 1 FROM stock_level s WHERE s.store_id = $3::uuid AND s.variant_id = v.id
                     AND s.on_hand - s.reserved - s.safety_stock > 0)
       LIMIT 1)
      UNION ALL
      (SELECT v.id, v.sku, v.price_amount, v.currency, false
       FROM (SELECT * FROM product_variant v WHERE v.product_id = p.id AND v.active ORDER BY v.price_amount, v.sku OFFSET 0) v
       WHERE EXISTS (SELECT 1 FROM stock_level s JOIN store st ON st.id = s.store_id AND st.holds_stock
                     WHERE s.variant_id = v.id AND s.on_hand - s.reserved - s.safety_stock > 0)
       LIMIT 1)
      LIMIT 1
    ) w
    WHERE p.id = c.product_id AND p.active
    -- One row at most anyway; the LIMIT keeps this a per-candidate subquery (not flattened into a
    -- join with the candidates, which would lose their order and probe them all).
    LIMIT 1
  ) o`;

/**
 * Every candidate of one request, in ONE statement with bounded work:
 * 1. `together`: per source (≤ 20) its best `shortlist` partners not excluded, by stored score
 *    (index range scan on (product_id, score)); per candidate its best source; the best `shortlist`.
 * 2. then the given best sellers (ranking order), neither excluded nor among `together`.
 * 3. in that order (`part`, `position`), each checked for a variant to offer until `limit` are
 *    found: the subquery's order is the outer ORDER BY, so there is no sort above the nested loop
 *    and the LIMIT stops it: best sellers are probed only when co-purchases offer too few.
 * The counts of the exact score (n of source and candidate) are joined to the shortlist only.
 */
const CANDIDATES_SQL = `
  WITH together AS MATERIALIZED (
    SELECT best.product_id, best.source_id, best.co, best.score, sa.baskets AS source_buyers, sb.baskets AS candidate_buyers
    FROM (
      SELECT b.product_id, b.source_id, b.co, b.score
      FROM (
        SELECT DISTINCT ON (n.other_product_id) n.other_product_id AS product_id, n.product_id AS source_id, n.baskets AS co, n.score
        FROM unnest($1::uuid[]) AS src(product_id)
        CROSS JOIN LATERAL (
          SELECT x.product_id, x.other_product_id, x.baskets, x.score
          FROM recommendation_co_purchase x
          WHERE x.product_id = src.product_id AND x.score > 0 AND x.baskets > 0 AND x.other_product_id <> ALL($2::uuid[])
          ORDER BY x.score DESC
          LIMIT $5
        ) n
        ORDER BY n.other_product_id, n.score DESC, n.product_id
      ) b
      ORDER BY b.score DESC, b.product_id
      LIMIT $5
    ) best
    JOIN recommendation_product_buyers sa ON sa.product_id = best.source_id
    JOIN recommendation_product_buyers sb ON sb.product_id = best.product_id
  ),
  shortlist AS (
    SELECT 1 AS part, row_number() OVER (ORDER BY t.score DESC, t.product_id) AS position, t.product_id, t.source_id, t.co,
           t.source_buyers, t.candidate_buyers, NULL::integer AS units
    FROM together t
    UNION ALL
    SELECT 2, r.position, r.product_id, NULL, NULL, NULL, NULL, r.units
    FROM unnest($6::uuid[], $7::integer[]) WITH ORDINALITY AS r(product_id, units, position)
    WHERE r.product_id <> ALL($2::uuid[]) AND NOT EXISTS (SELECT 1 FROM together t WHERE t.product_id = r.product_id)
  )
  SELECT CASE c.part WHEN 1 THEN 'TOGETHER' ELSE 'BEST_SELLER' END AS kind,
         c.product_id, o.name, o.variant_id, o.sku, o.price_amount, o.currency, o.at_usual,
         c.source_id, c.co, c.source_buyers, c.candidate_buyers, c.units
  FROM (SELECT * FROM shortlist ORDER BY part, position LIMIT 2 * $5) c
  ${OFFERABLE_VARIANT}
  ORDER BY c.part, c.position
  LIMIT $4`;

function offerOf(row: CandidateRow): Offer {
  return {
    productId: row.product_id, name: row.name, variantId: row.variant_id, sku: row.sku,
    priceAmount: row.price_amount, currency: row.currency, availableAtUsualStore: row.at_usual,
  };
}

/**
 * The recommendation read path: two statements per request (history, candidates), both named
 * prepared statements (parsed and planned once per connection: planning cost as much as running them).
 */
@Injectable()
export class RecommendationQueryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The customer's products (through the order lines of their orders) and usual store, in one statement. */
  async customerHistory(ctx: RequestContext, customerId: string): Promise<CustomerHistory> {
    const rows = await queryPrepared<{ product_id: string; name: string; order_id: string; order_number: string; purchased_at: Date; kept: string; usual_store_id: string | null }>(
      entityManagerOf(ctx, this.dataSource),
      `SELECT v.product_id, p.name,
              (array_agg(o.id ORDER BY o.occurred_at DESC, o.id))[1] AS order_id,
              (array_agg(o.number ORDER BY o.occurred_at DESC, o.id))[1] AS order_number,
              max(o.occurred_at) AS purchased_at,
              sum(CASE WHEN o.state IN ${PURCHASED_STATES_SQL} THEN l.quantity - l.refused_quantity - l.returned_quantity ELSE 0 END) AS kept,
              (SELECT u.store_id FROM "order" u WHERE u.customer_id = $1 AND u.state IN ${PURCHASED_STATES_SQL}
               ORDER BY u.occurred_at DESC, u.id LIMIT 1) AS usual_store_id
       FROM "order" o
       JOIN order_line l ON l.order_id = o.id
       JOIN product_variant v ON v.id = l.variant_id
       JOIN product p ON p.id = v.product_id
       WHERE o.customer_id = $1 AND o.state NOT IN ('CANCELLED', 'EXPIRED', 'VOIDED')
       GROUP BY v.product_id, p.name
       ORDER BY purchased_at DESC, v.product_id`,
      [customerId],
    );
    // No row: no order at all, so no completed purchase either (a completed order has lines).
    return {
      products: rows.map((row) => ({
        productId: row.product_id, productName: row.name, orderId: row.order_id, orderNumber: row.order_number,
        purchasedAt: row.purchased_at, keptUnits: Number(row.kept),
      })),
      usualStoreId: rows[0]?.usual_store_id ?? null,
    };
  }

  /** Offerable co-purchase candidates, then best sellers when they are not enough: one statement (CANDIDATES_SQL). */
  async candidates(ctx: RequestContext, query: CandidateQuery): Promise<Candidates> {
    const rows = await queryPrepared<CandidateRow>(
      entityManagerOf(ctx, this.dataSource),
      CANDIDATES_SQL,
      [
        query.sourceProductIds, query.excludedProductIds, query.usualStoreId, query.limit, query.shortlist,
        query.bestSellers.map((product) => product.productId), query.bestSellers.map((product) => product.units),
      ],
    );
    const together: TogetherCandidate[] = [];
    const bestSellers: BestSellerCandidate[] = [];
    for (const row of rows) {
      if (row.kind === 'TOGETHER') {
        together.push({
          ...offerOf(row), sourceProductId: row.source_id ?? '', coPurchases: row.co ?? 0, sourceBuyers: row.source_buyers ?? 0, candidateBuyers: row.candidate_buyers ?? 0,
        });
      } else {
        bestSellers.push({ ...offerOf(row), units: row.units ?? 0 });
      }
    }
    return { together, bestSellers };
  }

  /** Net units sold since `since` at the store (or everywhere), most first, the first `length` products. */
  async bestSellerRanking(ctx: RequestContext, storeId: string | null, since: Date, length: number): Promise<RankedProduct[]> {
    const storeFilter = storeId === null ? '$1::uuid IS NULL' : 'ds.store_id = $1::uuid';
    const rows = await queryRows<{ product_id: string; units: string }>(
      entityManagerOf(ctx, this.dataSource),
      `SELECT ds.product_id, sum(ds.units) AS units
       FROM recommendation_store_daily_sales ds
       WHERE ${storeFilter} AND ds.day >= ($2::timestamptz AT TIME ZONE 'UTC')::date
       GROUP BY ds.product_id
       HAVING sum(ds.units) > 0
       ORDER BY units DESC, ds.product_id
       LIMIT $3`,
      [storeId, since, length],
    );
    return rows.map((row) => ({ productId: row.product_id, units: Number(row.units) }));
  }
}
