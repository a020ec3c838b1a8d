import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { CouponChannel, CouponDiscountType } from './coupon.enums';

/**
 * A discount and its rules. `redemption_count` is only ever changed by guarded increments and
 * decrements (see CampaignRepository), and the CHECK makes the total cap hold even against a bug.
 * Amounts are integer minor units of `currency`.
 */
@Entity('campaign')
@Check('chk_campaign_discount_type', "discount_type IN ('PERCENT', 'FIXED_AMOUNT')")
@Check(
  'chk_campaign_discount_shape',
  "(discount_type = 'PERCENT' AND percent BETWEEN 1 AND 100 AND fixed_amount IS NULL) OR " +
    "(discount_type = 'FIXED_AMOUNT' AND fixed_amount > 0 AND percent IS NULL AND max_discount_amount IS NULL)",
)
@Check('chk_campaign_max_discount_amount', 'max_discount_amount IS NULL OR max_discount_amount > 0')
@Check('chk_campaign_min_basket_amount', 'min_basket_amount >= 0')
@Check('chk_campaign_channels', "cardinality(eligible_channels) >= 1 AND eligible_channels <@ ARRAY['ONLINE', 'POS']::text[]")
@Check('chk_campaign_validity', 'valid_until > valid_from')
@Check('chk_campaign_caps', '(total_redemption_cap IS NULL OR total_redemption_cap >= 1) AND (per_customer_cap IS NULL OR per_customer_cap >= 1)')
@Check('chk_campaign_redemption_count', 'redemption_count >= 0 AND (total_redemption_cap IS NULL OR redemption_count <= total_redemption_cap)')
export class CampaignEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** Where the campaign runs, for attribution, e.g. instagram-ad-nov. */
  @Index('idx_campaign_source')
  @Column({ type: 'varchar', length: 100 })
  source!: string;

  @Column({ name: 'discount_type', type: 'varchar', length: 16 })
  discountType!: CouponDiscountType;

  @Column({ type: 'integer', nullable: true })
  percent!: number | null;

  @Column({ name: 'max_discount_amount', type: 'integer', nullable: true })
  maxDiscountAmount!: number | null;

  @Column({ name: 'fixed_amount', type: 'integer', nullable: true })
  fixedAmount!: number | null;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  @Column({ name: 'min_basket_amount', type: 'integer', default: 0 })
  minBasketAmount!: number;

  /** Upper-cased SKUs the discount applies to; null = every item. */
  @Column({ name: 'eligible_skus', type: 'text', array: true, nullable: true })
  eligibleSkus!: string[] | null;

  @Column({ name: 'eligible_channels', type: 'text', array: true })
  eligibleChannels!: CouponChannel[];

  /** null = every store (and online orders without a store). */
  @Column({ name: 'eligible_store_ids', type: 'uuid', array: true, nullable: true })
  eligibleStoreIds!: string[] | null;

  @Column({ name: 'valid_from', type: 'timestamptz' })
  validFrom!: Date;

  /** Exclusive. */
  @Column({ name: 'valid_until', type: 'timestamptz' })
  validUntil!: Date;

  @Column({ name: 'total_redemption_cap', type: 'integer', nullable: true })
  totalRedemptionCap!: number | null;

  /** Active redemptions, across every code of the campaign. */
  @Column({ name: 'redemption_count', type: 'integer', default: 0 })
  redemptionCount!: number;

  @Column({ name: 'per_customer_cap', type: 'integer', nullable: true })
  perCustomerCap!: number | null;

  /** Whether a full return of the order gives the use back. */
  @Column({ name: 'restore_on_full_return', type: 'boolean', default: true })
  restoreOnFullReturn!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
