import { Injectable } from '@nestjs/common';
import { RequestContext } from '@omnitill/common';
import { ChannelMix } from '../rules/report-assembly';
import { ReportReader } from './report-reader';
import { toInt } from './report-sql';

/** Which channels each identified customer bought in during a period, folded into channel mixes (from report_sale_line). */
@Injectable()
export class CrossChannelReportRepository {
  constructor(private readonly reader: ReportReader) {}

  async channelMix(ctx: RequestContext, from: Date, to: Date, storeIds: readonly string[] | null): Promise<ChannelMix[]> {
    const rows = await this.reader.rows<{
      currency: string; in_store: boolean | null; click_and_collect: boolean | null; delivery: boolean | null; customers: string; orders: string; sales: string | null;
    }>(
      ctx,
      `WITH per_customer AS (
         -- One row per sale: its first line in report_sale_line (the sales of the period, read in time order).
         SELECT o.customer_id, o.currency,
                bool_or(o.channel = 'POS') AS in_store,
                bool_or(o.channel = 'ONLINE' AND o.fulfilment = 'PICKUP') AS click_and_collect,
                bool_or(o.channel = 'ONLINE' AND o.fulfilment <> 'PICKUP') AS delivery,
                count(*) AS orders, sum(o.order_total) AS sales
           FROM report_sale_line o
          WHERE o.occurred_at >= $1 AND o.occurred_at < $2 AND o.first_line_of_order
            AND ($3::uuid[] IS NULL OR o.store_id = ANY($3::uuid[]))
          GROUP BY o.customer_id, o.currency
       )
       SELECT currency,
              CASE WHEN customer_id IS NOT NULL THEN in_store END AS in_store,
              CASE WHEN customer_id IS NOT NULL THEN click_and_collect END AS click_and_collect,
              CASE WHEN customer_id IS NOT NULL THEN delivery END AS delivery,
              count(customer_id) AS customers, sum(orders) AS orders, sum(sales) AS sales
         FROM per_customer
        GROUP BY 1, 2, 3, 4
        ORDER BY 1, 2, 3, 4`,
      [from, to, storeIds],
    );
    return rows.map((row) => ({
      currency: row.currency,
      inStore: row.in_store,
      clickAndCollect: row.click_and_collect,
      delivery: row.delivery,
      customers: toInt(row.customers),
      orders: toInt(row.orders),
      sales: toInt(row.sales),
    }));
  }
}
