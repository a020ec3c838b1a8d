import { MigrationInterface, QueryRunner } from 'typeorm';

export class HardeningAuditTrail1796021735109 implements MigrationInterface {
  name = 'HardeningAuditTrail1796021735109';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "audit_entry" ("id" BIGSERIAL NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "action" character varying(40) NOT NULL, "actor_id" character varying(100), "actor_label" character varying(120) NOT NULL, "actor_role" character varying(20), "terminal_id" uuid, "channel" character varying(16) NOT NULL, "store_id" uuid, "subject_type" character varying(100) NOT NULL, "subject_id" character varying(100) NOT NULL, "before" jsonb, "after" jsonb, "reason" character varying(500), "request_id" character varying(100), "ip" character varying(64), CONSTRAINT "pk_audit_entry" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_audit_entry_subject" ON "audit_entry"  ("subject_type", "subject_id") `);
    await queryRunner.query(`CREATE INDEX "idx_audit_entry_store_occurred_at" ON "audit_entry"  ("store_id", "occurred_at") `);
    await queryRunner.query(`CREATE INDEX "idx_audit_entry_occurred_at" ON "audit_entry"  ("occurred_at") `);
    // The audit trail is append-only for everyone who talks to the database through the app.
    await queryRunner.query(`CREATE FUNCTION "audit_entry_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_entry is append-only: % refused', TG_OP USING ERRCODE = 'restrict_violation';
      END
    $$`);
    await queryRunner.query(`CREATE TRIGGER "trg_audit_entry_append_only" BEFORE UPDATE OR DELETE ON "audit_entry" FOR EACH ROW EXECUTE FUNCTION "audit_entry_append_only"()`);
    await queryRunner.query(`CREATE TRIGGER "trg_audit_entry_no_truncate" BEFORE TRUNCATE ON "audit_entry" FOR EACH STATEMENT EXECUTE FUNCTION "audit_entry_append_only"()`);
    await queryRunner.query(`CREATE TABLE "coupon_guess" ("id" BIGSERIAL NOT NULL, "caller" character varying(160) NOT NULL, "attempted_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_coupon_guess" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_coupon_guess_caller_at" ON "coupon_guess"  ("caller", "attempted_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_coupon_guess_caller_at"`);
    await queryRunner.query(`DROP TABLE "coupon_guess"`);
    await queryRunner.query(`DROP TRIGGER "trg_audit_entry_no_truncate" ON "audit_entry"`);
    await queryRunner.query(`DROP TRIGGER "trg_audit_entry_append_only" ON "audit_entry"`);
    await queryRunner.query(`DROP FUNCTION "audit_entry_append_only"()`);
    await queryRunner.query(`DROP INDEX "public"."idx_audit_entry_occurred_at"`);
    await queryRunner.query(`DROP INDEX "public"."idx_audit_entry_store_occurred_at"`);
    await queryRunner.query(`DROP INDEX "public"."idx_audit_entry_subject"`);
    await queryRunner.query(`DROP TABLE "audit_entry"`);
  }
}
