import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { entityManagerOf, escapeLike, Page, queryPrepared, queryRows, RequestContext } from '@omnitill/common';
import { CampaignEntity } from '../entities/campaign.entity';
import { countedIds } from './sql-rows';

export type CampaignInsert = Omit<CampaignEntity, 'id' | 'redemptionCount' | 'createdAt' | 'updatedAt'>;

/** What a campaign has produced so far. */
export interface CampaignCounts {
  readonly codeCount: number;
  readonly issuedCodeCount: number;
  readonly usedCodeCount: number;
  readonly activeRedemptionCount: number;
  readonly reversedRedemptionCount: number;
  /** Sum of active redemptions' discounts, minor units. */
  readonly discountGivenAmount: number;
}

export const NO_COUNTS: CampaignCounts = {
  codeCount: 0, issuedCodeCount: 0, usedCodeCount: 0, activeRedemptionCount: 0, reversedRedemptionCount: 0, discountGivenAmount: 0,
};

interface CountsRow {
  campaign_id: string;
  code_count: string;
  issued_code_count: string;
  used_code_count: string;
  active_redemption_count: string;
  reversed_redemption_count: string;
  discount_given_amount: string;
}

@Injectable()
export class CampaignRepository {
  constructor(private readonly dataSource: DataSource) {}

  findById(ctx: RequestContext, id: string): Promise<CampaignEntity | null> {
    return entityManagerOf(ctx, this.dataSource).findOneBy(CampaignEntity, { id });
  }

  /** Serialises per-customer cap checks of one campaign (see CouponRedemptionService). */
  async lockById(ctx: RequestContext, id: string): Promise<void> {
    await entityManagerOf(ctx, this.dataSource).query('SELECT id FROM campaign WHERE id = $1 FOR UPDATE', [id]);
  }

  async list(ctx: RequestContext, search: string | undefined, skip: number, take: number): Promise<Page<CampaignEntity>> {
    const qb = entityManagerOf(ctx, this.dataSource).createQueryBuilder(CampaignEntity, 'c');
    if (search) {
      qb.where('(c.name ILIKE :pattern OR c.source ILIKE :pattern)', { pattern: `%${escapeLike(search)}%` });
    }
    const [items, totalCount] = await qb.orderBy('c.created_at', 'DESC').addOrderBy('c.id', 'ASC').offset(skip).limit(take).getManyAndCount();
    return { items, totalCount, skip, take };
  }

  /** Counts for a page of campaigns in two grouped queries. */
  async countsFor(ctx: RequestContext, ids: readonly string[]): Promise<Map<string, CampaignCounts>> {
    const result = new Map<string, CampaignCounts>();
    if (ids.length === 0) {
      return result;
    }
    const rows = await queryRows<CountsRow>(
      entityManagerOf(ctx, this.dataSource),
      `SELECT c.id AS campaign_id,
              coalesce(k.code_count, 0) AS code_count, coalesce(k.issued_code_count, 0) AS issued_code_count,
              coalesce(k.used_code_count, 0) AS used_code_count,
              coalesce(r.active_redemption_count, 0) AS active_redemption_count,
              coalesce(r.reversed_redemption_count, 0) AS reversed_redemption_count,
              coalesce(r.discount_given_amount, 0) AS discount_given_amount
         FROM campaign c
         LEFT JOIN (SELECT campaign_id, count(*) AS code_count, count(issued_to_customer_id) AS issued_code_count,
                           count(*) FILTER (WHERE use_count > 0) AS used_code_count
                      FROM coupon_code WHERE campaign_id = ANY($1::uuid[]) GROUP BY campaign_id) k ON k.campaign_id = c.id
         LEFT JOIN (SELECT campaign_id, count(*) FILTER (WHERE state = 'ACTIVE') AS active_redemption_count,
                           count(*) FILTER (WHERE state = 'REVERSED') AS reversed_redemption_count,
                           sum(discount_amount) FILTER (WHERE state = 'ACTIVE') AS discount_given_amount
                      FROM coupon_redemption WHERE campaign_id = ANY($1::uuid[]) GROUP BY campaign_id) r ON r.campaign_id = c.id
        WHERE c.id = ANY($1::uuid[])`,
      [ids],
    );
    for (const row of rows) {
      result.set(row.campaign_id, {
        codeCount: Number(row.code_count),
        issuedCodeCount: Number(row.issued_code_count),
        usedCodeCount: Number(row.used_code_count),
        activeRedemptionCount: Number(row.active_redemption_count),
        reversedRedemptionCount: Number(row.reversed_redemption_count),
        discountGivenAmount: Number(row.discount_given_amount),
      });
    }
    return result;
  }

  insert(ctx: RequestContext, campaign: CampaignInsert): Promise<CampaignEntity> {
    const manager = entityManagerOf(ctx, this.dataSource);
    return manager.save(CampaignEntity, manager.create(CampaignEntity, campaign));
  }

  save(ctx: RequestContext, campaign: CampaignEntity): Promise<CampaignEntity> {
    return entityManagerOf(ctx, this.dataSource).save(CampaignEntity, campaign);
  }

  /**
   * The campaign's current total cap, read under a KEY SHARE lock: redemptions in flight do not
   * block each other, but a cap change (FOR UPDATE) waits for them and they wait for it.
   */
  async currentCap(ctx: RequestContext, id: string): Promise<number | null> {
    const rows = await queryPrepared<{ total_redemption_cap: number | null }>(
      entityManagerOf(ctx, this.dataSource),
      'SELECT total_redemption_cap FROM campaign WHERE id = $1 FOR KEY SHARE',
      [id],
    );
    return rows[0]?.total_redemption_cap ?? null;
  }

  /** Recounts active redemptions into the counter (when a cap is set on a campaign that had none). */
  async recountRedemptions(ctx: RequestContext, id: string): Promise<number> {
    const rows = await queryRows<{ redemption_count: number }>(
      entityManagerOf(ctx, this.dataSource),
      `UPDATE campaign SET redemption_count = (SELECT count(*) FROM coupon_redemption WHERE campaign_id = $1 AND state = 'ACTIVE')
        WHERE id = $1 RETURNING redemption_count`,
      [id],
    );
    return rows[0]?.redemption_count ?? 0;
  }

  /** THE total-cap statement: one more redemption only while under the cap. False = exhausted. */
  async incrementRedemptions(ctx: RequestContext, id: string): Promise<boolean> {
    const rows = await queryPrepared<{ id: string }>(
      entityManagerOf(ctx, this.dataSource),
      `UPDATE campaign SET redemption_count = redemption_count + 1
        WHERE id = $1 AND (total_redemption_cap IS NULL OR redemption_count < total_redemption_cap)
        RETURNING id`,
      [id],
    );
    return rows.length === 1;
  }

  /** Gives uses back (one per id occurrence), never below zero, one campaign at a time in id order. */
  async decrementRedemptions(ctx: RequestContext, campaignIds: readonly string[]): Promise<void> {
    const { ids, counts } = countedIds(campaignIds);
    for (const [index, id] of ids.entries()) {
      await queryRows(
        entityManagerOf(ctx, this.dataSource),
        'UPDATE campaign SET redemption_count = greatest(redemption_count - $2, 0) WHERE id = $1',
        [id, counts[index]],
      );
    }
  }
}
