import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Every staff login attempt; failures within a window throttle further attempts for that email. */
@Entity('login_attempt')
@Index('idx_login_attempt_email_at', ['email', 'attemptedAt'])
export class LoginAttemptEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip!: string | null;

  @Column({ type: 'boolean' })
  succeeded!: boolean;

  @Column({ name: 'terminal_id', type: 'uuid', nullable: true })
  terminalId!: string | null;

  @Column({ name: 'attempted_at', type: 'timestamptz' })
  attemptedAt!: Date;
}
