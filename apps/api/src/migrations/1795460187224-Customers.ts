import { MigrationInterface, QueryRunner } from 'typeorm';

export class Customers1795460187224 implements MigrationInterface {
  name = 'Customers1795460187224';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "campaign" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "source" character varying(100) NOT NULL, "discount_type" character varying(16) NOT NULL, "percent" integer, "max_discount_amount" integer, "fixed_amount" integer, "currency" character(3) NOT NULL, "min_basket_amount" integer NOT NULL DEFAULT '0', "eligible_skus" text array, "eligible_channels" text array NOT NULL, "eligible_store_ids" uuid array, "valid_from" TIMESTAMP WITH TIME ZONE NOT NULL, "valid_until" TIMESTAMP WITH TIME ZONE NOT NULL, "total_redemption_cap" integer, "redemption_count" integer NOT NULL DEFAULT '0', "per_customer_cap" integer, "restore_on_full_return" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_campaign_redemption_count" CHECK (redemption_count >= 0 AND (total_redemption_cap IS NULL OR redemption_count <= total_redemption_cap)), CONSTRAINT "chk_campaign_caps" CHECK ((total_redemption_cap IS NULL OR total_redemption_cap >= 1) AND (per_customer_cap IS NULL OR per_customer_cap >= 1)), CONSTRAINT "chk_campaign_validity" CHECK (valid_until > valid_from), CONSTRAINT "chk_campaign_channels" CHECK (cardinality(eligible_channels) >= 1 AND eligible_channels <@ ARRAY['ONLINE', 'POS']::text[]), CONSTRAINT "chk_campaign_min_basket_amount" CHECK (min_basket_amount >= 0), CONSTRAINT "chk_campaign_max_discount_amount" CHECK (max_discount_amount IS NULL OR max_discount_amount > 0), CONSTRAINT "chk_campaign_discount_shape" CHECK ((discount_type = 'PERCENT' AND percent BETWEEN 1 AND 100 AND fixed_amount IS NULL) OR (discount_type = 'FIXED_AMOUNT' AND fixed_amount > 0 AND percent IS NULL AND max_discount_amount IS NULL)), CONSTRAINT "chk_campaign_discount_type" CHECK (discount_type IN ('PERCENT', 'FIXED_AMOUNT')), CONSTRAINT "PK_0ce34d26e7f2eb316a3a592cdc4" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_campaign_source" ON "campaign"  ("source") `);
    await queryRunner.query(`CREATE TABLE "customer" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(254), "phone" character varying(16), "first_name" character varying(100), "last_name" character varying(100), "loyalty_number" character varying(13), "password_hash" character varying(255), "email_verified_at" TIMESTAMP WITH TIME ZONE, "created_channel" character varying(16) NOT NULL, "erased_at" TIMESTAMP WITH TIME ZONE, "merged_into_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_customer_not_merged_into_itself" CHECK (merged_into_id IS NULL OR merged_into_id <> id), CONSTRAINT "chk_customer_created_channel" CHECK (created_channel IN ('ONLINE', 'POS', 'BACK_OFFICE')), CONSTRAINT "chk_customer_email_unless_erased" CHECK (email IS NOT NULL OR erased_at IS NOT NULL), CONSTRAINT "chk_customer_email_lower_case" CHECK (email = lower(email)), CONSTRAINT "PK_a7a13f4cacb744524e44dfdad32" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_customer_email" ON "customer"  ("email") WHERE email IS NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_customer_phone" ON "customer"  ("phone") WHERE phone IS NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_customer_loyalty_number" ON "customer"  ("loyalty_number") WHERE loyalty_number IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "idx_customer_merged_into_id" ON "customer"  ("merged_into_id") `);
    await queryRunner.query(`CREATE TABLE "customer_consent" ("id" BIGSERIAL NOT NULL, "customer_id" uuid NOT NULL, "purpose" character varying(32) NOT NULL, "granted" boolean NOT NULL, "channel" character varying(16) NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "chk_customer_consent_channel" CHECK (channel IN ('ONLINE', 'POS', 'BACK_OFFICE')), CONSTRAINT "chk_customer_consent_purpose" CHECK (purpose IN ('EMAIL_MARKETING', 'SMS_MARKETING')), CONSTRAINT "pk_customer_consent" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_customer_consent_customer_purpose" ON "customer_consent"  ("customer_id", "purpose", "id") `);
    await queryRunner.query(`CREATE TABLE "customer_merge" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "survivor_id" uuid NOT NULL, "merged_id" uuid NOT NULL, "merged_by" character varying(120) NOT NULL, "moved_counts" jsonb NOT NULL DEFAULT '{}', "merged_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_0eab85162e7d59ddab571a4552b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_customer_merge_survivor_id" ON "customer_merge"  ("survivor_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_customer_merge_merged_id" ON "customer_merge"  ("merged_id") `);
    await queryRunner.query(`CREATE TABLE "customer_sign_in_attempt" ("id" BIGSERIAL NOT NULL, "email" character varying(254) NOT NULL, "ip" character varying(64), "succeeded" boolean NOT NULL, "attempted_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_customer_sign_in_attempt" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_customer_sign_in_attempt_email_time" ON "customer_sign_in_attempt"  ("email", "attempted_at") `);
    await queryRunner.query(`CREATE TABLE "coupon_code" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "campaign_id" uuid NOT NULL, "code" character varying(32) NOT NULL, "kind" character varying(8) NOT NULL, "issued_to_customer_id" uuid, "issued_at" TIMESTAMP WITH TIME ZONE, "max_uses" integer, "use_count" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_coupon_code_issued" CHECK ((issued_to_customer_id IS NULL) = (issued_at IS NULL)), CONSTRAINT "chk_coupon_code_max_uses" CHECK ((max_uses IS NULL OR max_uses >= 1) AND (kind = 'SHARED' OR max_uses = 1)), CONSTRAINT "chk_coupon_code_use_count" CHECK (use_count >= 0 AND (max_uses IS NULL OR use_count <= max_uses)), CONSTRAINT "chk_coupon_code_kind" CHECK (kind IN ('SHARED', 'UNIQUE')), CONSTRAINT "PK_3a85716dc17bbabb437402290c3" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_coupon_code_campaign_id" ON "coupon_code"  ("campaign_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_coupon_code_code" ON "coupon_code"  ("code") `);
    await queryRunner.query(`CREATE INDEX "idx_coupon_code_issued_to_customer_id" ON "coupon_code"  ("issued_to_customer_id") WHERE issued_to_customer_id IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "idx_coupon_code_available" ON "coupon_code"  ("campaign_id", "created_at") WHERE kind = 'UNIQUE' AND issued_to_customer_id IS NULL AND use_count = 0`);
    await queryRunner.query(`CREATE TABLE "coupon_redemption" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code_id" uuid NOT NULL, "campaign_id" uuid NOT NULL, "order_id" uuid NOT NULL, "store_id" uuid, "channel" character varying(8) NOT NULL, "customer_id" uuid, "discount_amount" integer NOT NULL, "currency" character(3) NOT NULL, "line_discounts" jsonb NOT NULL, "state" character varying(8) NOT NULL, "redeemed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "reversed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "chk_coupon_redemption_reversed_at" CHECK ((state = 'REVERSED') = (reversed_at IS NOT NULL)), CONSTRAINT "chk_coupon_redemption_discount_amount" CHECK (discount_amount >= 0), CONSTRAINT "chk_coupon_redemption_channel" CHECK (channel IN ('ONLINE', 'POS')), CONSTRAINT "chk_coupon_redemption_state" CHECK (state IN ('ACTIVE', 'REVERSED')), CONSTRAINT "PK_f5688d83448944dc48a38c6027a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_coupon_redemption_code_id" ON "coupon_redemption"  ("code_id") `);
    await queryRunner.query(`CREATE INDEX "idx_coupon_redemption_campaign_id" ON "coupon_redemption"  ("campaign_id") `);
    await queryRunner.query(`CREATE INDEX "idx_coupon_redemption_order_id" ON "coupon_redemption"  ("order_id") `);
    await queryRunner.query(`CREATE INDEX "idx_coupon_redemption_store_id" ON "coupon_redemption"  ("store_id") `);
    await queryRunner.query(`CREATE INDEX "idx_coupon_redemption_customer_id" ON "coupon_redemption"  ("customer_id") WHERE customer_id IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "idx_coupon_redemption_campaign_customer" ON "coupon_redemption"  ("campaign_id", "customer_id") WHERE state = 'ACTIVE'`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_coupon_redemption_active_code_order" ON "coupon_redemption"  ("code_id", "order_id") WHERE state = 'ACTIVE'`);
    await queryRunner.query(`ALTER TABLE "customer" ADD CONSTRAINT "fk_customer_merged_into" FOREIGN KEY ("merged_into_id") REFERENCES "customer"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "customer_consent" ADD CONSTRAINT "fk_customer_consent_customer" FOREIGN KEY ("customer_id") REFERENCES "customer"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "customer_merge" ADD CONSTRAINT "fk_customer_merge_survivor" FOREIGN KEY ("survivor_id") REFERENCES "customer"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "customer_merge" ADD CONSTRAINT "fk_customer_merge_merged" FOREIGN KEY ("merged_id") REFERENCES "customer"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "coupon_code" ADD CONSTRAINT "fk_coupon_code_campaign" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "coupon_code" ADD CONSTRAINT "fk_coupon_code_issued_to_customer" FOREIGN KEY ("issued_to_customer_id") REFERENCES "customer"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "coupon_redemption" ADD CONSTRAINT "fk_coupon_redemption_code" FOREIGN KEY ("code_id") REFERENCES "coupon_code"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "coupon_redemption" ADD CONSTRAINT "fk_coupon_redemption_campaign" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "coupon_redemption" ADD CONSTRAINT "fk_coupon_redemption_store" FOREIGN KEY ("store_id") REFERENCES "store"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "coupon_redemption" ADD CONSTRAINT "fk_coupon_redemption_customer" FOREIGN KEY ("customer_id") REFERENCES "customer"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "coupon_redemption" DROP CONSTRAINT "fk_coupon_redemption_customer"`);
    await queryRunner.query(`ALTER TABLE "coupon_redemption" DROP CONSTRAINT "fk_coupon_redemption_store"`);
    await queryRunner.query(`ALTER TABLE "coupon_redemption" DROP CONSTRAINT "fk_coupon_redemption_campaign"`);
    await queryRunner.query(`ALTER TABLE "coupon_redemption" DROP CONSTRAINT "fk_coupon_redemption_code"`);
    await queryRunner.query(`ALTER TABLE "coupon_code" DROP CONSTRAINT "fk_coupon_code_issued_to_customer"`);
    await queryRunner.query(`ALTER TABLE "coupon_code" DROP CONSTRAINT "fk_coupon_code_campaign"`);
    await queryRunner.query(`ALTER TABLE "customer_merge" DROP CONSTRAINT "fk_customer_merge_merged"`);
    await queryRunner.query(`ALTER TABLE "customer_merge" DROP CONSTRAINT "fk_customer_merge_survivor"`);
    await queryRunner.query(`ALTER TABLE "customer_consent" DROP CONSTRAINT "fk_customer_consent_customer"`);
    await queryRunner.query(`ALTER TABLE "customer" DROP CONSTRAINT "fk_customer_merged_into"`);
    await queryRunner.query(`DROP INDEX "public"."uq_coupon_redemption_active_code_order"`);
    await queryRunner.query(`DROP INDEX "public"."idx_coupon_redemption_campaign_customer"`);
    await queryRunner.query(`DROP INDEX "public"."idx_coupon_redemption_customer_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_coupon_redemption_store_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_coupon_redemption_order_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_coupon_redemption_campaign_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_coupon_redemption_code_id"`);
    await queryRunner.query(`DROP TABLE "coupon_redemption"`);
    await queryRunner.query(`DROP INDEX "public"."idx_coupon_code_available"`);
    await queryRunner.query(`DROP INDEX "public"."idx_coupon_code_issued_to_customer_id"`);
    await queryRunner.query(`DROP INDEX "public"."uq_coupon_code_code"`);
    await queryRunner.query(`DROP INDEX "public"."idx_coupon_code_campaign_id"`);
    await queryRunner.query(`DROP TABLE "coupon_code"`);
    await queryRunner.query(`DROP INDEX "public"."idx_customer_sign_in_attempt_email_time"`);
    await queryRunner.query(`DROP TABLE "customer_sign_in_attempt"`);
    await queryRunner.query(`DROP INDEX "public"."uq_customer_merge_merged_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_customer_merge_survivor_id"`);
    await queryRunner.query(`DROP TABLE "customer_merge"`);
    await queryRunner.query(`DROP INDEX "public"."idx_customer_consent_customer_purpose"`);
    await queryRunner.query(`DROP TABLE "customer_consent"`);
    await queryRunner.query(`DROP INDEX "public"."idx_customer_merged_into_id"`);
    await queryRunner.query(`DROP INDEX "public"."uq_customer_loyalty_number"`);
    await queryRunner.query(`DROP INDEX "public"."uq_customer_phone"`);
    await queryRunner.query(`DROP INDEX "public"."uq_customer_email"`);
    await queryRunner.query(`DROP TABLE "customer"`);
    await queryRunner.query(`DROP INDEX "public"."idx_campaign_source"`);
    await queryRunner.query(`DROP TABLE "campaign"`);
  }
}
