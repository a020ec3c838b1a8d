import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Paginated } from '@omnitill/common';
import { QrCodeType } from '@omnitill/customer';
import { CouponCodeEntity } from '../../entities/coupon-code.entity';
import { RedemptionLineDiscount } from '../../entities/coupon-redemption.entity';
import { CouponCodeKind } from '../../entities/coupon.enums';
import { CodeWithCampaign } from '../../repositories/coupon-code.repository';
import { IssuedCoupon } from '../../services/coupon-issuing.service';
import { CouponPreview } from '../../services/coupon-preview.service';
import { Redemption } from '../../services/coupon-redemption.service';

@ObjectType('CouponCode')
export class CouponCodeType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  campaignId!: string;

  @Field(() => String)
  code!: string;

  @Field(() => CouponCodeKind)
  kind!: CouponCodeKind;

  @Field(() => ID, { nullable: true })
  issuedToCustomerId!: string | null;

  @Field(() => Date, { nullable: true })
  issuedAt!: Date | null;

  @Field(() => Int, { nullable: true, description: 'null = limited by the campaign caps only.' })
  maxUses!: number | null;

  @Field(() => Int)
  useCount!: number;

  @Field(() => Date)
  createdAt!: Date;

  static fromEntity(entity: CouponCodeEntity): CouponCodeType {
    return Object.assign(new CouponCodeType(), {
      id: entity.id,
      campaignId: entity.campaignId,
      code: entity.code,
      kind: entity.kind,
      issuedToCustomerId: entity.issuedToCustomerId,
      issuedAt: entity.issuedAt,
      maxUses: entity.maxUses,
      useCount: entity.useCount,
      createdAt: entity.createdAt,
    });
  }
}

@ObjectType('CouponCodeList')
export class CouponCodeList extends Paginated(CouponCodeType) {}

@ObjectType('IssuedCoupon', { description: 'A single-use code issued to a customer, with its QR code for the till.' })
export class IssuedCouponType {
  @Field(() => String)
  code!: string;

  @Field(() => ID)
  campaignId!: string;

  @Field(() => ID)
  customerId!: string;

  @Field(() => Date)
  issuedAt!: Date;

  @Field(() => Date)
  validUntil!: Date;

  @Field(() => QrCodeType)
  qr!: QrCodeType;

  static from({ code, campaign, qr }: IssuedCoupon): IssuedCouponType {
    return Object.assign(new IssuedCouponType(), {
      code: code.code,
      campaignId: campaign.id,
      customerId: code.issuedToCustomerId,
      issuedAt: code.issuedAt,
      validUntil: campaign.validUntil,
      qr: QrCodeType.from(qr),
    });
  }
}

@ObjectType('MyCoupon', { description: "A code issued to the signed-in customer. Select `qr` only when showing it (it is rendered on demand)." })
export class MyCouponType {
  @Field(() => String)
  code!: string;

  @Field(() => ID)
  campaignId!: string;

  @Field(() => String)
  campaignName!: string;

  @Field(() => Date)
  validFrom!: Date;

  @Field(() => Date)
  validUntil!: Date;

  @Field(() => Boolean)
  used!: boolean;

  @Field(() => Date, { nullable: true })
  issuedAt!: Date | null;

  static fromEntity(entity: CodeWithCampaign): MyCouponType {
    return Object.assign(new MyCouponType(), {
      code: entity.code,
      campaignId: entity.campaignId,
      campaignName: entity.campaign.name,
      validFrom: entity.campaign.validFrom,
      validUntil: entity.campaign.validUntil,
      used: entity.maxUses !== null && entity.useCount >= entity.maxUses,
      issuedAt: entity.issuedAt,
    });
  }
}

@ObjectType('CouponLineDiscount', { description: 'The discount on one basket line (0 for an ineligible one).' })
export class CouponLineDiscountType {
  @Field(() => Int, { description: 'Position of the line in the basket input, from 0.' })
  lineIndex!: number;

  @Field(() => ID, { nullable: true })
  variantId!: string | null;

  @Field(() => String)
  sku!: string;

  @Field(() => Int, { description: 'Minor units.' })
  discountAmount!: number;

  static from(line: RedemptionLineDiscount): CouponLineDiscountType {
    return Object.assign(new CouponLineDiscountType(), line);
  }
}

@ObjectType('CouponPreview', { description: 'What the code would take off this basket, per line. Nothing is used up.' })
export class CouponPreviewType {
  @Field(() => String)
  code!: string;

  @Field(() => ID)
  campaignId!: string;

  @Field(() => String)
  campaignName!: string;

  @Field(() => Int, { description: 'Minor units; the lines sum to it exactly.' })
  discountAmount!: number;

  @Field(() => String)
  currency!: string;

  @Field(() => [CouponLineDiscountType])
  lines!: CouponLineDiscountType[];

  static from(preview: CouponPreview): CouponPreviewType {
    return Object.assign(new CouponPreviewType(), { ...preview, lines: preview.lines.map(CouponLineDiscountType.from) });
  }
}

@ObjectType('CouponRedemption', { description: 'A code used on an order.' })
export class CouponRedemptionType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  code!: string;

  @Field(() => ID)
  campaignId!: string;

  @Field(() => Int)
  discountAmount!: number;

  @Field(() => String)
  currency!: string;

  @Field(() => [CouponLineDiscountType])
  lines!: CouponLineDiscountType[];

  @Field(() => ID, { nullable: true, description: 'Whom the redemption is recorded for: the identified customer, else the owner of the code.' })
  customerId!: string | null;

  @Field(() => ID, { nullable: true })
  issuedToCustomerId!: string | null;

  @Field(() => Date)
  redeemedAt!: Date;

  static from(redemption: Redemption): CouponRedemptionType {
    return Object.assign(new CouponRedemptionType(), {
      id: redemption.redemptionId,
      code: redemption.code,
      campaignId: redemption.campaignId,
      discountAmount: redemption.discountAmount,
      currency: redemption.currency,
      lines: redemption.lineDiscounts.map(CouponLineDiscountType.from),
      customerId: redemption.customerId,
      issuedToCustomerId: redemption.issuedToCustomerId,
      redeemedAt: redemption.redeemedAt,
    });
  }
}
