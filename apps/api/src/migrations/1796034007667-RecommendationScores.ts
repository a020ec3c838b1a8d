import { MigrationInterface, QueryRunner } from 'typeorm';

export class RecommendationScores1796034007667 implements MigrationInterface {
  name = 'RecommendationScores1796034007667';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_recommendation_co_purchase_strongest"`);
    await queryRunner.query(`ALTER TABLE "recommendation_product_buyers" ADD "scored_baskets" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "recommendation_co_purchase" ADD "score" double precision NOT NULL DEFAULT '0'`);
    // Hand-added: the existing pairs get their cosine score from the current counts (as the rebuild computes it).
    await queryRunner.query(`UPDATE "recommendation_co_purchase" t SET "score" = LEAST(1, t.baskets / sqrt(na.baskets::float8 * nb.baskets))
      FROM "recommendation_product_buyers" na, "recommendation_product_buyers" nb
      WHERE na.product_id = t.product_id AND nb.product_id = t.other_product_id AND t.baskets > 0 AND na.baskets > 0 AND nb.baskets > 0`);
    await queryRunner.query(`UPDATE "recommendation_product_buyers" SET "scored_baskets" = "baskets"`);
    await queryRunner.query(`CREATE INDEX "idx_recommendation_co_purchase_best" ON "recommendation_co_purchase"  ("product_id", "score") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_recommendation_co_purchase_best"`);
    await queryRunner.query(`ALTER TABLE "recommendation_co_purchase" DROP COLUMN "score"`);
    await queryRunner.query(`ALTER TABLE "recommendation_product_buyers" DROP COLUMN "scored_baskets"`);
    await queryRunner.query(`CREATE INDEX "idx_recommendation_co_purchase_strongest" ON "recommendation_co_purchase"  ("product_id", "baskets") `);
  }
}
