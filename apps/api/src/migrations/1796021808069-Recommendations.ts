import { MigrationInterface, QueryRunner } from 'typeorm';

export class Recommendations1796021808069 implements MigrationInterface {
  name = 'Recommendations1796021808069';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "recommendation_applied" ("source_type" character varying(16) NOT NULL, "source_id" uuid NOT NULL, "applied_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_recommendation_applied_source_type" CHECK (source_type IN ('ORDER', 'VOID', 'RETURN')), CONSTRAINT "pk_recommendation_applied" PRIMARY KEY ("source_type", "source_id"))`);
    await queryRunner.query(`CREATE TABLE "recommendation_basket_item" ("basket_id" uuid NOT NULL, "product_id" uuid NOT NULL, "units" integer NOT NULL, CONSTRAINT "chk_recommendation_basket_item_units" CHECK ("units" > 0), CONSTRAINT "pk_recommendation_basket_item" PRIMARY KEY ("basket_id", "product_id"))`);
    await queryRunner.query(`CREATE TABLE "recommendation_product_buyers" ("product_id" uuid NOT NULL, "baskets" integer NOT NULL, CONSTRAINT "chk_recommendation_product_buyers_baskets" CHECK ("baskets" >= 0), CONSTRAINT "pk_recommendation_product_buyers" PRIMARY KEY ("product_id"))`);
    await queryRunner.query(`CREATE TABLE "recommendation_co_purchase" ("product_id" uuid NOT NULL, "other_product_id" uuid NOT NULL, "baskets" integer NOT NULL, CONSTRAINT "chk_recommendation_co_purchase_pair" CHECK ("product_id" <> "other_product_id"), CONSTRAINT "chk_recommendation_co_purchase_baskets" CHECK ("baskets" >= 0), CONSTRAINT "pk_recommendation_co_purchase" PRIMARY KEY ("product_id", "other_product_id"))`);
    await queryRunner.query(`CREATE INDEX "idx_recommendation_co_purchase_strongest" ON "recommendation_co_purchase"  ("product_id", "baskets") `);
    await queryRunner.query(`CREATE TABLE "recommendation_store_daily_sales" ("store_id" uuid NOT NULL, "day" date NOT NULL, "product_id" uuid NOT NULL, "units" integer NOT NULL, CONSTRAINT "pk_recommendation_store_daily_sales" PRIMARY KEY ("store_id", "day", "product_id"))`);
    await queryRunner.query(`CREATE INDEX "idx_recommendation_store_daily_sales_day" ON "recommendation_store_daily_sales"  ("day", "product_id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_recommendation_store_daily_sales_day"`);
    await queryRunner.query(`DROP TABLE "recommendation_store_daily_sales"`);
    await queryRunner.query(`DROP INDEX "public"."idx_recommendation_co_purchase_strongest"`);
    await queryRunner.query(`DROP TABLE "recommendation_co_purchase"`);
    await queryRunner.query(`DROP TABLE "recommendation_product_buyers"`);
    await queryRunner.query(`DROP TABLE "recommendation_basket_item"`);
    await queryRunner.query(`DROP TABLE "recommendation_applied"`);
  }
}
