import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { entityManagerOf, queryRows, RequestContext } from '@omnitill/common';
import { CouponRedemptionEntity } from '../entities/coupon-redemption.entity';
import { CouponRedemptionState } from '../entities/coupon.enums';

export type RedemptionInsert = Omit<CouponRedemptionEntity, 'id' | 'couponCode' | 'campaign' | 'store' | 'customer' | 'state' | 'reversedAt'>;

export interface ReversedRedemption {
  readonly id: string;
  readonly codeId: string;
  readonly campaignId: string;
}

@Injectable()
export class CouponRedemptionRepository {
  constructor(private readonly dataSource: DataSource) {}

  findActive(ctx: RequestContext, codeId: string, orderId: string): Promise<CouponRedemptionEntity | null> {
    return entityManagerOf(ctx, this.dataSource).findOneBy(CouponRedemptionEntity, { codeId, orderId, state: CouponRedemptionState.ACTIVE });
  }

  /** Index-backed (idx_coupon_redemption_campaign_customer). Call with the campaign row locked. */
  countActiveForCustomer(ctx: RequestContext, campaignId: string, customerId: string): Promise<number> {
    return entityManagerOf(ctx, this.dataSource).countBy(CouponRedemptionEntity, { campaignId, customerId, state: CouponRedemptionState.ACTIVE });
  }

  /** Throws a unique violation when this code is already active on the order; the caller maps it. */
  insert(ctx: RequestContext, redemption: RedemptionInsert): Promise<CouponRedemptionEntity> {
    const manager = entityManagerOf(ctx, this.dataSource);
    return manager.save(
      CouponRedemptionEntity,
      manager.create(CouponRedemptionEntity, { ...redemption, state: CouponRedemptionState.ACTIVE, reversedAt: null }),
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
