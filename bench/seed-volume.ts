/* Seeds a year of trading with set-based SQL (generate_series): ≥ 1,000,000 orders over 50 stores
 * with lines, payments, click-and-collect timings, returns, coupon campaigns with issued and
 * redeemed codes, and customers buying across channels, then fills the reports' sales projection
 * (report_sale_line) with the same SQL as `reporting:rebuild`. Used by `npm run seed:volume` and
 * `npm run bench:reports`; other benchmarks can call seedVolume(client, options) on a database
 * that already has stores and variants (bench/seed.ts seedBenchData creates them). */
import { Client } from 'pg';
// Plain SQL strings (no aliases): the benchmark reaches them by path, like the database launcher.
// eslint-disable-next-line no-restricted-imports
import { DELETE_SALE_LINES_OF_PERIOD_SQL, INSERT_SALE_LINES_OF_PERIOD_SQL } from '../libs/reporting/src/repositories/sale-line-projection.sql';

export interface VolumeOptions {
  /** Orders to create (POS sales, pickup and ship orders). */
  readonly orders: number;
  /** Customer profiles to create; about 60% of orders name one. */
  readonly customers: number;
  /** Coupon codes issued to customers and never redeemed (assisted-sales material). */
  readonly unredeemedCodes: number;
  /** Campaigns the codes belong to. */
  readonly campaigns: number;
  /** The last instant of the seeded year (orders fall in [end − 365 days, end)). */
  readonly end: Date;
  /** Prefix of order numbers and customer emails, so a second seed does not collide. */
  readonly tag: string;
  readonly log?: (message: string) => void;
}

export const VOLUME_DEFAULTS: Omit<VolumeOptions, 'end'> = {
  orders: 1_000_000,
  customers: 100_000,
  unredeemedCodes: 150_000,
  campaigns: 12,
  tag: 'VOL',
};

export interface VolumeSummary {
  readonly orders: number;
  readonly orderLines: number;
  readonly returns: number;
  readonly redemptions: number;
  readonly issuedCodes: number;
  readonly seconds: number;
}

/** Tables loaded in bulk: their secondary indexes are rebuilt once after the load. */
const BULK_TABLES = ['order', 'order_line', 'order_payment', 'return_request', 'return_line', 'refund', 'coupon_code', 'coupon_redemption', 'report_sale_line'];
/** Vacuumed and analysed at the end, so a measurement right after seeding is not competing with autovacuum. */
const LOADED_TABLES = [...BULK_TABLES, 'customer', 'campaign'];
const DAY_MS = 24 * 3600 * 1000;

// Deterministic choices: hashes of the order number, so the data set is the same every run.
const SALE_STATES = `('COMPLETED', 'PICKED_UP', 'SHIPPED')`;

/**
 * Seeds the volume data set inside one transaction. Needs stores and product variants to exist;
 * creates its own customers, campaigns, orders, lines, payments, returns, refunds and coupons.
 */
