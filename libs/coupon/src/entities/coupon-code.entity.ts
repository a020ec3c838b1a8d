import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CustomerEntity } from '@omnitill/customer';
import { CampaignEntity } from './campaign.entity';
import { CouponCodeKind } from './coupon.enums';

export const COUPON_CODE_UNIQUE_INDEX = 'uq_coupon_code_code';

/**
 * A code of a campaign. `use_count` is only changed by guarded statements; the CHECK makes
 * `max_uses` hold even against a bug. Unique codes have max_uses 1.
 */
@Entity('coupon_code')
@Check('chk_coupon_code_kind', "kind IN ('SHARED', 'UNIQUE')")
@Check('chk_coupon_code_use_count', 'use_count >= 0 AND (max_uses IS NULL OR use_count <= max_uses)')
@Check('chk_coupon_code_max_uses', "(max_uses IS NULL OR max_uses >= 1) AND (kind = 'SHARED' OR max_uses = 1)")
@Check('chk_coupon_code_issued', '(issued_to_customer_id IS NULL) = (issued_at IS NULL)')
// Where issueCoupon picks the next free code of a campaign.
@Index('idx_coupon_code_available', ['campaignId', 'createdAt'], { where: "kind = 'UNIQUE' AND issued_to_customer_id IS NULL AND use_count = 0" })
export class CouponCodeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('idx_coupon_code_campaign_id')
  @Column({ name: 'campaign_id', type: 'uuid' })
  campaignId!: string;

  @ManyToOne(() => CampaignEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'fk_coupon_code_campaign' })
  campaign?: CampaignEntity;

  /** Upper case; what a cashier types or the QR token names. */
  @Index(COUPON_CODE_UNIQUE_INDEX, { unique: true })
  @Column({ type: 'varchar', length: 32 })
  code!: string;

  @Column({ type: 'varchar', length: 8 })
  kind!: CouponCodeKind;

  @Index('idx_coupon_code_issued_to_customer_id', { where: 'issued_to_customer_id IS NOT NULL' })
  @Column({ name: 'issued_to_customer_id', type: 'uuid', nullable: true })
  issuedToCustomerId!: string | null;

  @ManyToOne(() => CustomerEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'issued_to_customer_id', foreignKeyConstraintName: 'fk_coupon_code_issued_to_customer' })
  issuedToCustomer?: CustomerEntity;

  @Column({ name: 'issued_at', type: 'timestamptz', nullable: true })
  issuedAt!: Date | null;

  /** null = unlimited (a shared code bounded by the campaign caps only). */
  @Column({ name: 'max_uses', type: 'integer', nullable: true })
  maxUses!: number | null;

  @Column({ name: 'use_count', type: 'integer', default: 0 })
  useCount!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
