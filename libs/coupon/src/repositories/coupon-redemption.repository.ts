import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { entityManagerOf, EventOutbox, NewDomainEvent, queryPrepared, queryRows, RequestContext } from '@omnitill/common';
import { CouponRedemptionEntity } from '../entities/coupon-redemption.entity';
import { CouponRedemptionState } from '../entities/coupon.enums';

export interface ReversedRedemption {
  readonly id: string;
  readonly codeId: string;
  readonly campaignId: string;
}

@Injectable()
export class CouponRedemptionRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: EventOutbox,
  ) {}

  findActive(ctx: RequestContext, codeId: string, orderId: string): Promise<CouponRedemptionEntity | null> {
    return entityManagerOf(ctx, this.dataSource).findOneBy(CouponRedemptionEntity, { codeId, orderId, state: CouponRedemptionState.ACTIVE });
  }

  /** Index-backed (idx_coupon_redemption_campaign_customer). Call with the campaign row locked. */
  countActiveForCustomer(ctx: RequestContext, campaignId: string, customerId: string): Promise<number> {
    return entityManagerOf(ctx, this.dataSource).countBy(CouponRedemptionEntity, { campaignId, customerId, state: CouponRedemptionState.ACTIVE });
  }

  /**
   * The redemption and its events in ONE prepared statement. Throws a unique violation when this
   * code is already active on the order (nothing is written); the caller maps it.
   */
  async insert(ctx: RequestContext, redemption: CouponRedemptionEntity, events: readonly NewDomainEvent[]): Promise<void> {
    const params: unknown[] = [
      redemption.id, redemption.codeId, redemption.campaignId, redemption.orderId, redemption.storeId, redemption.channel, redemption.customerId,
      redemption.discountAmount, redemption.currency, JSON.stringify(redemption.lineDiscounts), redemption.state, redemption.redeemedAt, redemption.reversedAt,
    ];
    const eventInsert = this.outbox.insertInStatement(ctx, events, { firstParam: params.length + 1 });
    await queryPrepared(
      entityManagerOf(ctx, this.dataSource),
      `WITH redemption AS (
        INSERT INTO coupon_redemption (id, code_id, campaign_id, order_id, store_id, channel, customer_id, discount_amount, currency, line_discounts, state, redeemed_at, reversed_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, $12, $13)
      ), event AS (${eventInsert.sql})
      SELECT 1`,
      [...params, ...eventInsert.params],
    );
  }

  /**
   * Reverses the order's active redemptions; on a full return only those whose campaign gives the
   * use back. Returns what was reversed, so the caller restores the counters.
   */
  async reverseForOrder(ctx: RequestContext, orderId: string, at: Date, onlyRestoringOnFullReturn: boolean): Promise<ReversedRedemption[]> {
    const rows = await queryRows<{ id: string; code_id: string; campaign_id: string }>(
      entityManagerOf(ctx, this.dataSource),
      `UPDATE coupon_redemption r SET state = '${CouponRedemptionState.REVERSED}', reversed_at = $2
         FROM campaign c
        WHERE r.order_id = $1 AND r.state = '${CouponRedemptionState.ACTIVE}' AND c.id = r.campaign_id
          AND (NOT $3::boolean OR c.restore_on_full_return)
        RETURNING r.id, r.code_id, r.campaign_id`,
      [orderId, at, onlyRestoringOnFullReturn],
    );
    return rows.map((row) => ({ id: row.id, codeId: row.code_id, campaignId: row.campaign_id }));
  }
}
