import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Storefront sign-in attempts, to throttle password guessing per email (held in the database, so across replicas). */
@Entity('customer_sign_in_attempt')
@Index('idx_customer_sign_in_attempt_email_time', ['email', 'attemptedAt'])
export class CustomerSignInAttemptEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'pk_customer_sign_in_attempt' })
  id!: string;

  /** Normalised, as typed (it may belong to nobody). */
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip!: string | null;

  @Column({ type: 'boolean' })
  succeeded!: boolean;

  @Column({ name: 'attempted_at', type: 'timestamptz' })
  attemptedAt!: Date;
}
