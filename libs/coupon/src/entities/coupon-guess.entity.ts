import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A code that did not exist (or a forged QR token), per caller. Too many in a window and that
 * caller's coupon look-ups are refused for a while: codes cannot be guessed by brute force.
 */
@Entity('coupon_guess')
@Index('idx_coupon_guess_caller_at', ['caller', 'attemptedAt'])
export class CouponGuessEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'pk_coupon_guess' })
  id!: string;

  /** terminal:<id>, staff:<id>, customer:<id> or storefront:<key id>@<ip>. */
  @Column({ type: 'varchar', length: 160 })
  caller!: string;

  @Column({ name: 'attempted_at', type: 'timestamptz' })
  attemptedAt!: Date;
}
