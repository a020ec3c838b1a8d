import { Injectable } from '@nestjs/common';
import { BadInputException, NotFoundException, Page, RequestContext } from '@omnitill/common';
import { CreateCampaignInput, UpdateCampaignInput } from '../api/inputs/campaign.input';
import { CampaignEntity } from '../entities/campaign.entity';
import { CampaignCounts, CampaignRepository, NO_COUNTS } from '../repositories/campaign.repository';
import { campaignShapeErrors } from '../rules/campaign-rules';

export interface CampaignWithCounts {
  readonly campaign: CampaignEntity;
  readonly counts: CampaignCounts;
}

const upperCased = (skus: readonly string[] | null | undefined): string[] | null => (skus ? [...new Set(skus.map((sku) => sku.toUpperCase()))] : null);

/** Campaign maintenance for marketing (admins). Write methods must run in a transaction. */
@Injectable()
export class CampaignAdminService {
  constructor(private readonly campaigns: CampaignRepository) {}

  async create(ctx: RequestContext, input: CreateCampaignInput): Promise<CampaignWithCounts> {
    const draft = {
      name: input.name.trim(),
      source: input.source,
      discountType: input.discountType,
      percent: input.percent ?? null,
      maxDiscountAmount: input.maxDiscountAmount ?? null,
      fixedAmount: input.fixedAmount ?? null,
      currency: input.currency,
      minBasketAmount: input.minBasketAmount,
      eligibleSkus: upperCased(input.eligibleSkus),
      eligibleChannels: [...input.eligibleChannels],
      eligibleStoreIds: input.eligibleStoreIds ? [...new Set(input.eligibleStoreIds)] : null,
      validFrom: input.validFrom,
      validUntil: input.validUntil,
      totalRedemptionCap: input.totalRedemptionCap ?? null,
      perCustomerCap: input.perCustomerCap ?? null,
      restoreOnFullReturn: input.restoreOnFullReturn,
    };
    assertConsistent({ ...draft, redemptionCount: 0 });
    return { campaign: await this.campaigns.insert(ctx, draft), counts: NO_COUNTS };
  }

  /** The discount type and currency cannot change: codes already out there were promised them. */
  async update(ctx: RequestContext, id: string, input: UpdateCampaignInput): Promise<CampaignWithCounts> {
    // Locked first: a lowered cap is checked against a redemption count no redemption can move meanwhile.
    await this.campaigns.lockById(ctx, id);
    const campaign = await this.getEntity(ctx, id);
    if (campaign.totalRedemptionCap === null && input.totalRedemptionCap !== undefined && input.totalRedemptionCap !== null) {
      // Uncapped campaigns do not maintain the counter (see CouponRedemptionService.redeem).
      campaign.redemptionCount = await this.campaigns.recountRedemptions(ctx, id);
    }
    const nullable = ['percent', 'maxDiscountAmount', 'fixedAmount', 'totalRedemptionCap', 'perCustomerCap'] as const;
    for (const field of nullable) {
      if (input[field] !== undefined) {
        campaign[field] = input[field] ?? null;
      }
    }
    if (input.eligibleSkus !== undefined) {
      campaign.eligibleSkus = upperCased(input.eligibleSkus);
    }
    if (input.eligibleStoreIds !== undefined) {
      campaign.eligibleStoreIds = input.eligibleStoreIds ? [...new Set(input.eligibleStoreIds)] : null;
    }
    // Required columns: null means "leave unchanged", like an omitted field.
    campaign.name = input.name?.trim() ?? campaign.name;
    campaign.minBasketAmount = input.minBasketAmount ?? campaign.minBasketAmount;
    campaign.eligibleChannels = input.eligibleChannels ?? campaign.eligibleChannels;
    campaign.validFrom = input.validFrom ?? campaign.validFrom;
    campaign.validUntil = input.validUntil ?? campaign.validUntil;
    campaign.restoreOnFullReturn = input.restoreOnFullReturn ?? campaign.restoreOnFullReturn;
    assertConsistent(campaign);
    return this.withCounts(ctx, await this.campaigns.save(ctx, campaign));
  }

  async get(ctx: RequestContext, id: string): Promise<CampaignWithCounts> {
    return this.withCounts(ctx, await this.getEntity(ctx, id));
  }

  async list(ctx: RequestContext, search: string | undefined, skip: number, take: number): Promise<Page<CampaignWithCounts>> {
    const page = await this.campaigns.list(ctx, search, skip, take);
    const counts = await this.campaigns.countsFor(ctx, page.items.map((campaign) => campaign.id));
    return { ...page, items: page.items.map((campaign) => ({ campaign, counts: counts.get(campaign.id) ?? NO_COUNTS })) };
  }

  async getEntity(ctx: RequestContext, id: string): Promise<CampaignEntity> {
    const campaign = await this.campaigns.findById(ctx, id);
    if (!campaign) {
      throw new NotFoundException('Campaign', id);
    }
    return campaign;
  }

  private async withCounts(ctx: RequestContext, campaign: CampaignEntity): Promise<CampaignWithCounts> {
    const counts = await this.campaigns.countsFor(ctx, [campaign.id]);
    return { campaign, counts: counts.get(campaign.id) ?? NO_COUNTS };
  }
}

function assertConsistent(shape: Parameters<typeof campaignShapeErrors>[0]): void {
  const errors = campaignShapeErrors(shape);
  if (errors.length > 0) {
    throw new BadInputException(`Invalid campaign: ${errors.map((error) => error.messages.join(', ')).join('; ')}`, errors);
  }
}
