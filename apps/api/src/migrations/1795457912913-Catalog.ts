import { MigrationInterface, QueryRunner } from 'typeorm';

export class Catalog1795457912913 implements MigrationInterface {
  name = 'Catalog1795457912913';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "product" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "description" text, "brand" character varying(100), "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_bebc9158e480b949565b4dc7a82" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_product_name" ON "product"  ("name") `);
    await queryRunner.query(`CREATE TABLE "product_variant" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "product_id" uuid NOT NULL, "sku" character varying(64) NOT NULL, "barcode" character varying(14), "name" character varying(200) NOT NULL, "size" character varying(20), "colour" character varying(40), "price_amount" integer NOT NULL, "currency" character(3) NOT NULL, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_product_variant_price_amount" CHECK ("price_amount" >= 0), CONSTRAINT "PK_1ab69c9935c61f7c70791ae0a9f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_product_variant_product_id" ON "product_variant"  ("product_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_product_variant_sku" ON "product_variant"  ("sku") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_product_variant_barcode" ON "product_variant"  ("barcode") WHERE barcode IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE "store" ALTER COLUMN "opening_hours" DROP DEFAULT`);
    await queryRunner.query(`ALTER TABLE "product_variant" ADD CONSTRAINT "fk_product_variant_product" FOREIGN KEY ("product_id") REFERENCES "product"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "product_variant" DROP CONSTRAINT "fk_product_variant_product"`);
    await queryRunner.query(`ALTER TABLE "store" ALTER COLUMN "opening_hours" SET DEFAULT '[]'`);
    await queryRunner.query(`DROP INDEX "public"."uq_product_variant_barcode"`);
    await queryRunner.query(`DROP INDEX "public"."uq_product_variant_sku"`);
    await queryRunner.query(`DROP INDEX "public"."idx_product_variant_product_id"`);
    await queryRunner.query(`DROP TABLE "product_variant"`);
    await queryRunner.query(`DROP INDEX "public"."idx_product_name"`);
    await queryRunner.query(`DROP TABLE "product"`);
  }
}
