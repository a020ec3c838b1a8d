import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { entityManagerOf, findPreparedWith, Page, queryPrepared, queryRows, RequestContext } from '@omnitill/common';
import { CampaignEntity } from '../entities/campaign.entity';
import { CouponCodeEntity } from '../entities/coupon-code.entity';
import { CouponCodeKind } from '../entities/coupon.enums';
import { countedIds } from './sql-rows';

export type CodeWithCampaign = CouponCodeEntity & { campaign: CampaignEntity };

/** What a guarded use increment saw: the code's owner at that moment (it may have been issued meanwhile). */
export interface CodeUse {
  readonly issuedToCustomerId: string | null;
}

@Injectable()
export class CouponCodeRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Index-backed (uq_coupon_code_code); `code` must be normalised. One prepared statement: every
   * coupon sale and preview looks its code up.
   */
  async findByCodeWithCampaign(ctx: RequestContext, code: string): Promise<CodeWithCampaign | null> {
    const [found] = await findPreparedWith(
      entityManagerOf(ctx, this.dataSource),
      CouponCodeEntity,
      { entity: CampaignEntity, on: 'b.id = a.campaign_id', property: 'campaign' },
      'a.code = $1',
      [code],
    );
    return found ?? null;
  }

  async listByCampaign(ctx: RequestContext, campaignId: string, skip: number, take: number): Promise<Page<CouponCodeEntity>> {
    const [items, totalCount] = await entityManagerOf(ctx, this.dataSource).findAndCount(CouponCodeEntity, {
      where: { campaignId },
      order: { createdAt: 'ASC', code: 'ASC' },
      skip,
      take,
    });
    return { items, totalCount, skip, take };
  }

  listIssuedTo(ctx: RequestContext, customerId: string, limit: number): Promise<CodeWithCampaign[]> {
    return entityManagerOf(ctx, this.dataSource)
      .createQueryBuilder(CouponCodeEntity, 'k')
      .innerJoinAndSelect('k.campaign', 'c')
      .where('k.issued_to_customer_id = :customerId', { customerId })
      .orderBy('k.issued_at', 'DESC')
      .addOrderBy('k.id', 'ASC')
      .limit(limit)
      .getMany() as Promise<CodeWithCampaign[]>;
  }

  /**
   * Inserts single-use codes in ONE statement; codes that already exist are skipped (ON CONFLICT),
   * so the caller tops up. Returns how many were inserted.
   */
  async insertUnique(ctx: RequestContext, campaignId: string, codes: readonly string[]): Promise<number> {
    const [row] = await queryRows<{ inserted: string }>(
      entityManagerOf(ctx, this.dataSource),
      `WITH inserted AS (
         INSERT INTO coupon_code (campaign_id, code, kind, max_uses)
         SELECT $1, code, '${CouponCodeKind.UNIQUE}', 1 FROM unnest($2::text[]) AS code
         ON CONFLICT (code) DO NOTHING
         RETURNING 1
       )
       SELECT count(*) AS inserted FROM inserted`,
      [campaignId, codes],
    );
    return Number(row.inserted);
  }

  /** Throws a unique violation (uq_coupon_code_code) when the code exists; the caller maps it. */
  insertShared(ctx: RequestContext, campaignId: string, code: string, maxUses: number | null): Promise<CouponCodeEntity> {
    const manager = entityManagerOf(ctx, this.dataSource);
    return manager.save(
      CouponCodeEntity,
      manager.create(CouponCodeEntity, { campaignId, code, kind: CouponCodeKind.SHARED, maxUses, useCount: 0, issuedToCustomerId: null, issuedAt: null }),
    );
  }

  /** An unused code of the campaign already issued to this customer (issuing is idempotent). */
  findUnusedIssued(ctx: RequestContext, campaignId: string, customerId: string): Promise<CouponCodeEntity | null> {
    return entityManagerOf(ctx, this.dataSource)
      .createQueryBuilder(CouponCodeEntity, 'k')
      .where('k.campaign_id = :campaignId AND k.issued_to_customer_id = :customerId', { campaignId, customerId })
      .andWhere('(k.max_uses IS NULL OR k.use_count < k.max_uses)')
      .orderBy('k.issued_at', 'ASC')
      .getOne();
  }

  /** Serialises issuing for one (campaign, customer) until the transaction ends. */
  async lockIssuing(ctx: RequestContext, campaignId: string, customerId: string): Promise<void> {
    if (!ctx.entityManager?.queryRunner?.isTransactionActive) {
      throw new Error('Issuing a coupon must run inside a transaction');
    }
    await queryRows(ctx.entityManager, "SELECT pg_advisory_xact_lock(hashtextextended('coupon-issue:' || $1 || ':' || $2, 0))", [campaignId, customerId]);
  }

  /**
   * Takes the next free single-use code and issues it. SKIP LOCKED lets concurrent sign-ups take
   * different codes instead of queueing on the same row. Null when none is left.
   */
  async issueNext(ctx: RequestContext, campaignId: string, customerId: string, at: Date): Promise<CouponCodeEntity | null> {
    const rows = await queryRows<{ id: string }>(
      entityManagerOf(ctx, this.dataSource),
      `UPDATE coupon_code SET issued_to_customer_id = $2, issued_at = $3
        WHERE id = (
          SELECT id FROM coupon_code
           WHERE campaign_id = $1 AND kind = '${CouponCodeKind.UNIQUE}' AND issued_to_customer_id IS NULL AND use_count = 0
           ORDER BY created_at
           LIMIT 1
           FOR UPDATE SKIP LOCKED
        )
        RETURNING id`,
      [campaignId, customerId, at],
    );
    return rows.length === 1 ? entityManagerOf(ctx, this.dataSource).findOneBy(CouponCodeEntity, { id: rows[0].id }) : null;
  }

  /** THE single-use statement: one more use only while under max_uses. Null = exhausted. */
  async incrementUse(ctx: RequestContext, id: string): Promise<CodeUse | null> {
    const rows = await queryPrepared<{ issued_to_customer_id: string | null }>(
      entityManagerOf(ctx, this.dataSource),
      `UPDATE coupon_code SET use_count = use_count + 1
        WHERE id = $1 AND (max_uses IS NULL OR use_count < max_uses)
        RETURNING issued_to_customer_id`,
      [id],
    );
    return rows.length === 1 ? { issuedToCustomerId: rows[0].issued_to_customer_id } : null;
  }

  /** Gives uses back (one per id occurrence), never below zero, one code at a time in id order. */
  async decrementUses(ctx: RequestContext, codeIds: readonly string[]): Promise<void> {
    const { ids, counts } = countedIds(codeIds);
    for (const [index, id] of ids.entries()) {
      await queryRows(entityManagerOf(ctx, this.dataSource), 'UPDATE coupon_code SET use_count = greatest(use_count - $2, 0) WHERE id = $1', [
        id,
        counts[index],
      ]);
    }
  }
}
