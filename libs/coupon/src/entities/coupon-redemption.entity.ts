import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CustomerEntity } from '@omnitill/customer';
import { StoreEntity } from '@omnitill/store';
import { CampaignEntity } from './campaign.entity';
import { CouponCodeEntity } from './coupon-code.entity';
import { CouponChannel, CouponRedemptionState } from './coupon.enums';

export const COUPON_REDEMPTION_ACTIVE_UNIQUE_INDEX = 'uq_coupon_redemption_active_code_order';

/**
 * A code used on an order. `order_id` has no foreign key: orders live in a lib above this one.
 * A code is active at most once per order; reversing (cancel, void, full return) keeps the row.
 */
@Entity('coupon_redemption')
@Check('chk_coupon_redemption_state', "state IN ('ACTIVE', 'REVERSED')")
@Check('chk_coupon_redemption_channel', "channel IN ('ONLINE', 'POS')")
@Check('chk_coupon_redemption_discount_amount', 'discount_amount >= 0')
@Check('chk_coupon_redemption_reversed_at', "(state = 'REVERSED') = (reversed_at IS NOT NULL)")
@Index(COUPON_REDEMPTION_ACTIVE_UNIQUE_INDEX, ['codeId', 'orderId'], { unique: true, where: "state = 'ACTIVE'" })
// Per-customer caps count a customer's active redemptions of a campaign.
@Index('idx_coupon_redemption_campaign_customer', ['campaignId', 'customerId'], { where: "state = 'ACTIVE'" })
export class CouponRedemptionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('idx_coupon_redemption_code_id')
  @Column({ name: 'code_id', type: 'uuid' })
  codeId!: string;

  @ManyToOne(() => CouponCodeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'code_id', foreignKeyConstraintName: 'fk_coupon_redemption_code' })
  couponCode?: CouponCodeEntity;

  @Index('idx_coupon_redemption_campaign_id')
  @Column({ name: 'campaign_id', type: 'uuid' })
  campaignId!: string;

  @ManyToOne(() => CampaignEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'fk_coupon_redemption_campaign' })
  campaign?: CampaignEntity;

  @Index('idx_coupon_redemption_order_id')
  @Column({ name: 'order_id', type: 'uuid' })
  orderId!: string;

  @Index('idx_coupon_redemption_store_id')
  @Column({ name: 'store_id', type: 'uuid', nullable: true })
  storeId!: string | null;

  @ManyToOne(() => StoreEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'store_id', foreignKeyConstraintName: 'fk_coupon_redemption_store' })
  store?: StoreEntity;

  @Column({ type: 'varchar', length: 8 })
  channel!: CouponChannel;

  @Index('idx_coupon_redemption_customer_id', { where: 'customer_id IS NOT NULL' })
  @Column({ name: 'customer_id', type: 'uuid', nullable: true })
  customerId!: string | null;

  @ManyToOne(() => CustomerEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'customer_id', foreignKeyConstraintName: 'fk_coupon_redemption_customer' })
  customer?: CustomerEntity;

  @Column({ name: 'discount_amount', type: 'integer' })
  discountAmount!: number;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  /** The discount per basket line, in line order: what refunds prorate. */
  @Column({ name: 'line_discounts', type: 'jsonb' })
  lineDiscounts!: RedemptionLineDiscount[];

  @Column({ type: 'varchar', length: 8 })
  state!: CouponRedemptionState;

  @Column({ name: 'redeemed_at', type: 'timestamptz' })
  redeemedAt!: Date;

  @Column({ name: 'reversed_at', type: 'timestamptz', nullable: true })
  reversedAt!: Date | null;
}

export interface RedemptionLineDiscount {
  readonly lineIndex: number;
  readonly variantId: string | null;
  readonly sku: string;
  readonly discountAmount: number;
}
