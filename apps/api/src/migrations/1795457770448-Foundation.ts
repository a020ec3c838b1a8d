import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1795457770448 implements MigrationInterface {
  name = 'Foundation1795457770448';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "login_attempt" ("id" BIGSERIAL NOT NULL, "email" character varying(254) NOT NULL, "ip" character varying(64), "succeeded" boolean NOT NULL, "terminal_id" uuid, "attempted_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_72829cd4f7424e3cdfd46c476c0" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_login_attempt_email_at" ON "login_attempt"  ("email", "attempted_at") `);
    await queryRunner.query(`CREATE TABLE "store" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(32) NOT NULL, "name" character varying(120) NOT NULL, "address_line1" character varying(200) NOT NULL, "address_line2" character varying(200), "city" character varying(100) NOT NULL, "postal_code" character varying(20) NOT NULL, "country_code" character(2) NOT NULL, "timezone" character varying(64) NOT NULL, "latitude" double precision NOT NULL, "longitude" double precision NOT NULL, "opening_hours" jsonb NOT NULL DEFAULT '[]'::jsonb, "sells" boolean NOT NULL DEFAULT true, "holds_stock" boolean NOT NULL DEFAULT true, "offers_pickup" boolean NOT NULL DEFAULT false, "pickup_promise_minutes" integer NOT NULL DEFAULT '120', "hold_period_days" integer NOT NULL DEFAULT '7', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f3172007d4de5ae8e7692759d79" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_store_code" ON "store"  ("code") `);
    await queryRunner.query(`CREATE TABLE "terminal" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "store_id" uuid NOT NULL, "name" character varying(80) NOT NULL, "key_hash" character(64) NOT NULL, "key_prefix" character varying(16) NOT NULL, "active" boolean NOT NULL DEFAULT true, "last_login_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_5404f9799fb761bd9b01070356a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_terminal_store_id" ON "terminal"  ("store_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_terminal_key_hash" ON "terminal"  ("key_hash") `);
    await queryRunner.query(`CREATE TYPE "public"."staff_role" AS ENUM('CASHIER', 'STORE_MANAGER', 'SUPPORT_AGENT', 'ADMIN')`);
    await queryRunner.query(`CREATE TABLE "staff_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(254) NOT NULL, "name" character varying(120) NOT NULL, "password_hash" character varying(255) NOT NULL, "role" "public"."staff_role" NOT NULL, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_cec9365d9fc3a3409158b645f2e" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_staff_user_email" ON "staff_user"  ("email") `);
    await queryRunner.query(`CREATE TABLE "staff_store" ("staff_user_id" uuid NOT NULL, "store_id" uuid NOT NULL, CONSTRAINT "PK_7372872c9e48f832d035c3deb13" PRIMARY KEY ("staff_user_id", "store_id"))`);
    await queryRunner.query(`CREATE INDEX "idx_staff_store_store_id" ON "staff_store"  ("store_id") `);
    await queryRunner.query(`CREATE TABLE "storefront_api_key" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(80) NOT NULL, "key_hash" character(64) NOT NULL, "key_prefix" character varying(16) NOT NULL, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_cfc6a03c8363d261b151a751a15" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_storefront_api_key_hash" ON "storefront_api_key"  ("key_hash") `);
    await queryRunner.query(`ALTER TABLE "terminal" ADD CONSTRAINT "fk_terminal_store" FOREIGN KEY ("store_id") REFERENCES "store"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "staff_store" ADD CONSTRAINT "fk_staff_store_staff_user" FOREIGN KEY ("staff_user_id") REFERENCES "staff_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "staff_store" ADD CONSTRAINT "fk_staff_store_store" FOREIGN KEY ("store_id") REFERENCES "store"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "staff_store" DROP CONSTRAINT "fk_staff_store_store"`);
    await queryRunner.query(`ALTER TABLE "staff_store" DROP CONSTRAINT "fk_staff_store_staff_user"`);
    await queryRunner.query(`ALTER TABLE "terminal" DROP CONSTRAINT "fk_terminal_store"`);
    await queryRunner.query(`DROP INDEX "public"."uq_storefront_api_key_hash"`);
    await queryRunner.query(`DROP TABLE "storefront_api_key"`);
    await queryRunner.query(`DROP INDEX "public"."idx_staff_store_store_id"`);
    await queryRunner.query(`DROP TABLE "staff_store"`);
    await queryRunner.query(`DROP INDEX "public"."uq_staff_user_email"`);
    await queryRunner.query(`DROP TABLE "staff_user"`);
    await queryRunner.query(`DROP TYPE "public"."staff_role"`);
    await queryRunner.query(`DROP INDEX "public"."uq_terminal_key_hash"`);
    await queryRunner.query(`DROP INDEX "public"."idx_terminal_store_id"`);
    await queryRunner.query(`DROP TABLE "terminal"`);
    await queryRunner.query(`DROP INDEX "public"."uq_store_code"`);
    await queryRunner.query(`DROP TABLE "store"`);
    await queryRunner.query(`DROP INDEX "public"."idx_login_attempt_email_at"`);
    await queryRunner.query(`DROP TABLE "login_attempt"`);
  }
}
