import { Injectable } from '@nestjs/common';
import { RequestContext } from '@omnitill/common';
import { ReportReader } from './report-reader';
import { toInt, toNullableNumber } from './report-sql';

export interface PickupFigures {
  readonly isTotal: boolean;
  readonly storeId: string | null;
  readonly storeCode: string | null;
  readonly promiseMinutes: number | null;
  readonly orders: number;
  readonly readyOrders: number;
  readonly readyOnTime: number;
  readonly medianMinutesToReady: number | null;
  readonly p90MinutesToReady: number | null;
  readonly pickedUp: number;
  readonly expired: number;
  readonly cancelled: number;
  readonly open: number;
  readonly refusedLines: number;
  readonly refusedUnits: number;
}

interface PickupRow {
  is_total: boolean;
  store_id: string | null;
  store_code: string | null;
  promise_minutes: number | null;
  orders: string;
  ready_orders: string;
  ready_on_time: string;
  median_minutes: number | null;
  p90_minutes: number | null;
  picked_up: string;
  expired: string;
  cancelled: string;
  open: string;
  refused_lines: string | null;
  refused_units: string | null;
}

/** Click-and-collect figures of the pickup orders placed in a period, per store and overall (refused lines from report_sale_line). */
@Injectable()
export class PickupReportRepository {
  constructor(private readonly reader: ReportReader) {}

  async figures(ctx: RequestContext, from: Date, to: Date, storeIds: readonly string[] | null): Promise<PickupFigures[]> {
    const rows = await this.reader.rows<PickupRow>(
      ctx,
      `WITH pickup AS (
         SELECT o.id, o.store_id, o.state, o.placed_at, o.promised_at, o.ready_at
           FROM "order" o
          WHERE o.fulfilment = 'PICKUP' AND o.placed_at >= $1 AND o.placed_at < $2
            AND ($3::uuid[] IS NULL OR o.store_id = ANY($3::uuid[]))
       ), refused AS (
         -- Collected orders are sales, projected at their occurred_at (= placed_at online): the
         -- partial index idx_report_sale_line_refused finds their refused lines directly.
         SELECT r.order_id, count(*) AS lines, sum(r.units_refused) AS units
           FROM report_sale_line r
          WHERE r.units_refused > 0 AND r.occurred_at >= $1 AND r.occurred_at < $2
            AND r.order_id IN (SELECT id FROM pickup WHERE state = 'PICKED_UP')
          GROUP BY r.order_id
       )
       SELECT GROUPING(p.store_id) > 0 AS is_total, p.store_id,
              CASE WHEN GROUPING(p.store_id) = 0 THEN min(s.code) END AS store_code,
              CASE WHEN GROUPING(p.store_id) = 0 THEN min(s.pickup_promise_minutes) END AS promise_minutes,
              count(*) AS orders,
              count(p.ready_at) AS ready_orders,
              count(*) FILTER (WHERE p.ready_at <= p.promised_at) AS ready_on_time,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM p.ready_at - p.placed_at) / 60) AS median_minutes,
              percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM p.ready_at - p.placed_at) / 60) AS p90_minutes,
              count(*) FILTER (WHERE p.state = 'PICKED_UP') AS picked_up,
              count(*) FILTER (WHERE p.state = 'EXPIRED') AS expired,
              count(*) FILTER (WHERE p.state = 'CANCELLED') AS cancelled,
              count(*) FILTER (WHERE p.state IN ('PLACED', 'PICKING', 'READY_FOR_PICKUP')) AS open,
              sum(r.lines) AS refused_lines,
              sum(r.units) AS refused_units
         FROM pickup p
         JOIN store s ON s.id = p.store_id
         LEFT JOIN refused r ON r.order_id = p.id
        GROUP BY GROUPING SETS ((p.store_id), ())
        ORDER BY 1, store_code`,
      [from, to, storeIds],
    );
    return rows.map((row) => ({
      isTotal: row.is_total,
      storeId: row.store_id,
      storeCode: row.store_code,
      promiseMinutes: row.promise_minutes === null ? null : Number(row.promise_minutes),
      orders: toInt(row.orders),
      readyOrders: toInt(row.ready_orders),
      readyOnTime: toInt(row.ready_on_time),
      medianMinutesToReady: toNullableNumber(row.median_minutes),
      p90MinutesToReady: toNullableNumber(row.p90_minutes),
      pickedUp: toInt(row.picked_up),
      expired: toInt(row.expired),
      cancelled: toInt(row.cancelled),
      open: toInt(row.open),
      refusedLines: toInt(row.refused_lines),
      refusedUnits: toInt(row.refused_units),
    }));
  }
}
