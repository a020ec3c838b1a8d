import { Injectable } from '@nestjs/common';
import { RequestContext } from '@omnitill/common';
import { SalesDimension } from '../api/inputs/report.input';
import { ReportReader } from './report-reader';
import { toInt } from './report-sql';

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
  // The code is looked up once per store row, not joined to every line.
  [SalesDimension.STORE]: { group: 'r.store_id', select: 'r.store_id AS store_id, CASE WHEN GROUPING(r.store_id) = 0 THEN (SELECT s.code FROM store s WHERE s.id = r.store_id) END AS store_code' },
  [SalesDimension.CHANNEL]: { group: 'r.channel', select: 'r.channel AS channel' },
  [SalesDimension.DAY]: { group: `date_trunc('day', r.occurred_at AT TIME ZONE $4)`, select: `to_char(date_trunc('day', r.occurred_at AT TIME ZONE $4), 'YYYY-MM-DD') AS day` },
  [SalesDimension.PRODUCT]: { group: 'r.variant_id', select: 'r.variant_id AS variant_id, CASE WHEN GROUPING(r.variant_id) = 0 THEN min(r.sku) END AS sku, CASE WHEN GROUPING(r.variant_id) = 0 THEN min(r.name) END AS product_name' },
};

/**
 * Orders counted once per group without count(DISTINCT) (which would force a sort of every line):
 * an order lies wholly in one store, channel and day, so its first line counts it; by product,
 * its first line of each variant does.
 */
const ORDERS_SQL = 'count(*) FILTER (WHERE r.first_line_of_order)';
const ORDERS_BY_PRODUCT_SQL = `CASE WHEN GROUPING(r.variant_id) = 0 THEN count(*) FILTER (WHERE r.first_line_of_variant) ELSE ${ORDERS_SQL} END`;

/**
 * Sales figures from report_sale_line, the time-clustered projection of sold lines (a 30-day
 * period is one range scan; see the README's Performance). It follows the sales within the event
 * relay's latency.
 */
@Injectable()
export class SalesReportRepository {
  constructor(private readonly reader: ReportReader) {}

  async figures(ctx: RequestContext, query: SalesQuery): Promise<SalesFigures[]> {
    const dimensions = [...new Set(query.groupBy)].sort().map((dimension) => DIMENSIONS[dimension]);
    const groups = dimensions.map((dimension) => dimension.group);
    const grouping = groups.length > 0 ? `GROUPING SETS ((r.currency, ${groups.join(', ')}), (r.currency))` : 'r.currency';
    const isTotal = groups.length > 0 ? `GROUPING(${groups.join(', ')}) > 0` : 'true';
    const orders = query.groupBy.includes(SalesDimension.PRODUCT) ? ORDERS_BY_PRODUCT_SQL : ORDERS_SQL;
    const sql = `
      SELECT ${isTotal} AS is_total, ${dimensions.map((dimension) => `${dimension.select}, `).join('')}
             r.currency, ${orders} AS orders,
             sum(r.units) AS units,
             sum(r.units_returned) AS units_returned,
             sum(r.gross) AS gross,
             sum(r.discounts) AS discounts,
             sum(r.refused_amount + r.returned_amount) AS returns
        FROM report_sale_line r
       WHERE r.occurred_at >= $1 AND r.occurred_at < $2
         AND ($3::uuid[] IS NULL OR r.store_id = ANY($3::uuid[]))
       GROUP BY ${grouping}
       ORDER BY 1, ${[...groups, 'r.currency'].map((group) => `${group} NULLS FIRST`).join(', ')}`;
    const params: unknown[] = [query.from, query.to, query.storeIds];
    if (query.groupBy.includes(SalesDimension.DAY)) {
      params.push(query.timeZone);
    }
    const rows = await this.reader.rows<SalesRow>(ctx, sql, params);
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
