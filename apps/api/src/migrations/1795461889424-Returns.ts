import { MigrationInterface, QueryRunner } from 'typeorm';

// The returns tables (return_request, return_line, refund, return_number_sequence,
// store_credit_account, store_credit_entry, store_return_policy) were created by
// CouponsOrdersEvents1795461591657, generated while the returns entities were already registered.
// Generating Returns then found only the domain_event default that TypeORM always re-diffs (not
// ours), so this migration holds what the entities cannot express.
export class Returns1795461889424 implements MigrationInterface {
  name = 'Returns1795461889424';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Hand-added: the store-credit ledger is append-only, whoever connects.
    await queryRunner.query(`CREATE FUNCTION "store_credit_entry_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'store_credit_entry is append-only: % refused', TG_OP USING ERRCODE = 'restrict_violation';
      END
    $$`);
    await queryRunner.query(`CREATE TRIGGER "trg_store_credit_entry_append_only" BEFORE UPDATE OR DELETE ON "store_credit_entry" FOR EACH ROW EXECUTE FUNCTION "store_credit_entry_append_only"()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "trg_store_credit_entry_append_only" ON "store_credit_entry"`);
    await queryRunner.query(`DROP FUNCTION "store_credit_entry_append_only"()`);
  }
}
