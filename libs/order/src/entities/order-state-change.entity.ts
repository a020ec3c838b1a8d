import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrderEntity } from './order.entity';
import { OrderState } from './order.enums';

const STATES = Object.values(OrderState).map((state) => `'${state}'`).join(', ');

/**
 * Every transition of every order, with who made it and why. Append-only. States are varchar with
 * a CHECK (one PostgreSQL enum type cannot be declared by two entities).
 */
@Entity('order_state_change')
@Check('chk_order_state_change_states', `("from_state" IS NULL OR "from_state" IN (${STATES})) AND "to_state" IN (${STATES})`)
@Index('idx_order_state_change_order_id', ['orderId', 'id'])
export class OrderStateChangeEntity {
  /** bigint: returned by the driver as a string. */
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'pk_order_state_change' })
  id!: string;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId!: string;

  @ManyToOne(() => OrderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_id', foreignKeyConstraintName: 'fk_order_state_change_order' })
  order?: OrderEntity;

  /** null for the order's creation. */
  @Column({ name: 'from_state', type: 'varchar', length: 24, nullable: true })
  fromState!: OrderState | null;

  @Column({ name: 'to_state', type: 'varchar', length: 24 })
  toState!: OrderState;

  /** RequestContext.actorLabel, e.g. staff:<id>, or system:order-expiry. */
  @Column({ type: 'varchar', length: 120 })
  actor!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  reason!: string | null;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;
}
