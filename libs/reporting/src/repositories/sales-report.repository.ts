import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { entityManagerOf, queryRows, RequestContext } from '@omnitill/common';
import { SalesDimension } from '../api/inputs/report.input';
import { RECEIVED_RETURN_STATES_SQL, SALE_STATES_SQL, toInt } from './report-sql';

export interface SalesQuery {
  readonly from: Date;
  readonly to: Date;
  readonly storeIds: readonly string[] | null;
  readonly groupBy: readonly SalesDimension[];
  readonly timeZone: string;
}

export interface SalesFigures {
  readonly isTotal: boolean;
  readonly storeId: string | null;
  readonly storeCode: string | null;
  readonly channel: string | null;
  readonly day: string | null;
  readonly variantId: string | null;
  readonly sku: string | null;
  readonly productName: string | null;
  readonly currency: string;
  readonly orders: number;
  readonly units: number;
  readonly unitsReturned: number;
  readonly gross: number;
  readonly discounts: number;
  readonly returns: number;
}

interface SalesRow {
  is_total: boolean;
  store_id: string | null;
  store_code: string | null;
  channel: string | null;
  day: string | null;
  variant_id: string | null;
  sku: string | null;
  product_name: string | null;
  currency: string;
  orders: string;
  units: string | null;
  units_returned: string | null;
  gross: string | null;
  discounts: string | null;
  returns: string | null;
}

// Fixed SQL per dimension (never built from input). $4 is the time zone, passed only with DAY.
const DIMENSIONS: Record<SalesDimension, { readonly group: string; readonly select: string }> = {
  [SalesDimension.STORE]: { group: 'o.store_id', select: 'o.store_id AS store_id, CASE WHEN GROUPING(o.store_id) = 0 THEN min(s.code) END AS store_code' },
  [SalesDimension.CHANNEL]: { group: 'o.channel', select: 'o.channel::text AS channel' },
  [SalesDimension.DAY]: { group: `date_trunc('day', o.occurred_at AT TIME ZONE $4)`, select: `to_char(date_trunc('day', o.occurred_at AT TIME ZONE $4), 'YYYY-MM-DD') AS day` },
  [SalesDimension.PRODUCT]: { group: 'l.variant_id', select: 'l.variant_id AS variant_id, CASE WHEN GROUPING(l.variant_id) = 0 THEN min(l.sku) END AS sku, CASE WHEN GROUPING(l.variant_id) = 0 THEN min(l.name) END AS product_name' },
};

/** Sales figures straight from orders and lines (see the README for the indexes that keep this fast). */
@Injectable()
export class SalesReportRepository {
  constructor(private readonly dataSource: DataSource) {}

  async figures(ctx: RequestContext, query: SalesQuery): Promise<SalesFigures[]> {
    const dimensions = [...new Set(query.groupBy)].sort().map((dimension) => DIMENSIONS[dimension]);
    const groups = dimensions.map((dimension) => dimension.group);
    const grouping = groups.length > 0 ? `GROUPING SETS ((o.currency, ${groups.join(', ')}), (o.currency))` : 'o.currency';
    const isTotal = groups.length > 0 ? `GROUPING(${groups.join(', ')}) > 0` : 'true';
    const sql = `
      WITH sale AS (
        SELECT o.id, o.store_id, o.channel, o.occurred_at, o.currency
          FROM "order" o
         WHERE o.occurred_at >= $1 AND o.occurred_at < $2 AND o.state IN ${SALE_STATES_SQL}
           AND ($3::uuid[] IS NULL OR o.store_id = ANY($3::uuid[]))
      ), returned AS (
        SELECT rl.order_line_id, sum(rl.quantity) AS units, sum(rl.refund_amount) AS amount
          FROM return_request rr
          JOIN return_line rl ON rl.return_id = rr.id
         WHERE rr.order_id IN (SELECT id FROM sale) AND rr.state IN ${RECEIVED_RETURN_STATES_SQL}
         GROUP BY rl.order_line_id
      )
      SELECT ${isTotal} AS is_total, ${dimensions.map((dimension) => `${dimension.select}, `).join('')}
             o.currency, count(DISTINCT o.id) AS orders,
             sum(l.quantity - l.refused_quantity) AS units,
             sum(coalesce(r.units, 0)) AS units_returned,
             sum(l.unit_price_amount::bigint * l.quantity) AS gross,
             sum(l.discount_amount) AS discounts,
             -- Refused units are settled first: the order lib's paidAmountForUnits (largest remainder,
             -- the last total mod quantity units carry one minor unit more) for units 0..refused.
             sum((l.total_amount / l.quantity)::bigint * l.refused_quantity
                 + greatest(0, l.refused_quantity - (l.quantity - l.total_amount % l.quantity))
                 + coalesce(r.amount, 0)) AS returns
        FROM sale o
        JOIN order_line l ON l.order_id = o.id
        JOIN store s ON s.id = o.store_id
        LEFT JOIN returned r ON r.order_line_id = l.id
       GROUP BY ${grouping}
       ORDER BY 1, ${[...groups, 'o.currency'].map((group) => `${group} NULLS FIRST`).join(', ')}`;
    const params: unknown[] = [query.from, query.to, query.storeIds];
    if (query.groupBy.includes(SalesDimension.DAY)) {
      params.push(query.timeZone);
    }
    const rows = await queryRows<SalesRow>(entityManagerOf(ctx, this.dataSource), sql, params);
    return rows.map((row) => ({
      isTotal: row.is_total,
      storeId: row.store_id ?? null,
      storeCode: row.store_code ?? null,
      channel: row.channel ?? null,
      day: row.day ?? null,
      variantId: row.variant_id ?? null,
      sku: row.sku ?? null,
      productName: row.product_name ?? null,
      currency: row.currency,
      orders: toInt(row.orders),
      units: toInt(row.units),
      unitsReturned: toInt(row.units_returned),
      gross: toInt(row.gross),
      discounts: toInt(row.discounts),
      returns: toInt(row.returns),
    }));
  }
}
