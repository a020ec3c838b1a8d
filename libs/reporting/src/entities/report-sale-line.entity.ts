import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The reports' projection of sales: one row per line of a counted sale (an order in COMPLETED,
 * PICKED_UP or SHIPPED), at the order's `occurred_at`, with every figure the sales, returns,
 * cross-channel and assisted-sales reports add up. Owned by this lib and rebuilt from the order and return tables at will: the
 * rows of an order are always replaced together (services/sale-line-projector.service.ts).
 * Written in time order, so a period's rows sit together on disk and a 30-day report reads them
 * in one range scan of `idx_report_sale_line_occurred_at_store` (see the README's Performance).
 */
@Entity('report_sale_line')
@Index('idx_report_sale_line_occurred_at_store', ['occurredAt', 'storeId'])
// Pickup performance's refused lines: a handful of rows, found without reading the period's lines.
@Index('idx_report_sale_line_refused', ['occurredAt'], { where: '"units_refused" > 0' })
export class ReportSaleLineEntity {
  @PrimaryColumn({ name: 'order_id', type: 'uuid', primaryKeyConstraintName: 'pk_report_sale_line' })
  orderId!: string;

  @PrimaryColumn({ name: 'order_line_id', type: 'uuid', primaryKeyConstraintName: 'pk_report_sale_line' })
  orderLineId!: string;

  /** The sale's time (the till's for POS, else when placed): what a report period is about. */
  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ name: 'store_id', type: 'uuid' })
  storeId!: string;

  /** order_channel as text: ONLINE or POS. */
  @Column({ type: 'varchar', length: 16 })
  channel!: string;

  /** order_fulfilment as text: CARRY_OUT (POS), PICKUP or SHIP. */
  @Column({ type: 'varchar', length: 16 })
  fulfilment!: string;

  /** The order's customer (after merges: the survivor); null for a guest. */
  @Column({ name: 'customer_id', type: 'uuid', nullable: true })
  customerId!: string | null;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  @Column({ name: 'variant_id', type: 'uuid' })
  variantId!: string;

  /** The line's snapshots, as on the receipt. */
  @Column({ type: 'varchar', length: 64 })
  sku!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** The order's first line: counting these counts orders without count(DISTINCT). */
  @Column({ name: 'first_line_of_order', type: 'boolean' })
  firstLineOfOrder!: boolean;

  /** The order's first line of this variant: orders per product without count(DISTINCT). */
  @Column({ name: 'first_line_of_variant', type: 'boolean' })
  firstLineOfVariant!: boolean;

  /** Quantity − units refused at the counter. */
  @Column({ type: 'integer' })
  units!: number;

  @Column({ name: 'units_refused', type: 'integer' })
  unitsRefused!: number;

  /** Units of received returns of this line. */
  @Column({ name: 'units_returned', type: 'integer' })
  unitsReturned!: number;

  /** Unit price × quantity, minor units. */
  @Column({ type: 'bigint' })
  gross!: string;

  @Column({ type: 'integer' })
  discounts!: number;

  /** Refunded for the refused units (the order lib's per-unit rule). */
  @Column({ name: 'refused_amount', type: 'integer' })
  refusedAmount!: number;

  /** Refund amounts of received returns of this line. */
  @Column({ name: 'returned_amount', type: 'integer' })
  returnedAmount!: number;

  /** The order's total paid, on each of its lines: sum it over first_line_of_order rows. */
  @Column({ name: 'order_total', type: 'integer' })
  orderTotal!: number;
}

/**
 * One row per event already folded into report_sale_line, so the catch-up only replays what the
 * live subscriber missed. Pruned once older than the catch-up window.
 */
@Entity('report_applied_event')
export class ReportAppliedEventEntity {
  /** domain_event.event_id. */
  @PrimaryColumn({ name: 'event_id', type: 'uuid', primaryKeyConstraintName: 'pk_report_applied_event' })
  eventId!: string;

  /** The event's occurred_at (what the catch-up window and the pruning look at). */
  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;
}

export const REPORTING_ENTITY_CLASSES = [ReportSaleLineEntity, ReportAppliedEventEntity];
