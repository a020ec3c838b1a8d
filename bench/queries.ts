/**
 * The availability read the API runs for a basket of `basketSize` variants at one store (kept in
 * step with libs/inventory: one parameter per variant, as inList writes it, so PostgreSQL keeps a
 * generic plan per basket size).
 */
export function availabilitySql(basketSize: number): string {
  const variants = Array.from({ length: basketSize }, (_, i) => `$${i + 2}::uuid`).join(', ');
  return `
  SELECT v.id AS variant_id, v.sku,
         COALESCE(s.on_hand, 0) AS on_hand, COALESCE(s.reserved, 0) AS reserved, COALESCE(s.safety_stock, 0) AS safety_stock
    FROM store st
    LEFT JOIN product_variant v ON v.id IN (${variants})
    LEFT JOIN stock_level s ON s.store_id = st.id AND s.variant_id = v.id
   WHERE st.id = $1`;
}

/**
 * pgbench script with the same writes as a POS sale: lock 3 stock rows in a fixed order, update
 * them, insert a sale and 3 lines, commit. Runs on bench-only tables shaped like ours.
 */
export const PGBENCH_POS_SALE_SCRIPT = `\\set s random(1, :stores)
\\set a random(1, :third)
\\set b random(:third + 1, 2 * :third)
\\set c random(2 * :third + 1, 3 * :third)
BEGIN;
SELECT on_hand FROM bench_pos_stock WHERE store_no = :s AND variant_no IN (:a, :b, :c) ORDER BY variant_no FOR UPDATE;
UPDATE bench_pos_stock SET on_hand = on_hand - 1 WHERE store_no = :s AND variant_no IN (:a, :b, :c);
INSERT INTO bench_pos_sale (store_no, total_amount) VALUES (:s, 3000) RETURNING id \\gset
INSERT INTO bench_pos_sale_line (sale_id, variant_no, quantity, unit_price_amount) VALUES (:id, :a, 1, 1000), (:id, :b, 1, 1000), (:id, :c, 1, 1000);
COMMIT;
`;

export const PGBENCH_SETUP_SQL = `
  DROP TABLE IF EXISTS bench_pos_sale_line, bench_pos_sale, bench_pos_stock;
  CREATE TABLE bench_pos_stock (store_no int, variant_no int, on_hand int NOT NULL, reserved int NOT NULL DEFAULT 0, PRIMARY KEY (store_no, variant_no));
  CREATE TABLE bench_pos_sale (id bigserial PRIMARY KEY, store_no int NOT NULL, total_amount int NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
  CREATE TABLE bench_pos_sale_line (sale_id bigint NOT NULL REFERENCES bench_pos_sale(id), variant_no int NOT NULL, quantity int NOT NULL, unit_price_amount int NOT NULL);
  CREATE INDEX ON bench_pos_sale_line (sale_id);`;
