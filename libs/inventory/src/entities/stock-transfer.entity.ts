import { Check, Column, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { ProductVariantEntity } from '@omnitill/catalog';
import { StoreEntity } from '@omnitill/store';
import { StockTransferState } from './stock.enums';

/** Stock sent from one store to another: out at the source at once, in at the destination on receipt. */
@Entity('stock_transfer')
@Check('chk_stock_transfer_stores', '"from_store_id" <> "to_store_id"')
export class StockTransferEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_stock_transfer' })
  id!: string;

  @Index('idx_stock_transfer_from_store_id')
  @Column({ name: 'from_store_id', type: 'uuid' })
  fromStoreId!: string;

  @ManyToOne(() => StoreEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'from_store_id', foreignKeyConstraintName: 'fk_stock_transfer_from_store' })
  fromStore?: StoreEntity;

  @Index('idx_stock_transfer_to_store_id')
  @Column({ name: 'to_store_id', type: 'uuid' })
  toStoreId!: string;

  @ManyToOne(() => StoreEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'to_store_id', foreignKeyConstraintName: 'fk_stock_transfer_to_store' })
  toStore?: StoreEntity;

  @Column({ type: 'enum', enum: StockTransferState, enumName: 'stock_transfer_state', default: StockTransferState.IN_TRANSIT })
  state!: StockTransferState;

  @Column({ name: 'created_by', type: 'varchar', length: 120 })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'received_by', type: 'varchar', length: 120, nullable: true })
  receivedBy!: string | null;

  @Column({ name: 'received_at', type: 'timestamptz', nullable: true })
  receivedAt!: Date | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  @OneToMany(() => StockTransferLineEntity, (line) => line.transfer)
  lines?: StockTransferLineEntity[];
}

@Entity('stock_transfer_line')
@Check('chk_stock_transfer_line_quantity', '"quantity" > 0')
export class StockTransferLineEntity {
  @PrimaryColumn({ name: 'transfer_id', type: 'uuid', primaryKeyConstraintName: 'pk_stock_transfer_line' })
  transferId!: string;

  @ManyToOne(() => StockTransferEntity, (transfer) => transfer.lines, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'transfer_id', foreignKeyConstraintName: 'fk_stock_transfer_line_transfer' })
  transfer?: StockTransferEntity;

  @Index('idx_stock_transfer_line_variant_id')
  @PrimaryColumn({ name: 'variant_id', type: 'uuid', primaryKeyConstraintName: 'pk_stock_transfer_line' })
  variantId!: string;

  @ManyToOne(() => ProductVariantEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'variant_id', foreignKeyConstraintName: 'fk_stock_transfer_line_variant' })
  variant?: ProductVariantEntity;

  @Column({ type: 'integer' })
  quantity!: number;
}

export type TransferWithLines = StockTransferEntity & { lines: StockTransferLineEntity[] };
