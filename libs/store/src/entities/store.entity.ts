import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export interface OpeningHoursEntry {
  /** ISO day of week: 1 = Monday ... 7 = Sunday. */
  dayOfWeek: number;
  /** Local time "HH:MM". */
  opens: string;
  closes: string;
}

@Entity('store')
export class StoreEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('uq_store_code', { unique: true })
  @Column({ type: 'varchar', length: 32 })
  code!: string;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  @Column({ name: 'address_line1', type: 'varchar', length: 200 })
  addressLine1!: string;

  @Column({ name: 'address_line2', type: 'varchar', length: 200, nullable: true })
  addressLine2!: string | null;

  @Column({ type: 'varchar', length: 100 })
  city!: string;

  @Column({ name: 'postal_code', type: 'varchar', length: 20 })
  postalCode!: string;

  @Column({ name: 'country_code', type: 'char', length: 2 })
  countryCode!: string;

  @Column({ type: 'varchar', length: 64 })
  timezone!: string;

  @Column({ type: 'double precision' })
  latitude!: number;

  @Column({ type: 'double precision' })
  longitude!: number;

  @Column({ name: 'opening_hours', type: 'jsonb' })
  openingHours!: OpeningHoursEntry[];

  @Column({ type: 'boolean', default: true })
  sells!: boolean;

  @Column({ name: 'holds_stock', type: 'boolean', default: true })
  holdsStock!: boolean;

  @Column({ name: 'offers_pickup', type: 'boolean', default: false })
  offersPickup!: boolean;

  @Column({ name: 'pickup_promise_minutes', type: 'integer', default: 120 })
  pickupPromiseMinutes!: number;

  @Column({ name: 'hold_period_days', type: 'integer', default: 7 })
  holdPeriodDays!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
