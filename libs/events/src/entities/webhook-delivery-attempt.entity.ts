import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { WebhookDeliveryEntity } from './webhook-delivery.entity';

/** The log of every POST made for a delivery, replays included. */
@Entity('webhook_delivery_attempt')
@Index('idx_webhook_delivery_attempt_delivery', ['deliveryId', 'attemptNo'])
export class WebhookDeliveryAttemptEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'pk_webhook_delivery_attempt' })
  id!: string;

  @Column({ name: 'delivery_id', type: 'bigint' })
  deliveryId!: string;

  @ManyToOne(() => WebhookDeliveryEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'delivery_id', foreignKeyConstraintName: 'fk_webhook_delivery_attempt_delivery' })
  delivery?: WebhookDeliveryEntity;

  /** 1, 2, 3... over the delivery's whole life. */
  @Column({ name: 'attempt_no', type: 'integer' })
  attemptNo!: number;

  /** HTTP status, or null when no response came (timeout, refused, DNS). */
  @Column({ name: 'status_code', type: 'integer', nullable: true })
  statusCode!: number | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  error!: string | null;

  @Column({ name: 'duration_ms', type: 'integer' })
  durationMs!: number;

  @Column({ name: 'attempted_at', type: 'timestamptz' })
  attemptedAt!: Date;
}
