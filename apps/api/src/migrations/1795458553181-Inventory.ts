import { MigrationInterface, QueryRunner } from 'typeorm';

export class Inventory1795458553181 implements MigrationInterface {
  name = 'Inventory1795458553181';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "stock_level" ("store_id" uuid NOT NULL, "variant_id" uuid NOT NULL, "on_hand" integer NOT NULL DEFAULT '0', "reserved" integer NOT NULL DEFAULT '0', "safety_stock" integer NOT NULL DEFAULT '0', "low_stock_threshold" integer, "needs_recount" boolean NOT NULL DEFAULT false, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_stock_level_low_stock_threshold" CHECK ("low_stock_threshold" IS NULL OR "low_stock_threshold" >= 0), CONSTRAINT "chk_stock_level_safety_stock" CHECK ("safety_stock" >= 0), CONSTRAINT "chk_stock_level_reserved" CHECK ("reserved" >= 0), CONSTRAINT "pk_stock_level" PRIMARY KEY ("store_id", "variant_id"))`);
    await queryRunner.query(`CREATE INDEX "idx_stock_level_variant_id" ON "stock_level"  ("variant_id") `);
    await queryRunner.query(`CREATE TYPE "public"."stock_movement_type" AS ENUM('RECEIPT', 'SALE', 'PICKUP', 'RETURN_RESTOCK', 'DAMAGE', 'COUNT_CORRECTION', 'TRANSFER_OUT', 'TRANSFER_IN', 'ADJUSTMENT')`);
    await queryRunner.query(`CREATE TABLE "stock_movement" ("id" BIGSERIAL NOT NULL, "store_id" uuid NOT NULL, "variant_id" uuid NOT NULL, "type" "public"."stock_movement_type" NOT NULL, "quantity" integer NOT NULL, "on_hand_after" integer NOT NULL, "actor" character varying(120) NOT NULL, "reason" character varying(200), "reference_type" character varying(32), "reference_id" character varying(64), "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "chk_stock_movement_quantity" CHECK ("quantity" <> 0), CONSTRAINT "pk_stock_movement" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_stock_movement_variant_id" ON "stock_movement"  ("variant_id") `);
    // Hand-edited: newest first (the entity cannot express DESC; TypeORM compares columns only, so no drift).
    await queryRunner.query(`CREATE INDEX "idx_stock_movement_ledger" ON "stock_movement"  ("store_id", "variant_id", "id" DESC) `);
    await queryRunner.query(`CREATE TYPE "public"."stock_reservation_state" AS ENUM('ACTIVE', 'COMMITTED', 'RELEASED', 'EXPIRED')`);
    await queryRunner.query(`CREATE TABLE "stock_reservation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "store_id" uuid NOT NULL, "reference_type" character varying(32) NOT NULL, "reference_id" character varying(64) NOT NULL, "state" "public"."stock_reservation_state" NOT NULL DEFAULT 'ACTIVE', "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_by" character varying(120) NOT NULL, "release_reason" character varying(200), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_stock_reservation" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_stock_reservation_store_id" ON "stock_reservation"  ("store_id") `);
    await queryRunner.query(`CREATE INDEX "idx_stock_reservation_reference" ON "stock_reservation"  ("reference_type", "reference_id") `);
    await queryRunner.query(`CREATE INDEX "idx_stock_reservation_active_expiry" ON "stock_reservation"  ("expires_at") WHERE "state" = 'ACTIVE'`);
    await queryRunner.query(`CREATE TABLE "stock_reservation_line" ("reservation_id" uuid NOT NULL, "variant_id" uuid NOT NULL, "quantity" integer NOT NULL, CONSTRAINT "chk_stock_reservation_line_quantity" CHECK ("quantity" > 0), CONSTRAINT "pk_stock_reservation_line" PRIMARY KEY ("reservation_id", "variant_id"))`);
    await queryRunner.query(`CREATE INDEX "idx_stock_reservation_line_variant_id" ON "stock_reservation_line"  ("variant_id") `);
    await queryRunner.query(`CREATE TYPE "public"."stock_transfer_state" AS ENUM('IN_TRANSIT', 'RECEIVED', 'CANCELLED')`);
    await queryRunner.query(`CREATE TABLE "stock_transfer" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "from_store_id" uuid NOT NULL, "to_store_id" uuid NOT NULL, "state" "public"."stock_transfer_state" NOT NULL DEFAULT 'IN_TRANSIT', "created_by" character varying(120) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "received_by" character varying(120), "received_at" TIMESTAMP WITH TIME ZONE, "cancelled_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "chk_stock_transfer_stores" CHECK ("from_store_id" <> "to_store_id"), CONSTRAINT "pk_stock_transfer" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_stock_transfer_from_store_id" ON "stock_transfer"  ("from_store_id") `);
    await queryRunner.query(`CREATE INDEX "idx_stock_transfer_to_store_id" ON "stock_transfer"  ("to_store_id") `);
    await queryRunner.query(`CREATE TABLE "stock_transfer_line" ("transfer_id" uuid NOT NULL, "variant_id" uuid NOT NULL, "quantity" integer NOT NULL, CONSTRAINT "chk_stock_transfer_line_quantity" CHECK ("quantity" > 0), CONSTRAINT "pk_stock_transfer_line" PRIMARY KEY ("transfer_id", "variant_id"))`);
    await queryRunner.query(`CREATE INDEX "idx_stock_transfer_line_variant_id" ON "stock_transfer_line"  ("variant_id") `);
    await queryRunner.query(`ALTER TABLE "stock_level" ADD CONSTRAINT "fk_stock_level_store" FOREIGN KEY ("store_id") REFERENCES "store"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "stock_level" ADD CONSTRAINT "fk_stock_level_variant" FOREIGN KEY ("variant_id") REFERENCES "product_variant"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "stock_movement" ADD CONSTRAINT "fk_stock_movement_store" FOREIGN KEY ("store_id") REFERENCES "store"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "stock_movement" ADD CONSTRAINT "fk_stock_movement_variant" FOREIGN KEY ("variant_id") REFERENCES "product_variant"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "stock_reservation" ADD CONSTRAINT "fk_stock_reservation_store" FOREIGN KEY ("store_id") REFERENCES "store"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "stock_reservation_line" ADD CONSTRAINT "fk_stock_reservation_line_reservation" FOREIGN KEY ("reservation_id") REFERENCES "stock_reservation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "stock_reservation_line" ADD CONSTRAINT "fk_stock_reservation_line_variant" FOREIGN KEY ("variant_id") REFERENCES "product_variant"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "stock_transfer" ADD CONSTRAINT "fk_stock_transfer_from_store" FOREIGN KEY ("from_store_id") REFERENCES "store"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "stock_transfer" ADD CONSTRAINT "fk_stock_transfer_to_store" FOREIGN KEY ("to_store_id") REFERENCES "store"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "stock_transfer_line" ADD CONSTRAINT "fk_stock_transfer_line_transfer" FOREIGN KEY ("transfer_id") REFERENCES "stock_transfer"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "stock_transfer_line" ADD CONSTRAINT "fk_stock_transfer_line_variant" FOREIGN KEY ("variant_id") REFERENCES "product_variant"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    // Hand-added: the stock ledger is append-only, whoever connects.
    await queryRunner.query(`CREATE FUNCTION "stock_movement_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'stock_movement is append-only: % refused', TG_OP USING ERRCODE = 'restrict_violation';
      END
    $$`);
    await queryRunner.query(`CREATE TRIGGER "trg_stock_movement_append_only" BEFORE UPDATE OR DELETE ON "stock_movement" FOR EACH ROW EXECUTE FUNCTION "stock_movement_append_only"()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "trg_stock_movement_append_only" ON "stock_movement"`);
    await queryRunner.query(`DROP FUNCTION "stock_movement_append_only"()`);
    await queryRunner.query(`ALTER TABLE "stock_transfer_line" DROP CONSTRAINT "fk_stock_transfer_line_variant"`);
    await queryRunner.query(`ALTER TABLE "stock_transfer_line" DROP CONSTRAINT "fk_stock_transfer_line_transfer"`);
    await queryRunner.query(`ALTER TABLE "stock_transfer" DROP CONSTRAINT "fk_stock_transfer_to_store"`);
    await queryRunner.query(`ALTER TABLE "stock_transfer" DROP CONSTRAINT "fk_stock_transfer_from_store"`);
    await queryRunner.query(`ALTER TABLE "stock_reservation_line" DROP CONSTRAINT "fk_stock_reservation_line_variant"`);
    await queryRunner.query(`ALTER TABLE "stock_reservation_line" DROP CONSTRAINT "fk_stock_reservation_line_reservation"`);
    await queryRunner.query(`ALTER TABLE "stock_reservation" DROP CONSTRAINT "fk_stock_reservation_store"`);
    await queryRunner.query(`ALTER TABLE "stock_movement" DROP CONSTRAINT "fk_stock_movement_variant"`);
    await queryRunner.query(`ALTER TABLE "stock_movement" DROP CONSTRAINT "fk_stock_movement_store"`);
    await queryRunner.query(`ALTER TABLE "stock_level" DROP CONSTRAINT "fk_stock_level_variant"`);
    await queryRunner.query(`ALTER TABLE "stock_level" DROP CONSTRAINT "fk_stock_level_store"`);
    await queryRunner.query(`DROP INDEX "public"."idx_stock_transfer_line_variant_id"`);
    await queryRunner.query(`DROP TABLE "stock_transfer_line"`);
    await queryRunner.query(`DROP INDEX "public"."idx_stock_transfer_to_store_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_stock_transfer_from_store_id"`);
    await queryRunner.query(`DROP TABLE "stock_transfer"`);
    await queryRunner.query(`DROP TYPE "public"."stock_transfer_state"`);
    await queryRunner.query(`DROP INDEX "public"."idx_stock_reservation_line_variant_id"`);
    await queryRunner.query(`DROP TABLE "stock_reservation_line"`);
    await queryRunner.query(`DROP INDEX "public"."idx_stock_reservation_active_expiry"`);
    await queryRunner.query(`DROP INDEX "public"."idx_stock_reservation_reference"`);
    await queryRunner.query(`DROP INDEX "public"."idx_stock_reservation_store_id"`);
    await queryRunner.query(`DROP TABLE "stock_reservation"`);
    await queryRunner.query(`DROP TYPE "public"."stock_reservation_state"`);
    await queryRunner.query(`DROP INDEX "public"."idx_stock_movement_ledger"`);
    await queryRunner.query(`DROP INDEX "public"."idx_stock_movement_variant_id"`);
    await queryRunner.query(`DROP TABLE "stock_movement"`);
    await queryRunner.query(`DROP TYPE "public"."stock_movement_type"`);
    await queryRunner.query(`DROP INDEX "public"."idx_stock_level_variant_id"`);
    await queryRunner.query(`DROP TABLE "stock_level"`);
  }
}
