import { Injectable } from '@nestjs/common';
import { RequestContext } from '@omnitill/common';
import { ReportReader } from './report-reader';
import { SALE_STATES_SQL, toInt } from './report-sql';

export interface CampaignQuery {
  readonly from: Date;
  readonly to: Date;
  readonly storeIds: readonly string[] | null;
  readonly campaignId: string | null;
  readonly windowDays: number;
}

export interface CampaignInfo {
  readonly campaignId: string;
  readonly name: string;
  readonly source: string;
  readonly currency: string;
}

export interface RedemptionFigures {
  readonly campaignId: string;
  readonly channel: 'ONLINE' | 'POS';
  readonly storeId: string | null;
  readonly storeCode: string | null;
  readonly redemptions: number;
  readonly codesRedeemed: number;
  readonly revenue: number;
  readonly discount: number;
}

export interface CampaignCount {
  readonly campaignId: string;
  readonly count: number;
  readonly amount: number;
}

/** Coupon activity per campaign: codes issued, redemptions by channel and store, assisted POS sales. */
@Injectable()
export class CampaignReportRepository {
  constructor(private readonly reader: ReportReader) {}

  async campaigns(ctx: RequestContext, campaignIds: readonly string[]): Promise<CampaignInfo[]> {
    if (campaignIds.length === 0) {
      return [];
    }
    const rows = await this.reader.rows<{ id: string; name: string; source: string; currency: string }>(
      ctx,
      'SELECT id, name, source, currency FROM campaign WHERE id = ANY($1::uuid[]) ORDER BY name, id',
      [campaignIds],
    );
    return rows.map((row) => ({ campaignId: row.id, name: row.name, source: row.source, currency: row.currency }));
  }

  /** Codes issued to customers in the period (issuing has no store). */
  async codesIssued(ctx: RequestContext, query: CampaignQuery): Promise<CampaignCount[]> {
    const rows = await this.reader.rows<{ campaign_id: string; issued: string }>(
      ctx,
      `SELECT campaign_id, count(*) AS issued
         FROM coupon_code
        WHERE issued_at >= $1 AND issued_at < $2 AND issued_to_customer_id IS NOT NULL
          AND ($3::uuid IS NULL OR campaign_id = $3::uuid)
        GROUP BY campaign_id`,
      [query.from, query.to, query.campaignId],
    );
    return rows.map((row) => ({ campaignId: row.campaign_id, count: toInt(row.issued), amount: 0 }));
  }

  /** Active redemptions in the period, with the totals paid by the orders that redeemed (sales only). */
  async redemptions(ctx: RequestContext, query: CampaignQuery): Promise<RedemptionFigures[]> {
    const rows = await this.reader.rows<{
      campaign_id: string; channel: 'ONLINE' | 'POS'; store_id: string | null; store_code: string | null;
      redemptions: string; codes: string; revenue: string | null; discount: string | null;
    }>(
      ctx,
      `SELECT r.campaign_id, r.channel, r.store_id, min(s.code) AS store_code,
              count(*) AS redemptions, count(DISTINCT r.code_id) AS codes,
              sum(o.total_amount) FILTER (WHERE o.state IN ${SALE_STATES_SQL}) AS revenue,
              sum(r.discount_amount) AS discount
         FROM coupon_redemption r
         LEFT JOIN "order" o ON o.id = r.order_id
         LEFT JOIN store s ON s.id = r.store_id
        WHERE r.state = 'ACTIVE' AND r.redeemed_at >= $1 AND r.redeemed_at < $2
          AND ($3::uuid IS NULL OR r.campaign_id = $3::uuid)
          AND ($4::uuid[] IS NULL OR r.store_id = ANY($4::uuid[]))
        GROUP BY r.campaign_id, r.channel, r.store_id
        ORDER BY r.campaign_id, r.channel, store_code`,
      [query.from, query.to, query.campaignId, query.storeIds],
    );
    return rows.map((row) => ({
      campaignId: row.campaign_id,
      channel: row.channel,
      storeId: row.store_id,
      storeCode: row.store_code,
      redemptions: toInt(row.redemptions),
      codesRedeemed: toInt(row.codes),
      revenue: toInt(row.revenue),
      discount: toInt(row.discount),
    }));
  }

  /**
   * POS sales in the period by customers issued a code of the campaign in the `windowDays` before
   * the sale who had not redeemed it by then and did not redeem the campaign on that sale. The
   * codes issued in [from − window, to) are hashed and joined with the period's POS sales, read in
   * time order from report_sale_line (the order table's rows of a month are not together on disk).
   */
  async assistedSales(ctx: RequestContext, query: CampaignQuery): Promise<CampaignCount[]> {
    const rows = await this.reader.rows<{ campaign_id: string; sales: string; revenue: string | null }>(
      ctx,
      `WITH issued AS (
         SELECT cc.id AS code_id, cc.campaign_id, cc.issued_to_customer_id AS customer_id, cc.issued_at
           FROM coupon_code cc
          WHERE cc.issued_at >= $1::timestamptz - make_interval(days => $5::int) AND cc.issued_at < $2
            AND cc.issued_to_customer_id IS NOT NULL
            AND ($3::uuid IS NULL OR cc.campaign_id = $3::uuid)
       ), assisted AS (
         -- The period's POS sales from report_sale_line (one row per sale: its first line), read in time order.
         SELECT DISTINCT i.campaign_id, o.order_id, o.order_total
           FROM issued i
           JOIN report_sale_line o ON o.customer_id = i.customer_id
                         AND o.occurred_at > i.issued_at AND o.occurred_at <= i.issued_at + make_interval(days => $5::int)
                         AND o.occurred_at >= $1 AND o.occurred_at < $2
          WHERE o.channel = 'POS' AND o.first_line_of_order
            AND ($4::uuid[] IS NULL OR o.store_id = ANY($4::uuid[]))
            AND NOT EXISTS (SELECT 1 FROM coupon_redemption r WHERE r.code_id = i.code_id AND r.state = 'ACTIVE' AND r.redeemed_at <= o.occurred_at)
            AND NOT EXISTS (SELECT 1 FROM coupon_redemption r WHERE r.order_id = o.order_id AND r.campaign_id = i.campaign_id AND r.state = 'ACTIVE')
       )
       SELECT campaign_id, count(*) AS sales, sum(order_total) AS revenue FROM assisted GROUP BY campaign_id`,
      [query.from, query.to, query.campaignId, query.storeIds, query.windowDays],
    );
    return rows.map((row) => ({ campaignId: row.campaign_id, count: toInt(row.sales), amount: toInt(row.revenue) }));
  }
}
