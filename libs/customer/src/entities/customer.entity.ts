import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { CustomerChannel } from './customer.enums';

/** Unique index names; a violation on them maps to a typed error. */
export const CUSTOMER_EMAIL_UNIQUE_INDEX = 'uq_customer_email';
export const CUSTOMER_PHONE_UNIQUE_INDEX = 'uq_customer_phone';
export const CUSTOMER_LOYALTY_UNIQUE_INDEX = 'uq_customer_loyalty_number';

/**
 * One person across every channel. `email` is stored lower-cased and is required until the profile
 * is erased; `phone` is E.164. A merged profile keeps its row (old QR cards, loyalty numbers and
 * sign-ins still resolve, to the survivor) and points at the survivor with `mergedIntoId`.
 */
@Entity('customer')
@Check('chk_customer_email_lower_case', 'email = lower(email)')
@Check('chk_customer_email_unless_erased', 'email IS NOT NULL OR erased_at IS NOT NULL')
@Check('chk_customer_created_channel', "created_channel IN ('ONLINE', 'POS', 'BACK_OFFICE')")
@Check('chk_customer_not_merged_into_itself', 'merged_into_id IS NULL OR merged_into_id <> id')
export class CustomerEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index(CUSTOMER_EMAIL_UNIQUE_INDEX, { unique: true, where: 'email IS NOT NULL' })
  @Column({ type: 'varchar', length: 254, nullable: true })
  email!: string | null;

  @Index(CUSTOMER_PHONE_UNIQUE_INDEX, { unique: true, where: 'phone IS NOT NULL' })
  @Column({ type: 'varchar', length: 16, nullable: true })
  phone!: string | null;

  @Column({ name: 'first_name', type: 'varchar', length: 100, nullable: true })
  firstName!: string | null;

  @Column({ name: 'last_name', type: 'varchar', length: 100, nullable: true })
  lastName!: string | null;

  @Index(CUSTOMER_LOYALTY_UNIQUE_INDEX, { unique: true, where: 'loyalty_number IS NOT NULL' })
  @Column({ name: 'loyalty_number', type: 'varchar', length: 13, nullable: true })
  loyaltyNumber!: string | null;

  /** Set for storefront accounts only: `scrypt$N$r$p$salt$hash`. */
  @Column({ name: 'password_hash', type: 'varchar', length: 255, nullable: true })
  passwordHash!: string | null;

  @Column({ name: 'email_verified_at', type: 'timestamptz', nullable: true })
  emailVerifiedAt!: Date | null;

  @Column({ name: 'created_channel', type: 'varchar', length: 16 })
  createdChannel!: CustomerChannel;

  @Column({ name: 'erased_at', type: 'timestamptz', nullable: true })
  erasedAt!: Date | null;

  @Index('idx_customer_merged_into_id')
  @Column({ name: 'merged_into_id', type: 'uuid', nullable: true })
  mergedIntoId!: string | null;

  @ManyToOne(() => CustomerEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'merged_into_id', foreignKeyConstraintName: 'fk_customer_merged_into' })
  mergedInto?: CustomerEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** A profile that can act: neither erased nor merged into another. */
export function isLiveCustomer(customer: CustomerEntity): boolean {
  return customer.erasedAt === null && customer.mergedIntoId === null;
}
