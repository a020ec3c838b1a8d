import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hand-written (TypeORM does not compare an index's WHERE clause): indexes on nullable look-up
 * columns keep only the rows that have a value. Every query on them is an equality, which implies
 * NOT NULL, so they serve the same look-ups and foreign-key checks, while a till sale (no guest
 * contact, no reservation) and an event without a customer add no entry to them.
 */
const PARTIAL_INDEXES: readonly { readonly name: string; readonly table: string; readonly columns: readonly string[]; readonly notNull: string }[] = [
  { name: 'idx_order_terminal_id', table: 'order', columns: ['terminal_id'], notNull: 'terminal_id' },
  { name: 'idx_order_customer_id', table: 'order', columns: ['customer_id'], notNull: 'customer_id' },
  { name: 'idx_order_guest_email', table: 'order', columns: ['guest_email'], notNull: 'guest_email' },
  { name: 'idx_order_guest_phone', table: 'order', columns: ['guest_phone'], notNull: 'guest_phone' },
  { name: 'idx_order_reservation_id', table: 'order', columns: ['reservation_id'], notNull: 'reservation_id' },
  { name: 'idx_domain_event_customer_occurred_at', table: 'domain_event', columns: ['customer_id', 'occurred_at'], notNull: 'customer_id' },
];

const columnList = (columns: readonly string[]) => columns.map((column) => `"${column}"`).join(', ');

export class PartialIndexesOnNullableLookups1796044211933 implements MigrationInterface {
  name = 'PartialIndexesOnNullableLookups1796044211933';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const index of PARTIAL_INDEXES) {
      await queryRunner.query(`DROP INDEX "public"."${index.name}"`);
      await queryRunner.query(`CREATE INDEX "${index.name}" ON "${index.table}" (${columnList(index.columns)}) WHERE "${index.notNull}" IS NOT NULL`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const index of PARTIAL_INDEXES) {
      await queryRunner.query(`DROP INDEX "public"."${index.name}"`);
      await queryRunner.query(`CREATE INDEX "${index.name}" ON "${index.table}" (${columnList(index.columns)})`);
    }
  }
}
