import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { StoreEntity } from '@omnitill/store';
import { StaffUserEntity } from './staff-user.entity';

/** Which stores a staff user belongs to (store roles act only there). */
@Entity('staff_store')
export class StaffStoreEntity {
  @PrimaryColumn({ name: 'staff_user_id', type: 'uuid' })
  staffUserId!: string;

  @Index('idx_staff_store_store_id')
  @PrimaryColumn({ name: 'store_id', type: 'uuid' })
  storeId!: string;

  @ManyToOne(() => StaffUserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'staff_user_id', foreignKeyConstraintName: 'fk_staff_store_staff_user' })
  staffUser?: StaffUserEntity;

  @ManyToOne(() => StoreEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'store_id', foreignKeyConstraintName: 'fk_staff_store_store' })
  store?: StoreEntity;
}