export async function seedVolume(client: Client, options: VolumeOptions): Promise<VolumeSummary> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const step = async (label: string, sql: string, params: unknown[] = []) => {
    const at = Date.now();
    const result = await client.query(sql, params);
    log(`${label}: ${result.rowCount ?? 0} rows in ${((Date.now() - at) / 1000).toFixed(1)} s`);
    return result;
  };
  const tag = options.tag;
  await client.query('BEGIN');
  try {
    await client.query("SET LOCAL work_mem = '256MB'");
    await client.query('SET LOCAL synchronous_commit = off');
    await step('stores', `CREATE TEMP TABLE vol_store ON COMMIT DROP AS
      SELECT (row_number() OVER (ORDER BY code) - 1)::int AS i, id, pickup_promise_minutes FROM store`);
    await step('variants', `CREATE TEMP TABLE vol_variant ON COMMIT DROP AS
      SELECT (row_number() OVER (ORDER BY sku) - 1)::int AS i, id, sku, name, price_amount FROM product_variant`);
    const [{ stores, variants }] = (await client.query<{ stores: number; variants: number }>(
      'SELECT (SELECT count(*) FROM vol_store)::int AS stores, (SELECT count(*) FROM vol_variant)::int AS variants',
    )).rows;
    if (stores === 0 || variants === 0) {
      throw new Error('seedVolume needs stores and product variants (run seedBenchData first)');
    }
    await step('customers', `INSERT INTO customer (email, first_name, last_name, created_channel, created_at, updated_at)
      SELECT lower($1) || '-shopper' || n || '@volume.local', 'Volume', 'Shopper ' || n, CASE WHEN n % 3 = 0 THEN 'POS' ELSE 'ONLINE' END,
             $2::timestamptz - interval '400 days', $2::timestamptz - interval '400 days'
        FROM generate_series(1, $3) AS n`, [tag, options.end, options.customers]);
    await step('customer index', `CREATE TEMP TABLE vol_customer ON COMMIT DROP AS
      SELECT (row_number() OVER (ORDER BY id) - 1)::int AS i, id FROM customer WHERE email LIKE lower($1) || '-shopper%@volume.local'`, [tag]);
    await step('campaigns', `INSERT INTO campaign (name, source, discount_type, percent, currency, eligible_channels, valid_from, valid_until, redemption_count)
      SELECT $1 || ' campaign ' || c, 'volume-' || c, 'PERCENT', 10, 'EUR', ARRAY['ONLINE', 'POS'], $2::timestamptz - interval '400 days', $2::timestamptz + interval '30 days', 0
        FROM generate_series(1, $3) AS c`, [tag, options.end, options.campaigns]);
    await step('campaign index', `CREATE TEMP TABLE vol_campaign ON COMMIT DROP AS
      SELECT (row_number() OVER (ORDER BY source) - 1)::int AS i, id FROM campaign WHERE name LIKE $1 || ' campaign %'`, [tag]);

    // One row per order with every choice made: 70% POS, 21% pickup, 9% ship; 60% name a customer;
    // 4% of orders with a customer redeem a coupon (10% off every line).
    await step('order plan', `CREATE TEMP TABLE vol_order ON COMMIT DROP AS
      SELECT p.n, gen_random_uuid() AS id, s.id AS store_id, s.pickup_promise_minutes AS promise,
             p.kind, p.state, p.occurred_at,
             cu.id AS customer_id,
             (p.h2 % 10 < 6 AND p.n % 25 = 0) AS with_coupon,
             1 + p.h3 % 3 AS line_count,
             p.h4
        FROM (
          SELECT n, h1, h2, h3, h4,
                 CASE WHEN h1 % 100 < 70 THEN 'POS' WHEN h1 % 100 < 91 THEN 'PICKUP' ELSE 'SHIP' END AS kind,
                 CASE WHEN h1 % 100 < 70 THEN CASE WHEN h4 % 50 = 0 THEN 'VOIDED' ELSE 'COMPLETED' END
                      WHEN h1 % 100 < 91 THEN CASE WHEN h4 % 100 < 85 THEN 'PICKED_UP' WHEN h4 % 100 < 93 THEN 'EXPIRED' ELSE 'CANCELLED' END
                      ELSE CASE WHEN h4 % 100 < 95 THEN 'SHIPPED' ELSE 'CANCELLED' END END AS state,
                 $3::timestamptz - make_interval(secs => (h1 % 31536000)::double precision) AS occurred_at
            FROM (
              SELECT n, (hashint4(n) & 2147483647) AS h1, (hashint4(n + 7919) & 2147483647) AS h2, (hashint4(n + 104729) & 2147483647) AS h3, (hashint4(n + 1299709) & 2147483647) AS h4
                FROM generate_series(1, $1) AS n
            ) hashed
        ) p
        JOIN vol_store s ON s.i = p.h2 % $4
        LEFT JOIN vol_customer cu ON p.h2 % 10 < 6 AND cu.i = p.h3 % $2`, [options.orders, options.customers, options.end, stores]);

    await step('line plan', `CREATE TEMP TABLE vol_line ON COMMIT DROP AS
      SELECT o.id AS order_id, o.n, o.occurred_at, j AS line_no, v.id AS variant_id, v.sku, v.name, v.price_amount, q.quantity,
             CASE WHEN o.with_coupon THEN v.price_amount * q.quantity / 10 ELSE 0 END AS discount_amount,
             CASE WHEN o.state = 'PICKED_UP' AND j = 1 AND q.quantity > 1 AND o.n % 40 = 4 THEN 1 ELSE 0 END AS refused_quantity,
             CASE WHEN o.state IN ${SALE_STATES} AND j = 1 AND o.n % 33 = 1 THEN 1 ELSE 0 END AS returned_quantity,
             v.price_amount * q.quantity - CASE WHEN o.with_coupon THEN v.price_amount * q.quantity / 10 ELSE 0 END AS total_amount
        FROM vol_order o
        CROSS JOIN LATERAL generate_series(1, o.line_count) AS j
        CROSS JOIN LATERAL (SELECT 1 + ((o.n + j) % 5 = 0)::int AS quantity) q
        JOIN vol_variant v ON v.i = (hashint4(o.n * 4 + j) & 2147483647) % $1`, [variants]);

    // Bulk-load the way PostgreSQL likes it: secondary indexes dropped and rebuilt once after the
    // load (same definitions), and, when allowed (superuser, e.g. the embedded server), no per-row
    // foreign-key triggers: every reference below comes from rows just read from their tables.
    // Orders, lines and payments go in in time order, as a live system writes them (a period's
    // rows share pages), not in the generator's random order.
    const indexes = await client.query<{ indexname: string; indexdef: string }>(
      `SELECT i.indexname, i.indexdef FROM pg_indexes i
        WHERE i.schemaname = current_schema() AND i.tablename = ANY($1::text[])
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
      [BULK_TABLES],
    );
    for (const index of indexes.rows) {
      await client.query(`DROP INDEX "${index.indexname}"`);
    }
    await client.query('SAVEPOINT replica_role');
    try {
      await client.query('SET LOCAL session_replication_role = replica');
      await client.query('RELEASE SAVEPOINT replica_role');
    } catch {
      await client.query('ROLLBACK TO SAVEPOINT replica_role');
      log('not a superuser: foreign keys are checked row by row (slower)');
    }
    await step('orders', `INSERT INTO "order" (id, number, channel, fulfilment, state, store_id, customer_id, currency, subtotal_amount, discount_amount,
                                  tax_amount, total_amount, refund_due_amount, placed_by, occurred_at, placed_at, promised_at, ready_at,
                                  picked_up_at, shipped_at, cancelled_at, expired_at, voided_at, coupon_code, created_at, updated_at)
      SELECT o.id, $1 || '-' || o.n,
             (CASE WHEN o.kind = 'POS' THEN 'POS' ELSE 'ONLINE' END)::order_channel,
             (CASE o.kind WHEN 'POS' THEN 'CARRY_OUT' WHEN 'PICKUP' THEN 'PICKUP' ELSE 'SHIP' END)::order_fulfilment,
             o.state::order_state, o.store_id, o.customer_id, 'EUR', t.subtotal, t.discount, t.total * 1900 / 11900, t.total,
             CASE WHEN o.state IN ('CANCELLED', 'EXPIRED', 'VOIDED') THEN t.total ELSE t.refused END,
             'bench:volume', o.occurred_at, o.occurred_at,
             CASE WHEN o.kind = 'PICKUP' THEN o.occurred_at + make_interval(mins => o.promise) END,
             r.ready_at,
             CASE WHEN o.state = 'PICKED_UP' THEN r.ready_at + make_interval(mins => o.h4 % 4320) END,
             CASE WHEN o.state = 'SHIPPED' THEN o.occurred_at + interval '1 day' END,
             CASE WHEN o.state = 'CANCELLED' THEN o.occurred_at + interval '2 hours' END,
             CASE WHEN o.state = 'EXPIRED' THEN r.ready_at + interval '7 days' END,
             CASE WHEN o.state = 'VOIDED' THEN o.occurred_at + interval '5 minutes' END,
             CASE WHEN o.with_coupon THEN $1 || 'C' || o.n END,
             o.occurred_at, o.occurred_at
        FROM vol_order o
        JOIN (SELECT order_id, sum(price_amount * quantity)::int AS subtotal, sum(discount_amount)::int AS discount, sum(total_amount)::int AS total,
                     sum(total_amount * refused_quantity / quantity)::int AS refused
                FROM vol_line GROUP BY order_id) t ON t.order_id = o.id
        CROSS JOIN LATERAL (
          -- Ready within 0–2× the store's promise (so some are late); cancelled pickups never got ready.
          SELECT CASE WHEN o.kind = 'PICKUP' AND o.state <> 'CANCELLED' THEN o.occurred_at + make_interval(mins => (o.h4 / 7) % (2 * o.promise)) END AS ready_at
        ) r
       ORDER BY o.occurred_at`, [tag]);
    await step('order lines', `INSERT INTO order_line (order_id, line_no, variant_id, sku, name, quantity, unit_price_amount, list_unit_price_amount,
                                       discount_amount, tax_rate_bp, tax_amount, total_amount, refused_quantity, returned_quantity)
      SELECT order_id, line_no, variant_id, sku, name, quantity, price_amount, price_amount, discount_amount, 1900, total_amount * 1900 / 11900,
             total_amount, refused_quantity, returned_quantity
        FROM vol_line
       ORDER BY occurred_at, order_id, line_no`);
    await step('payments', `INSERT INTO order_payment (order_id, method, amount, change_amount, created_at)
      SELECT id, (CASE WHEN n % 4 = 0 THEN 'CASH' WHEN kind = 'POS' THEN 'CARD' ELSE 'EXTERNAL' END)::order_payment_method, total_amount, 0, occurred_at
        FROM (SELECT o.id, o.n, o.kind, o.occurred_at, x.total_amount FROM vol_order o JOIN "order" x ON x.id = o.id) paid
       ORDER BY occurred_at`);

    // Fresh tables have no statistics: without them the joins below plan as nested loops.
    await step('analyze loaded', 'ANALYZE "order", order_line, order_payment, coupon_code');
    // Returns: one unit of the first line of ~3% of sales, taken back 1–14 days later.
    await step('returns', `INSERT INTO return_request (number, order_id, customer_id, receiving_store_id, state, authorised_by, window_ends_at,
                                           refund_method, refund_amount, currency, created_at, received_at, refunded_at, received_by, updated_at)
      SELECT $1 || '-' || o.n || '-R1', o.id, o.customer_id, o.store_id, 'REFUNDED', 'bench:volume', o.occurred_at + interval '30 days',
             'ORIGINAL_TENDER', l.total_amount / l.quantity, 'EUR', rt.at, rt.at, rt.at, 'bench:volume', rt.at
        FROM vol_line l
        JOIN vol_order o ON o.id = l.order_id
        CROSS JOIN LATERAL (SELECT o.occurred_at + make_interval(hours => 24 + o.h4 % 312) AS at) rt
       WHERE l.returned_quantity > 0`, [tag]);
    await step('return lines', `INSERT INTO return_line (return_id, order_line_id, variant_id, sku, quantity, reason, condition, refund_amount)
      SELECT rr.id, ol.id, ol.variant_id, ol.sku, 1,
             (ARRAY['WRONG_SIZE', 'DEFECTIVE', 'NOT_AS_DESCRIBED', 'DAMAGED_IN_TRANSIT', 'CHANGED_MIND', 'OTHER'])[1 + (hashtext(rr.number || 'reason') & 2147483647) % 6]::return_reason_code,
             (CASE WHEN (hashtext(rr.number) & 2147483647) % 10 < 7 THEN 'RESELLABLE' ELSE 'DAMAGED' END)::return_item_condition,
             rr.refund_amount
        FROM return_request rr
        JOIN order_line ol ON ol.order_id = rr.order_id AND ol.line_no = 1
       WHERE rr.authorised_by = 'bench:volume' AND rr.number LIKE $1 || '-%'`, [tag]);
    await step('refunds', `INSERT INTO refund (return_id, method, tender, amount, currency, state, created_at, completed_at)
      SELECT id, 'ORIGINAL_TENDER', 'CARD', refund_amount, 'EUR', 'COMPLETED', created_at, created_at
        FROM return_request WHERE authorised_by = 'bench:volume' AND number LIKE $1 || '-%' AND refund_amount > 0`, [tag]);

    // Coupons: every coupon order redeemed a code issued to its customer 1–10 days before.
    await step('redeemed codes', `INSERT INTO coupon_code (campaign_id, code, kind, issued_to_customer_id, issued_at, max_uses, use_count, created_at)
      SELECT c.id, $1 || 'C' || o.n, 'UNIQUE', o.customer_id, o.occurred_at - make_interval(hours => 24 + o.h4 % 216), 1,
             CASE WHEN o.state IN ('CANCELLED', 'VOIDED') THEN 0 ELSE 1 END, o.occurred_at - interval '20 days'
        FROM vol_order o JOIN vol_campaign c ON c.i = (o.n / 25) % $2
       WHERE o.with_coupon`, [tag, options.campaigns]);
    await step('analyze codes', 'ANALYZE coupon_code, return_request');
    await step('redemptions', `INSERT INTO coupon_redemption (code_id, campaign_id, order_id, store_id, channel, customer_id, discount_amount, currency,
                                              line_discounts, state, redeemed_at, reversed_at)
      SELECT cc.id, cc.campaign_id, o.id, o.store_id, CASE WHEN o.kind = 'POS' THEN 'POS' ELSE 'ONLINE' END, o.customer_id, x.discount_amount, 'EUR', '[]'::jsonb,
             CASE WHEN o.state IN ('CANCELLED', 'VOIDED') THEN 'REVERSED' ELSE 'ACTIVE' END, o.occurred_at,
             CASE WHEN o.state IN ('CANCELLED', 'VOIDED') THEN o.occurred_at + interval '1 hour' END
        FROM vol_order o JOIN "order" x ON x.id = o.id JOIN coupon_code cc ON cc.code = $1 || 'C' || o.n
       WHERE o.with_coupon`, [tag]);
    await step('unredeemed codes', `INSERT INTO coupon_code (campaign_id, code, kind, issued_to_customer_id, issued_at, max_uses, use_count, created_at)
      SELECT c.id, $1 || 'U' || n, 'UNIQUE', cu.id, $2::timestamptz - make_interval(secs => ((hashint4(n + 31) & 2147483647) % 31536000)::double precision), 1, 0,
             $2::timestamptz - interval '400 days'
        FROM generate_series(1, $3) AS n
        JOIN vol_campaign c ON c.i = n % $4
        JOIN vol_customer cu ON cu.i = (hashint4(n + 17) & 2147483647) % $5`, [tag, options.end, options.unredeemedCodes, options.campaigns, options.customers]);
    // The reports' sales projection, with the rebuild's SQL (reporting:rebuild) over the seeded year.
    const year: [Date, Date] = [new Date(options.end.getTime() - 366 * DAY_MS), new Date(options.end.getTime() + DAY_MS)];
    await step('report projection: clear', DELETE_SALE_LINES_OF_PERIOD_SQL, year);
    await step('report projection (report_sale_line)', INSERT_SALE_LINES_OF_PERIOD_SQL, year);
    await client.query('SET LOCAL session_replication_role = DEFAULT');
    const rebuilt = Date.now();
    for (const index of indexes.rows) {
      await client.query(index.indexdef);
    }
    log(`${indexes.rows.length} indexes rebuilt in ${((Date.now() - rebuilt) / 1000).toFixed(1)} s`);
    await step('campaign counts', `UPDATE campaign c SET redemption_count = r.active
        FROM (SELECT campaign_id, count(*)::int AS active FROM coupon_redemption WHERE state = 'ACTIVE' GROUP BY campaign_id) r
       WHERE r.campaign_id = c.id`);
    const summary = await client.query<{ orders: number; lines: number; returns: number; redemptions: number; issued: number }>(
      `SELECT (SELECT count(*) FROM vol_order)::int AS orders, (SELECT count(*) FROM vol_line)::int AS lines,
              (SELECT count(*) FROM vol_line WHERE returned_quantity > 0)::int AS returns,
              (SELECT count(*) FROM vol_order WHERE with_coupon)::int AS redemptions,
              (SELECT count(*) FROM vol_order WHERE with_coupon)::int + $1::int AS issued`,
      [options.unredeemedCodes],
    );
    await client.query('COMMIT');
    const at = Date.now();
    await client.query(`VACUUM (ANALYZE) ${LOADED_TABLES.map((table) => `"${table}"`).join(', ')}`);
    await client.query('ANALYZE');
    log(`vacuum analyze: ${((Date.now() - at) / 1000).toFixed(1)} s`);
    const row = summary.rows[0];
    return { orders: row.orders, orderLines: row.lines, returns: row.returns, redemptions: row.redemptions, issuedCodes: row.issued, seconds: (Date.now() - started) / 1000 };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
