import { Check, Column, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { ProductVariantEntity } from '@omnitill/catalog';
import { StoreEntity } from '@omnitill/store';
import { StockReservationState } from './stock.enums';

/** Units held at one store for an order until they are collected, released or the hold lapses. */
@Entity('stock_reservation')
@Index('idx_stock_reservation_active_expiry', ['expiresAt'], { where: `"state" = 'ACTIVE'` })
@Index('idx_stock_reservation_reference', ['referenceType', 'referenceId'])
export class StockReservationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_stock_reservation' })
  id!: string;

  @Index('idx_stock_reservation_store_id')
  @Column({ name: 'store_id', type: 'uuid' })
  storeId!: string;

  @ManyToOne(() => StoreEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'store_id', foreignKeyConstraintName: 'fk_stock_reservation_store' })
  store?: StoreEntity;

  @Column({ name: 'reference_type', type: 'varchar', length: 32 })
  referenceType!: string;

  @Column({ name: 'reference_id', type: 'varchar', length: 64 })
  referenceId!: string;

  @Column({ type: 'enum', enum: StockReservationState, enumName: 'stock_reservation_state', default: StockReservationState.ACTIVE })
  state!: StockReservationState;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'created_by', type: 'varchar', length: 120 })
  createdBy!: string;

  /** Why it was released (cancelled order, expired hold...), when it was. */
  @Column({ name: 'release_reason', type: 'varchar', length: 200, nullable: true })
  releaseReason!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;

  @OneToMany(() => StockReservationLineEntity, (line) => line.reservation)
  lines?: StockReservationLineEntity[];
}

@Entity('stock_reservation_line')
@Check('chk_stock_reservation_line_quantity', '"quantity" > 0')
export class StockReservationLineEntity {
  @PrimaryColumn({ name: 'reservation_id', type: 'uuid', primaryKeyConstraintName: 'pk_stock_reservation_line' })
  reservationId!: string;

  @ManyToOne(() => StockReservationEntity, (reservation) => reservation.lines, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'reservation_id', foreignKeyConstraintName: 'fk_stock_reservation_line_reservation' })
  reservation?: StockReservationEntity;

  @Index('idx_stock_reservation_line_variant_id')
  @PrimaryColumn({ name: 'variant_id', type: 'uuid', primaryKeyConstraintName: 'pk_stock_reservation_line' })
  variantId!: string;

  @ManyToOne(() => ProductVariantEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'variant_id', foreignKeyConstraintName: 'fk_stock_reservation_line_variant' })
  variant?: ProductVariantEntity;

  @Column({ type: 'integer' })
  quantity!: number;
}

/** A reservation with its lines loaded, as the reservation service returns it. */
export type ReservationEntity = StockReservationEntity & { lines: StockReservationLineEntity[] };
