import { Injectable } from '@nestjs/common';
import { RequestContext } from '@omnitill/common';
import { ReturnReasonCode } from '@omnitill/returns';
import { ReturnedUnitsByReason } from '../rules/report-assembly';
import { ReportReader } from './report-reader';
import { RECEIVED_RETURN_STATES_SQL, toInt } from './report-sql';

interface ReturnedRow {
  variant_id: string;
  sku: string;
  product_name: string;
  currency: string;
  reason: ReturnReasonCode;
  units: string;
  restocked: string | null;
  written_off: string | null;
  refund_amount: string;
}

/** Returns received in a period, and the units sold to compare them with. */
@Injectable()
export class ReturnsReportRepository {
  constructor(private readonly reader: ReportReader) {}

  /** Units received back per variant and reason, at the receiving stores in scope. */
  async returnedUnits(ctx: RequestContext, from: Date, to: Date, storeIds: readonly string[] | null): Promise<ReturnedUnitsByReason[]> {
    const rows = await this.reader.rows<ReturnedRow>(
      ctx,
      `SELECT rl.variant_id, min(v.sku) AS sku, min(v.name) AS product_name, rr.currency, rl.reason::text AS reason,
              sum(rl.quantity) AS units,
              sum(rl.quantity) FILTER (WHERE rl.condition = 'RESELLABLE') AS restocked,
              sum(rl.quantity) FILTER (WHERE rl.condition = 'DAMAGED') AS written_off,
              sum(rl.refund_amount) AS refund_amount
         FROM return_request rr
         JOIN return_line rl ON rl.return_id = rr.id
         JOIN product_variant v ON v.id = rl.variant_id
        WHERE rr.received_at >= $1 AND rr.received_at < $2 AND rr.state IN ${RECEIVED_RETURN_STATES_SQL}
          AND ($3::uuid[] IS NULL OR rr.receiving_store_id = ANY($3::uuid[]))
        GROUP BY rl.variant_id, rr.currency, rl.reason
        ORDER BY rl.variant_id, rl.reason`,
      [from, to, storeIds],
    );
    return rows.map((row) => ({
      variantId: row.variant_id,
      sku: row.sku,
      productName: row.product_name,
      currency: row.currency,
      reason: row.reason,
      units: toInt(row.units),
      restocked: toInt(row.restocked),
      writtenOff: toInt(row.written_off),
      refundAmount: toInt(row.refund_amount),
    }));
  }

  /** Units handed over per variant by the sales of the period in the stores (from report_sale_line). */
  async unitsSold(ctx: RequestContext, from: Date, to: Date, storeIds: readonly string[] | null): Promise<Map<string, number>> {
    const rows = await this.reader.rows<{ variant_id: string; units: string }>(
      ctx,
      `SELECT r.variant_id, sum(r.units) AS units
         FROM report_sale_line r
        WHERE r.occurred_at >= $1 AND r.occurred_at < $2
          AND ($3::uuid[] IS NULL OR r.store_id = ANY($3::uuid[]))
        GROUP BY r.variant_id`,
      [from, to, storeIds],
    );
    return new Map(rows.map((row) => [row.variant_id, toInt(row.units)]));
  }
}
