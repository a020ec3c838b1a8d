import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { entityManagerOf, queryRows, RequestContext } from '@omnitill/common';
import { CouponRedemptionEntity } from '../entities/coupon-redemption.entity';

/** A coupon touchpoint of a customer, for the timeline. */
export interface CouponTouchpointRow {
  kind: 'ISSUED' | 'REDEEMED' | 'REVERSED';
  occurred_at: Date;
  code: string;
  campaign_name: string;
  channel: string | null;
  store_id: string | null;
  discount_amount: number | null;
  currency: string;
  reference_id: string;
}

// Every coupon touchpoint of $1: codes issued, redemptions, reversals (each index-backed by customer).
const TOUCHPOINTS = `
  SELECT 'ISSUED' AS kind, k.issued_at AS occurred_at, k.code, c.name AS campaign_name, NULL AS channel, NULL::uuid AS store_id,
         NULL::int AS discount_amount, c.currency, k.id AS reference_id
    FROM coupon_code k JOIN campaign c ON c.id = k.campaign_id WHERE k.issued_to_customer_id = $1
  UNION ALL
  SELECT 'REDEEMED', r.redeemed_at, k.code, c.name, r.channel, r.store_id, r.discount_amount, r.currency, r.order_id
    FROM coupon_redemption r JOIN coupon_code k ON k.id = r.code_id JOIN campaign c ON c.id = r.campaign_id WHERE r.customer_id = $1
  UNION ALL
  SELECT 'REVERSED', r.reversed_at, k.code, c.name, r.channel, r.store_id, r.discount_amount, r.currency, r.order_id
    FROM coupon_redemption r JOIN coupon_code k ON k.id = r.code_id JOIN campaign c ON c.id = r.campaign_id
   WHERE r.customer_id = $1 AND r.reversed_at IS NOT NULL`;

/** Everything coupon-related about one customer: timeline, export and merge. */
@Injectable()
export class CouponCustomerRepository {
  constructor(private readonly dataSource: DataSource) {}

  latestTouchpoints(ctx: RequestContext, customerId: string, limit: number): Promise<CouponTouchpointRow[]> {
    return queryRows<CouponTouchpointRow>(
      entityManagerOf(ctx, this.dataSource),
      `${TOUCHPOINTS} ORDER BY occurred_at DESC, kind, reference_id LIMIT $2`,
      [customerId, limit],
    );
  }

  async countTouchpoints(ctx: RequestContext, customerId: string): Promise<number> {
    const [row] = await queryRows<{ count: string }>(entityManagerOf(ctx, this.dataSource), `SELECT count(*) AS count FROM (${TOUCHPOINTS}) t`, [customerId]);
    return Number(row.count);
  }

  redemptionsOf(ctx: RequestContext, customerId: string): Promise<CouponRedemptionEntity[]> {
    return entityManagerOf(ctx, this.dataSource).find(CouponRedemptionEntity, { where: { customerId }, order: { redeemedAt: 'ASC', id: 'ASC' } });
  }

  /** Moves issued codes and redemptions to the survivor of a merge. Returns rows moved. */
  async reassign(ctx: RequestContext, fromCustomerId: string, toCustomerId: string): Promise<number> {
    const manager = entityManagerOf(ctx, this.dataSource);
    const codes = await queryRows<{ id: string }>(
      manager,
      'UPDATE coupon_code SET issued_to_customer_id = $2 WHERE issued_to_customer_id = $1 RETURNING id',
      [fromCustomerId, toCustomerId],
    );
    const redemptions = await queryRows<{ id: string }>(
      manager,
      'UPDATE coupon_redemption SET customer_id = $2 WHERE customer_id = $1 RETURNING id',
      [fromCustomerId, toCustomerId],
    );
    return codes.length + redemptions.length;
  }
}
