import { Injectable } from '@nestjs/common';
import { Money, RequestContext } from '@omnitill/common';
import {
  CustomerChannel, CustomerDataExporter, CustomerMergeParticipant, CustomerTimelineSource, JsonObject, TimelineEntry, TimelineEntryKind,
} from '@omnitill/customer';
import { CouponCodeRepository } from '../repositories/coupon-code.repository';
import { CouponCustomerRepository, CouponTouchpointRow } from '../repositories/coupon-customer.repository';

const PARTICIPANT_NAME = 'coupon';
const EXPORT_LIMIT = 10_000;

/** Merging profiles moves the duplicate's issued codes and redemptions to the survivor. */
@Injectable()
export class CouponMergeParticipant implements CustomerMergeParticipant {
  readonly name = PARTICIPANT_NAME;

  constructor(private readonly coupons: CouponCustomerRepository) {}

  reassign(ctx: RequestContext, fromCustomerId: string, toCustomerId: string): Promise<number> {
    return this.coupons.reassign(ctx, fromCustomerId, toCustomerId);
  }
}

/** The `coupon` section of a customer's data export: codes issued and redemptions. */
@Injectable()
export class CouponDataExporter implements CustomerDataExporter {
  readonly name = PARTICIPANT_NAME;

  constructor(
    private readonly codes: CouponCodeRepository,
    private readonly coupons: CouponCustomerRepository,
  ) {}

  async exportData(ctx: RequestContext, customerId: string): Promise<JsonObject> {
    const issued = await this.codes.listIssuedTo(ctx, customerId, EXPORT_LIMIT);
    const redemptions = await this.coupons.redemptionsOf(ctx, customerId);
    return {
      issuedCodes: issued.map((code) => ({ code: code.code, campaign: code.campaign.name, issuedAt: code.issuedAt, used: code.useCount > 0 })),
      redemptions: redemptions.map((redemption) => ({
        orderId: redemption.orderId,
        storeId: redemption.storeId,
        channel: redemption.channel,
        discountAmount: redemption.discountAmount,
        currency: redemption.currency,
        state: redemption.state,
        redeemedAt: redemption.redeemedAt,
        reversedAt: redemption.reversedAt,
      })),
    };
  }
}

const KINDS: Readonly<Record<CouponTouchpointRow['kind'], TimelineEntryKind>> = {
  ISSUED: TimelineEntryKind.COUPON_ISSUED,
  REDEEMED: TimelineEntryKind.COUPON_REDEEMED,
  REVERSED: TimelineEntryKind.COUPON_REDEMPTION_REVERSED,
};

function summaryOf(row: CouponTouchpointRow): string {
  const discount = row.discount_amount === null ? '' : `: ${new Money(row.discount_amount, row.currency.trim()).format()} off`;
  switch (row.kind) {
    case 'ISSUED':
      return `Coupon ${row.code} issued (${row.campaign_name})`;
    case 'REDEEMED':
      return `Coupon ${row.code} redeemed (${row.campaign_name})${discount}`;
    case 'REVERSED':
      return `Coupon ${row.code} redemption reversed (${row.campaign_name})${discount}`;
  }
}

/** Codes issued to the customer and their redemptions (and reversals) on the timeline. */
@Injectable()
export class CouponTimelineSource implements CustomerTimelineSource {
  readonly name = PARTICIPANT_NAME;

  constructor(private readonly coupons: CouponCustomerRepository) {}

  async latestEntries(ctx: RequestContext, customerId: string, limit: number): Promise<TimelineEntry[]> {
    const rows = await this.coupons.latestTouchpoints(ctx, customerId, limit);
    return rows.map((row) => ({
      occurredAt: row.occurred_at,
      kind: KINDS[row.kind],
      channel: row.channel === null ? null : CustomerChannel[row.channel as keyof typeof CustomerChannel],
      storeId: row.store_id,
      summary: summaryOf(row),
      referenceId: row.reference_id,
    }));
  }

  countEntries(ctx: RequestContext, customerId: string): Promise<number> {
    return this.coupons.countTouchpoints(ctx, customerId);
  }
}
