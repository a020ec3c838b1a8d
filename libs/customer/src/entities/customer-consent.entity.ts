import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ConsentPurpose, CustomerChannel } from './customer.enums';
import { CustomerEntity } from './customer.entity';

/**
 * Consent history, append-only: one row per change. The current consent for a purpose is the row
 * with the highest id (ids are a sequence, so ties in time are ordered too). No row = never given.
 */
@Entity('customer_consent')
@Check('chk_customer_consent_purpose', "purpose IN ('EMAIL_MARKETING', 'SMS_MARKETING')")
@Check('chk_customer_consent_channel', "channel IN ('ONLINE', 'POS', 'BACK_OFFICE')")
@Index('idx_customer_consent_customer_purpose', ['customerId', 'purpose', 'id'])
export class CustomerConsentEntity {
  /** bigint: returned by the driver as a string. */
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'pk_customer_consent' })
  id!: string;

  @Column({ name: 'customer_id', type: 'uuid' })
  customerId!: string;

  @ManyToOne(() => CustomerEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'customer_id', foreignKeyConstraintName: 'fk_customer_consent_customer' })
  customer?: CustomerEntity;

  @Column({ type: 'varchar', length: 32 })
  purpose!: ConsentPurpose;

  @Column({ type: 'boolean' })
  granted!: boolean;

  @Column({ type: 'varchar', length: 16 })
  channel!: CustomerChannel;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}

/** A profile with its current consents, as the profile services return it. */
export interface CustomerProfile {
  readonly customer: CustomerEntity;
  readonly consents: CustomerConsentEntity[];
}
