import { createHash, randomBytes, scryptSync } from 'node:crypto';
import { Client } from 'pg';

export interface BenchSizes {
  readonly stores: number;
  readonly products: number;
  readonly variantsPerProduct: number;
  readonly onHandPerLevel: number;
  readonly customers: number;
  readonly couponCodes: number;
}

export const FULL_SIZES: BenchSizes = { stores: 50, products: 500, variantsPerProduct: 10, onHandPerLevel: 100_000, customers: 10_000, couponCodes: 200_000 };
export const SMOKE_SIZES: BenchSizes = { stores: 3, products: 20, variantsPerProduct: 5, onHandPerLevel: 100_000, customers: 50, couponCodes: 2_000 };

export interface BenchFixture {
  readonly storeIds: string[];
  readonly storeCodes: string[];
  readonly skus: string[];
  readonly variantIds: string[];
  readonly terminalKeys: string[];
  readonly cashierEmails: string[];
  readonly adminEmail: string;
  readonly password: string;
  readonly storefrontKey: string;
  readonly customerEmails: string[];
  /** Unique single-use codes of one campaign (10% off, POS and online). */
  readonly couponCodes: string[];
}

function scryptHash(password: string): string {
  // Same format as the API's hashPassword (scrypt$N$r$p$salt$hash).
  const salt = randomBytes(16);
  const key = scryptSync(password, salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
  return ['scrypt', 2 ** 15, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$');
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/**
 * Seeds a realistic catalog and estate with set-based SQL (seconds, not minutes): stores around
 * Berlin, products with sizes, stock everywhere with matching RECEIPT movements (the ledger
 * invariant holds), a cashier and a terminal per store, an admin and a storefront key.
 */
export async function seedBenchData(databaseUrl: string, sizes: BenchSizes): Promise<BenchFixture> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const password = 'bench-password-123';
  const passwordHash = scryptHash(password);
  try {
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO store (code, name, address_line1, city, postal_code, country_code, timezone, latitude, longitude, opening_hours,
                          sells, holds_stock, offers_pickup, pickup_promise_minutes, hold_period_days)
       SELECT 'BENCH-' || lpad(n::text, 3, '0'), 'Bench store ' || n, 'Street ' || n, 'Berlin', '10115', 'DE', 'Europe/Berlin',
              52.40 + (n % 10) * 0.03, 13.20 + (n / 10) * 0.05, '[]'::jsonb, true, true, true, 120, 7
         FROM generate_series(1, $1) AS n`,
      [sizes.stores],
    );
    await client.query(
      `INSERT INTO product (name, brand, active) SELECT 'Bench product ' || p, 'Bench', true FROM generate_series(1, $1) AS p`,
      [sizes.products],
    );
    await client.query(
      `INSERT INTO product_variant (product_id, sku, name, size, colour, price_amount, currency, active)
       SELECT p.id, 'B' || lpad(p.rn::text, 5, '0') || '-' || v, p.name || ' size ' || v, (35 + v)::text, 'black', 1000 + (p.rn % 50) * 100, 'EUR', true
         FROM (SELECT id, name, row_number() OVER (ORDER BY name) AS rn FROM product WHERE brand = 'Bench') p
        CROSS JOIN generate_series(1, $1) AS v`,
      [sizes.variantsPerProduct],
    );
    await client.query(
      `INSERT INTO stock_level (store_id, variant_id, on_hand, reserved, safety_stock)
       SELECT s.id, v.id, $1, 0, 0 FROM store s CROSS JOIN product_variant v WHERE s.code LIKE 'BENCH-%' AND v.sku LIKE 'B%'`,
      [sizes.onHandPerLevel],
    );
    await client.query(
      `INSERT INTO stock_movement (store_id, variant_id, type, quantity, on_hand_after, actor, reason, occurred_at)
       SELECT store_id, variant_id, 'RECEIPT', on_hand, on_hand, 'bench', 'bench seed', now() FROM stock_level`,
    );
    const stores = await client.query<{ id: string; code: string }>("SELECT id, code FROM store WHERE code LIKE 'BENCH-%' ORDER BY code");
    const variants = await client.query<{ id: string; sku: string }>("SELECT id, sku FROM product_variant WHERE sku LIKE 'B%' ORDER BY sku");
    const terminalKeys: string[] = [];
    const cashierEmails: string[] = [];
    for (const store of stores.rows) {
      const key = `term_${randomBytes(32).toString('base64url')}`;
      terminalKeys.push(key);
      await client.query('INSERT INTO terminal (store_id, name, key_hash, key_prefix, active) VALUES ($1, $2, $3, $4, true)', [store.id, 'bench till', sha256(key), key.slice(0, 12)]);
      const email = `cashier.${store.code.toLowerCase()}@bench.local`;
      cashierEmails.push(email);
      const user = await client.query<{ id: string }>(
        "INSERT INTO staff_user (email, name, password_hash, role, active) VALUES ($1, 'Bench cashier', $2, 'CASHIER', true) RETURNING id",
        [email, passwordHash],
      );
      await client.query('INSERT INTO staff_store (staff_user_id, store_id) VALUES ($1, $2)', [user.rows[0].id, store.id]);
    }
    const adminEmail = 'admin@bench.local';
    await client.query("INSERT INTO staff_user (email, name, password_hash, role, active) VALUES ($1, 'Bench admin', $2, 'ADMIN', true)", [adminEmail, passwordHash]);
    const storefrontKey = `sf_${randomBytes(32).toString('base64url')}`;
    await client.query("INSERT INTO storefront_api_key (name, key_hash, key_prefix, active) VALUES ('bench', $1, $2, true)", [sha256(storefrontKey), storefrontKey.slice(0, 10)]);
    await client.query(
      `INSERT INTO customer (email, first_name, last_name, created_channel)
       SELECT 'shopper' || n || '@bench.local', 'Bench', 'Shopper ' || n, 'ONLINE' FROM generate_series(1, $1) AS n`,
      [sizes.customers],
    );
    const campaign = await client.query<{ id: string }>(
      `INSERT INTO campaign (name, source, discount_type, percent, currency, eligible_channels, valid_from, valid_until)
       VALUES ('Bench 10%', 'bench', 'PERCENT', 10, 'EUR', ARRAY['ONLINE', 'POS'], now() - interval '1 day', now() + interval '30 days') RETURNING id`,
    );
    await client.query(
      `INSERT INTO coupon_code (campaign_id, code, kind, max_uses)
       SELECT $1, 'BN' || lpad(n::text, 10, '0'), 'UNIQUE', 1 FROM generate_series(1, $2) AS n`,
      [campaign.rows[0].id, sizes.couponCodes],
    );
    await client.query('COMMIT');
    await client.query('ANALYZE');
    return {
      storeIds: stores.rows.map((row) => row.id),
      storeCodes: stores.rows.map((row) => row.code),
      skus: variants.rows.map((row) => row.sku),
      variantIds: variants.rows.map((row) => row.id),
      terminalKeys,
      cashierEmails,
      adminEmail,
      password,
      storefrontKey,
      customerEmails: Array.from({ length: sizes.customers }, (_, i) => `shopper${i + 1}@bench.local`),
      couponCodes: Array.from({ length: sizes.couponCodes }, (_, i) => `BN${String(i + 1).padStart(10, '0')}`),
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
