import { MigrationInterface, QueryRunner } from 'typeorm';

export class ReportSaleLine1796033940445 implements MigrationInterface {
  name = 'ReportSaleLine1796033940445';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "report_sale_line" ("order_id" uuid NOT NULL, "order_line_id" uuid NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "store_id" uuid NOT NULL, "channel" character varying(16) NOT NULL, "fulfilment" character varying(16) NOT NULL, "customer_id" uuid, "currency" character(3) NOT NULL, "variant_id" uuid NOT NULL, "sku" character varying(64) NOT NULL, "name" character varying(200) NOT NULL, "first_line_of_order" boolean NOT NULL, "first_line_of_variant" boolean NOT NULL, "units" integer NOT NULL, "units_refused" integer NOT NULL, "units_returned" integer NOT NULL, "gross" bigint NOT NULL, "discounts" integer NOT NULL, "refused_amount" integer NOT NULL, "returned_amount" integer NOT NULL, "order_total" integer NOT NULL, CONSTRAINT "pk_report_sale_line" PRIMARY KEY ("order_id", "order_line_id"))`);
    // Existing sales, in time order (the same rows as libs/reporting's rebuild; frozen here).
    await queryRunner.query(`INSERT INTO report_sale_line (order_id, order_line_id, occurred_at, store_id, channel, fulfilment, customer_id, currency, variant_id,
        sku, name, first_line_of_order, first_line_of_variant, units, units_refused, units_returned, gross, discounts, refused_amount, returned_amount, order_total)
      SELECT o.id, l.id, o.occurred_at, o.store_id, o.channel::text, o.fulfilment::text, o.customer_id, o.currency, l.variant_id, l.sku, l.name,
             l.line_no = min(l.line_no) OVER (PARTITION BY l.order_id),
             l.line_no = min(l.line_no) OVER (PARTITION BY l.order_id, l.variant_id),
             l.quantity - l.refused_quantity, l.refused_quantity, coalesce(r.units, 0)::int,
             l.unit_price_amount::bigint * l.quantity, l.discount_amount,
             ((l.total_amount / l.quantity)::bigint * l.refused_quantity + greatest(0, l.refused_quantity - (l.quantity - l.total_amount % l.quantity)))::int,
             coalesce(r.amount, 0)::int, o.total_amount
        FROM "order" o
        JOIN order_line l ON l.order_id = o.id
        LEFT JOIN (
          SELECT rl.order_line_id, sum(rl.quantity) AS units, sum(rl.refund_amount) AS amount
            FROM return_request rr JOIN return_line rl ON rl.return_id = rr.id
           WHERE rr.state IN ('RECEIVED', 'REFUNDED')
           GROUP BY rl.order_line_id
        ) r ON r.order_line_id = l.id
       WHERE o.state IN ('COMPLETED', 'PICKED_UP', 'SHIPPED')
       ORDER BY o.occurred_at`);
    await queryRunner.query(`CREATE INDEX "idx_report_sale_line_refused" ON "report_sale_line"  ("occurred_at") WHERE "units_refused" > 0`);
    await queryRunner.query(`CREATE INDEX "idx_report_sale_line_occurred_at_store" ON "report_sale_line"  ("occurred_at", "store_id") `);
    await queryRunner.query(`CREATE TABLE "report_applied_event" ("event_id" uuid NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_report_applied_event" PRIMARY KEY ("event_id"))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "report_applied_event"`);
    await queryRunner.query(`DROP INDEX "public"."idx_report_sale_line_occurred_at_store"`);
    await queryRunner.query(`DROP INDEX "public"."idx_report_sale_line_refused"`);
    await queryRunner.query(`DROP TABLE "report_sale_line"`);
  }
}
