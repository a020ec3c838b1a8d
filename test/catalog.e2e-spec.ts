import { randomInt } from 'node:crypto';
import { ProductEntity, ProductVariantEntity } from '@omnitill/catalog';
import { createStaff, createStore, createStorefrontKey, GraphQLResponse, readBothWays, TestApp, unique } from '@omnitill/testing';

const PRODUCT_FIELDS = `id name description brand active createdAt
  variants { id productId sku barcode name size colour price { amount currency } active }`;

const CREATE_PRODUCT = `mutation($input: CreateProductInput!) {
  createProduct(input: $input) {
    __typename
    ... on Product { ${PRODUCT_FIELDS} }
    ... on DuplicateSkuError { sku }
    ... on DuplicateBarcodeError { barcode }
    ... on ErrorResult { errorCode message }
  }
}`;

const UPDATE_PRODUCT = `mutation($id: ID!, $input: UpdateProductInput!) { updateProduct(id: $id, input: $input) { ${PRODUCT_FIELDS} } }`;

const ADD_VARIANT = `mutation($input: AddVariantInput!) {
  addVariant(input: $input) {
    __typename
    ... on ProductVariant { id productId sku barcode price { amount currency } }
    ... on DuplicateSkuError { sku }
    ... on DuplicateBarcodeError { duplicateBarcode: barcode }
    ... on ErrorResult { errorCode }
  }
}`;

const UPDATE_VARIANT = `mutation($id: ID!, $input: UpdateVariantInput!) {
  updateVariant(id: $id, input: $input) {
    __typename
    ... on ProductVariant { id sku barcode colour price { amount currency } active }
    ... on DuplicateBarcodeError { duplicateBarcode: barcode }
    ... on ErrorResult { errorCode }
  }
}`;

const GET_PRODUCT = `query($id: ID!) { product(id: $id) { ${PRODUCT_FIELDS} } }`;
const BY_SKU = 'query($sku: String!) { variantBySku(sku: $sku) { id productId sku barcode price { amount currency } } }';
const BY_BARCODE = 'query($barcode: String!) { variantByBarcode(barcode: $barcode) { id sku barcode } }';
const LIST = `query($search: String, $active: Boolean, $sortBy: ProductSortField, $sortDirection: SortDirection, $skip: Int, $take: Int) {
  products(search: $search, active: $active, sortBy: $sortBy, sortDirection: $sortDirection, skip: $skip, take: $take) {
    items { id name variants { sku } } totalCount hasNextPage
  }
}`;

interface Money {
  amount: number;
  currency: string;
}

interface Variant {
  id: string;
  productId: string;
  sku: string;
  barcode: string | null;
  name: string;
  size: string | null;
  colour: string | null;
  price: Money;
  active: boolean;
}

interface Product {
  __typename: 'Product';
  id: string;
  name: string;
  description: string | null;
  brand: string | null;
  active: boolean;
  createdAt: string;
  variants: Variant[];
}

interface CreateProductError {
  __typename: 'DuplicateSkuError' | 'DuplicateBarcodeError';
  errorCode: string;
  message: string;
  sku?: string;
  barcode?: string;
  /** The alias used where the union also holds ProductVariant (whose barcode is nullable). */
  duplicateBarcode?: string;
}

interface ProductList {
  items: { id: string; name: string; variants: { sku: string }[] }[];
  totalCount: number;
  hasNextPage: boolean;
}

/** A random EAN-13 with a correct GS1 check digit. */
function ean13(): string {
  const body = Array.from({ length: 12 }, (_, index) => (index === 0 ? 1 + randomInt(9) : randomInt(10))).join('');
  let sum = 0;
  for (let i = 0; i < 12; i++) {
    sum += Number(body[i]) * (i % 2 === 0 ? 1 : 3);
  }
  return `${body}${(10 - (sum % 10)) % 10}`;
}

/** A random UPC-A (12 digits) with a correct check digit; stored as its EAN-13 form "0" + upc. */
function upcA(): string {
  const body = Array.from({ length: 11 }, () => randomInt(10)).join('');
  let sum = 0;
  for (let i = 0; i < 11; i++) {
    sum += Number(body[i]) * (i % 2 === 0 ? 3 : 1);
  }
  return `${body}${(10 - (sum % 10)) % 10}`;
}

/** The same code with its check digit wrong. */
function withBadCheckDigit(barcode: string): string {
  const last = Number(barcode[barcode.length - 1]);
  return `${barcode.slice(0, -1)}${(last + 1) % 10}`;
}

function variantInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { sku: unique('sku-').toLowerCase(), barcode: ean13(), name: 'Variant', priceAmount: 1999, currency: 'EUR', ...overrides };
}

function productInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { name: 'Product', variants: [variantInput()], ...overrides };
}

function fieldsOf(response: GraphQLResponse): string[] {
  return response.errors?.[0].extensions?.fields?.map((f) => f.field) ?? [];
}

describe('Catalog', () => {
  let sut: TestApp;
  let adminToken: string;
  let cashierToken: string;
  let storefrontKey: string;

  async function createProduct(input: Record<string, unknown>): Promise<Product> {
    const data = await sut.ok<{ createProduct: Product | CreateProductError }>(CREATE_PRODUCT, { input }, { token: adminToken });
    if (data.createProduct.__typename !== 'Product') {
      throw new Error(`createProduct failed: ${data.createProduct.__typename}`);
    }
    return data.createProduct;
  }

  /** What the database holds, to assert a failed mutation left it untouched. */
  async function catalogCounts(): Promise<{ products: number; variants: number; listed: number }> {
    const listed = await sut.ok<{ products: { totalCount: number } }>('query { products(take: 1) { totalCount } }', {}, { token: adminToken });
    return { products: await sut.count('product'), variants: await sut.count('product_variant'), listed: listed.products.totalCount };
  }

  /** Resolves once some backend is blocked waiting for a lock (the app's insert behind the rival's row). */
  async function waitForLockWait(): Promise<void> {
    for (let attempt = 0; attempt < 200; attempt++) {
      const waiting = await sut.count('pg_stat_activity', "datname = current_database() AND wait_event_type = 'Lock'");
      if (waiting > 0) {
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error('the app never blocked on the rival transaction');
  }

  beforeAll(async () => {
    sut = await TestApp.start();
    adminToken = await sut.bootstrapAdmin();
    const store = await createStore(sut, adminToken);
    const cashier = await createStaff(sut, adminToken, 'CASHIER', [store.id]);
    cashierToken = await sut.login(cashier.email, cashier.password);
    storefrontKey = await createStorefrontKey(sut, adminToken);
  });

  afterAll(async () => {
    await sut?.close();
  });

  describe('creating products', () => {
    it('an admin creates a product with three sizes, prices as integer Money, SKUs upper-cased', async () => {
      const prefix = unique('trail-').toLowerCase();
      const barcodes = [ean13(), ean13(), ean13()];
      const created = await createProduct({
        name: 'Trail Runner',
        description: 'A light trail shoe',
        brand: 'Omni',
        variants: ['41', '42', '43'].map((size, index) =>
          variantInput({ sku: `${prefix}-${size}`, barcode: barcodes[index], name: `Trail Runner ${size}`, size, colour: 'green', priceAmount: 8999 + index }),
        ),
      });

      expect(created).toMatchObject({ __typename: 'Product', name: 'Trail Runner', description: 'A light trail shoe', brand: 'Omni', active: true });
      expect(created.variants).toEqual(
        ['41', '42', '43'].map((size, index) => ({
          id: expect.any(String),
          productId: created.id,
          sku: `${prefix}-${size}`.toUpperCase(),
          barcode: barcodes[index],
          name: `Trail Runner ${size}`,
          size,
          colour: 'green',
          price: { amount: 8999 + index, currency: 'EUR' },
          active: true,
        })),
      );
      const rows = await sut.query<{ sku: string; price_amount: number; currency: string }>(
        'SELECT sku, price_amount, currency FROM product_variant WHERE product_id = $1 ORDER BY sku',
        [created.id],
      );
      expect(rows).toEqual(['41', '42', '43'].map((size, index) => ({ sku: `${prefix}-${size}`.toUpperCase(), price_amount: 8999 + index, currency: 'EUR' })));

      const read = await sut.ok<{ product: Product }>(GET_PRODUCT, { id: created.id });
      expect(read.product).toEqual({ ...created, __typename: undefined });
    });

    it('stores a UPC-A barcode in its GTIN-13 form', async () => {
      const upc = upcA();
      const created = await createProduct(productInput({ variants: [variantInput({ barcode: upc })] }));
      expect(created.variants[0].barcode).toBe(`0${upc}`);
    });

    it('a SKU repeated within one input is a DuplicateSkuError and inserts nothing', async () => {
      const sku = unique('dup-');
      const before = await catalogCounts();
      const result = await sut.ok<{ createProduct: CreateProductError }>(
        CREATE_PRODUCT,
        { input: productInput({ variants: [variantInput({ sku }), variantInput({ sku: sku.toLowerCase() })] }) },
        { token: adminToken },
      );
      expect(result.createProduct).toMatchObject({ __typename: 'DuplicateSkuError', errorCode: 'DUPLICATE_SKU', sku });
      expect(await catalogCounts()).toEqual(before);
    });

    it('a SKU used by another product is a DuplicateSkuError and inserts nothing', async () => {
      const existing = await createProduct(productInput());
      const sku = existing.variants[0].sku;
      const before = await catalogCounts();
      const result = await sut.ok<{ createProduct: CreateProductError }>(
        CREATE_PRODUCT,
        { input: productInput({ variants: [variantInput(), variantInput({ sku: sku.toLowerCase() })] }) },
        { token: adminToken },
      );
      expect(result.createProduct).toMatchObject({ __typename: 'DuplicateSkuError', errorCode: 'DUPLICATE_SKU', sku });
      expect(await catalogCounts()).toEqual(before);
    });

    it('a barcode used by another product, even spelt as UPC-A, is a DuplicateBarcodeError and inserts nothing', async () => {
      const upc = upcA();
      await createProduct(productInput({ variants: [variantInput({ barcode: `0${upc}` })] }));
      const before = await catalogCounts();
      const result = await sut.ok<{ createProduct: CreateProductError }>(
        CREATE_PRODUCT,
        { input: productInput({ variants: [variantInput({ barcode: upc })] }) },
        { token: adminToken },
      );
      expect(result.createProduct).toMatchObject({ __typename: 'DuplicateBarcodeError', errorCode: 'DUPLICATE_BARCODE', barcode: `0${upc}` });
      expect(await catalogCounts()).toEqual(before);
    });

    it.each([
      ['SKU', 'DuplicateSkuError', (sku: string, _barcode: string) => variantInput({ sku: sku.toLowerCase() })],
      ['barcode', 'DuplicateBarcodeError', (_sku: string, barcode: string) => variantInput({ barcode })],
    ])('a concurrent writer taking the same %s between check and insert still yields %s, inserting nothing', async (_label, typename, variant) => {
      const sku = unique('race-');
      const barcode = ean13();
      // Another transaction holds an uncommitted row with the key: the app's check cannot see it,
      // so its insert waits on the unique index and fails once that transaction commits.
      const rival = sut.dataSource.createQueryRunner();
      await rival.connect();
      await rival.startTransaction();
      try {
        const [{ id }]: { id: string }[] = await rival.query("INSERT INTO product (name) VALUES ('Rival') RETURNING id", []);
        await rival.query("INSERT INTO product_variant (product_id, sku, barcode, name, price_amount, currency) VALUES ($1, $2, $3, 'Rival', 100, 'EUR')", [
          id,
          sku,
          barcode,
        ]);
        const before = await catalogCounts();
        const pending = sut.ok<{ createProduct: CreateProductError }>(CREATE_PRODUCT, { input: productInput({ variants: [variant(sku, barcode)] }) }, { token: adminToken });
        await waitForLockWait();
        await rival.commitTransaction();

        const result = await pending;
        expect(result.createProduct.__typename).toBe(typename);
        // Only the rival's rows were added; the app's product rolled back with its failed variants.
        expect(await catalogCounts()).toEqual({ products: before.products + 1, variants: before.variants + 1, listed: before.listed + 1 });
      } finally {
        if (rival.isTransactionActive) {
          await rival.rollbackTransaction();
        }
        await rival.release();
      }
    });

    it.each([
      ['a barcode with a wrong check digit', () => productInput({ variants: [variantInput({ barcode: withBadCheckDigit(ean13()) })] }), 'variants.0.barcode'],
      ['a barcode of the wrong length', () => productInput({ variants: [variantInput({ barcode: '12345' })] }), 'variants.0.barcode'],
      ['a negative price', () => productInput({ variants: [variantInput({ priceAmount: -1 })] }), 'variants.0.priceAmount'],
      ['a price above the maximum', () => productInput({ variants: [variantInput({ priceAmount: 1_000_000_001 })] }), 'variants.0.priceAmount'],
      ['an unsupported currency', () => productInput({ variants: [variantInput({ currency: 'XXX' })] }), 'variants.0.currency'],
      ['a SKU with spaces', () => productInput({ variants: [variantInput({ sku: 'bad sku' })] }), 'variants.0.sku'],
      ['a SKU longer than 64 characters', () => productInput({ variants: [variantInput({ sku: 'A'.repeat(65) })] }), 'variants.0.sku'],
      ['an oversized product name', () => productInput({ name: 'x'.repeat(10_000) }), 'name'],
      ['a blank product name', () => productInput({ name: '   ' }), 'name'],
      ['an oversized variant name', () => productInput({ variants: [variantInput({ name: 'x'.repeat(10_000) })] }), 'variants.0.name'],
      ['an oversized brand', () => productInput({ brand: 'x'.repeat(101) }), 'brand'],
      ['no variants', () => productInput({ variants: [] }), 'variants'],
      ['more than 100 variants', () => productInput({ variants: Array.from({ length: 101 }, () => variantInput()) }), 'variants'],
    ])('rejects %s with BAD_USER_INPUT naming the field, changing nothing', async (_label, input, field) => {
      const before = await catalogCounts();
      const response = await sut.graphql(CREATE_PRODUCT, { input: input() }, { token: adminToken });
      expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(fieldsOf(response)).toContain(field);
      expect(await catalogCounts()).toEqual(before);
    });
  });

  describe('who may change the catalog', () => {
    it('anonymous callers can read the catalog but not create products (UNAUTHENTICATED)', async () => {
      const product = await createProduct(productInput());
      await expect(sut.ok<{ product: Product }>(GET_PRODUCT, { id: product.id })).resolves.toMatchObject({ product: { id: product.id } });

      const before = await catalogCounts();
      const response = await sut.graphql(CREATE_PRODUCT, { input: productInput() });
      expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(await catalogCounts()).toEqual(before);
    });

    it.each([
      ['a cashier', (): { token?: string; apiKey?: string } => ({ token: cashierToken })],
      ['a storefront key', (): { token?: string; apiKey?: string } => ({ apiKey: storefrontKey })],
    ])('%s cannot create or change products (FORBIDDEN)', async (_label, auth) => {
      const product = await createProduct(productInput());
      const before = await catalogCounts();

      const created = await sut.graphql(CREATE_PRODUCT, { input: productInput() }, auth());
      expect(created.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const updated = await sut.graphql(UPDATE_PRODUCT, { id: product.id, input: { name: 'Hacked' } }, auth());
      expect(updated.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const added = await sut.graphql(ADD_VARIANT, { input: { ...variantInput(), productId: product.id } }, auth());
      expect(added.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const changed = await sut.graphql(UPDATE_VARIANT, { id: product.variants[0].id, input: { priceAmount: 1 } }, auth());
      expect(changed.errors?.[0].extensions?.code).toBe('FORBIDDEN');

      expect(await catalogCounts()).toEqual(before);
      const [row] = await sut.query<{ name: string }>('SELECT name FROM product WHERE id = $1', [product.id]);
      expect(row.name).toBe('Product');
    });
  });

  describe('ids', () => {
    const UNKNOWN = '00000000-0000-4000-8000-000000000000';

    it('answers NOT_FOUND for unknown ids', async () => {
      const read = await sut.graphql(GET_PRODUCT, { id: UNKNOWN });
      expect(read.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      const update = await sut.graphql(UPDATE_PRODUCT, { id: UNKNOWN, input: { name: 'x' } }, { token: adminToken });
      expect(update.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      const before = await catalogCounts();
      const add = await sut.graphql(ADD_VARIANT, { input: { ...variantInput(), productId: UNKNOWN } }, { token: adminToken });
      expect(add.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(await catalogCounts()).toEqual(before);
      const variant = await sut.graphql(UPDATE_VARIANT, { id: UNKNOWN, input: { priceAmount: 1 } }, { token: adminToken });
      expect(variant.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    });

    it('answers BAD_USER_INPUT for malformed ids', async () => {
      const read = await sut.graphql(GET_PRODUCT, { id: 'not-a-uuid' });
      expect(read.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      const update = await sut.graphql(UPDATE_PRODUCT, { id: 'not-a-uuid', input: { name: 'x' } }, { token: adminToken });
      expect(update.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      const add = await sut.graphql(ADD_VARIANT, { input: { ...variantInput(), productId: 'not-a-uuid' } }, { token: adminToken });
      expect(add.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(fieldsOf(add)).toContain('productId');
    });
  });

  describe('lookups', () => {
    let product: Product;
    let upc: string;

    beforeAll(async () => {
      upc = upcA();
      product = await createProduct(productInput({ variants: [variantInput(), variantInput({ barcode: upc })] }));
    });

    it('finds a variant by SKU in any case, with its price', async () => {
      const [variant] = product.variants;
      for (const sku of [variant.sku, variant.sku.toLowerCase()]) {
        const found = await sut.ok<{ variantBySku: Variant }>(BY_SKU, { sku });
        expect(found.variantBySku).toEqual({ id: variant.id, productId: product.id, sku: variant.sku, barcode: variant.barcode, price: { amount: 1999, currency: 'EUR' } });
      }
    });

    it('finds a variant by EAN-13, and a UPC-A by either spelling', async () => {
      const ean = product.variants.find((v) => v.barcode !== `0${upc}`);
      const upcVariant = product.variants.find((v) => v.barcode === `0${upc}`);
      const byEan = await sut.ok<{ variantByBarcode: Variant }>(BY_BARCODE, { barcode: ean?.barcode });
      expect(byEan.variantByBarcode.id).toBe(ean?.id);
      for (const barcode of [upc, `0${upc}`]) {
        const found = await sut.ok<{ variantByBarcode: Variant }>(BY_BARCODE, { barcode });
        expect(found.variantByBarcode).toEqual({ id: upcVariant?.id, sku: upcVariant?.sku, barcode: `0${upc}` });
      }
    });

    it('answers NOT_FOUND for an unknown SKU or barcode', async () => {
      for (const [query, variables] of [
        [BY_SKU, { sku: 'NO-SUCH-SKU' }],
        [BY_BARCODE, { barcode: ean13() }],
        [BY_BARCODE, { barcode: withBadCheckDigit(ean13()) }],
      ] as const) {
        const response = await sut.graphql(query, variables);
        expect(response.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      }
    });

    it('rejects an oversized lookup key with BAD_USER_INPUT', async () => {
      const response = await sut.graphql(BY_SKU, { sku: 'x'.repeat(10_000) });
      expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('listing', () => {
    let tag: string;
    const created: Record<string, Product> = {};

    beforeAll(async () => {
      tag = unique('lst');
      // Created one per transaction, so creation order is Charlie, Alpha, Bravo.
      for (const [key, name, brand] of [
        ['charlie', `${tag} Charlie`, 'Zeta'],
        ['alpha', `${tag} Alpha`, 'Omni'],
        ['bravo', `${tag} Bravo`, `${tag}brand`],
      ] as const) {
        created[key] = await createProduct(productInput({ name, brand, variants: [variantInput({ sku: `${tag}-${key}` })] }));
      }
    });

    async function list(variables: Record<string, unknown>, auth = {}): Promise<ProductList> {
      return (await sut.ok<{ products: ProductList }>(LIST, variables, auth)).products;
    }

    it('searches names case-insensitively, sorted by name by default', async () => {
      const page = await list({ search: tag.toLowerCase() });
      expect(page.items.map((p) => p.name)).toEqual([`${tag} Alpha`, `${tag} Bravo`, `${tag} Charlie`]);
      expect(page).toMatchObject({ totalCount: 3, hasNextPage: false });
      expect(page.items[0].variants).toEqual([{ sku: `${tag}-ALPHA` }]);
    });

    it('searches brands, SKUs and barcodes', async () => {
      expect((await list({ search: `${tag}BRAND` })).items.map((p) => p.id)).toEqual([created.bravo.id]);
      expect((await list({ search: `${tag}-charlie` })).items.map((p) => p.id)).toEqual([created.charlie.id]);
      expect((await list({ search: created.alpha.variants[0].barcode })).items.map((p) => p.id)).toEqual([created.alpha.id]);
      expect((await list({ search: `${tag}%` })).totalCount).toBe(0);
    });

    it('sorts by name or creation time, in either direction, and paginates', async () => {
      const byNameDesc = await list({ search: tag, sortBy: 'NAME', sortDirection: 'DESC', take: 2 });
      expect(byNameDesc).toEqual({
        items: [expect.objectContaining({ id: created.charlie.id }), expect.objectContaining({ id: created.bravo.id })],
        totalCount: 3,
        hasNextPage: true,
      });
      const rest = await list({ search: tag, sortBy: 'NAME', sortDirection: 'DESC', skip: 2, take: 2 });
      expect(rest).toMatchObject({ items: [{ id: created.alpha.id }], totalCount: 3, hasNextPage: false });

      const byCreation = await list({ search: tag, sortBy: 'CREATED_AT', sortDirection: 'ASC' });
      expect(byCreation.items.map((p) => p.id)).toEqual([created.charlie.id, created.alpha.id, created.bravo.id]);
      const newestFirst = await list({ search: tag, sortBy: 'CREATED_AT', sortDirection: 'DESC' });
      expect(newestFirst.items.map((p) => p.id)).toEqual([created.bravo.id, created.alpha.id, created.charlie.id]);
    });

    it('refuses a page larger than the maximum', async () => {
      const response = await sut.graphql('query { products(take: 1000) { totalCount } }');
      expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('inactive products and variants', () => {
    let tag: string;
    let hidden: Product;
    let mixed: Product;

    beforeAll(async () => {
      tag = unique('inact');
      hidden = await createProduct(productInput({ name: `${tag} Hidden`, active: false, variants: [variantInput({ sku: `${tag}-hidden` })] }));
      mixed = await createProduct(
        productInput({
          name: `${tag} Mixed`,
          variants: [variantInput({ sku: `${tag}-on` }), variantInput({ sku: `${tag}-off`, active: false })],
        }),
      );
    });

    it.each([
      ['anonymous callers', () => ({})],
      ['storefronts', () => ({ apiKey: storefrontKey })],
    ])('are hidden from %s', async (_label, auth) => {
      const page = await sut.ok<{ products: ProductList }>(LIST, { search: tag }, auth());
      expect(page.products).toEqual({ items: [{ id: mixed.id, name: `${tag} Mixed`, variants: [{ sku: `${tag}-ON` }] }], totalCount: 1, hasNextPage: false });
      expect((await sut.ok<{ products: ProductList }>(LIST, { search: `${tag}-OFF` }, auth())).products.totalCount).toBe(0);
      expect((await sut.ok<{ products: ProductList }>(LIST, { search: tag, active: false }, auth())).products.totalCount).toBe(0);

      const product = await sut.graphql(GET_PRODUCT, { id: hidden.id }, auth());
      expect(product.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      for (const sku of [`${tag}-HIDDEN`, `${tag}-OFF`]) {
        const bySku = await sut.graphql(BY_SKU, { sku }, auth());
        expect(bySku.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      }
      const byBarcode = await sut.graphql(BY_BARCODE, { barcode: hidden.variants[0].barcode }, auth());
      expect(byBarcode.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      const visible = await sut.ok<{ product: Product }>(GET_PRODUCT, { id: mixed.id }, auth());
      expect(visible.product.variants.map((v) => v.sku)).toEqual([`${tag}-ON`]);
    });

    it.each([
      ['an admin', () => adminToken],
      ['a cashier', () => cashierToken],
    ])('are visible to staff: %s', async (_label, token) => {
      const page = await sut.ok<{ products: ProductList }>(LIST, { search: tag }, { token: token() });
      expect(page.products.items.map((p) => p.id)).toEqual([hidden.id, mixed.id]);
      const inactiveOnly = await sut.ok<{ products: ProductList }>(LIST, { search: tag, active: false }, { token: token() });
      expect(inactiveOnly.products.items.map((p) => p.id)).toEqual([hidden.id]);
      const product = await sut.ok<{ product: Product }>(GET_PRODUCT, { id: mixed.id }, { token: token() });
      expect(product.product.variants.map((v) => [v.sku, v.active])).toEqual([[`${tag}-OFF`, false], [`${tag}-ON`, true]]);
      await expect(sut.ok(BY_SKU, { sku: `${tag}-HIDDEN` }, { token: token() })).resolves.toBeDefined();
    });

    it('reappear for everyone once reactivated', async () => {
      await sut.ok(UPDATE_PRODUCT, { id: hidden.id, input: { active: true } }, { token: adminToken });
      const read = await sut.ok<{ product: Product }>(GET_PRODUCT, { id: hidden.id });
      expect(read.product.active).toBe(true);
      await sut.ok(UPDATE_PRODUCT, { id: hidden.id, input: { active: false } }, { token: adminToken });
    });
  });

  describe('maintaining products and variants', () => {
    it('updates product fields, clearing nullable ones with null', async () => {
      const product = await createProduct(productInput({ name: 'Old name', brand: 'Brand', description: 'Text' }));
      const updated = await sut.ok<{ updateProduct: Product }>(UPDATE_PRODUCT, { id: product.id, input: { name: 'New name', brand: null } }, { token: adminToken });
      expect(updated.updateProduct).toMatchObject({ id: product.id, name: 'New name', brand: null, description: 'Text', active: true });
      expect(updated.updateProduct.variants).toHaveLength(1);

      const invalid = await sut.graphql(UPDATE_PRODUCT, { id: product.id, input: { name: 'x'.repeat(10_000) } }, { token: adminToken });
      expect(invalid.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(fieldsOf(invalid)).toContain('name');
    });

    it('adds a variant, refusing a SKU or barcode already used', async () => {
      const product = await createProduct(productInput());
      const [existing] = product.variants;
      const added = await sut.ok<{ addVariant: Variant & { __typename: string } }>(
        ADD_VARIANT,
        { input: { ...variantInput({ priceAmount: 500, currency: 'GBP' }), productId: product.id } },
        { token: adminToken },
      );
      expect(added.addVariant).toMatchObject({ __typename: 'ProductVariant', productId: product.id, price: { amount: 500, currency: 'GBP' } });

      const before = await catalogCounts();
      const dupSku = await sut.ok<{ addVariant: CreateProductError }>(
        ADD_VARIANT,
        { input: { ...variantInput({ sku: existing.sku.toLowerCase() }), productId: product.id } },
        { token: adminToken },
      );
      expect(dupSku.addVariant).toMatchObject({ __typename: 'DuplicateSkuError', sku: existing.sku });
      const dupBarcode = await sut.ok<{ addVariant: CreateProductError }>(
        ADD_VARIANT,
        { input: { ...variantInput({ barcode: existing.barcode }), productId: product.id } },
        { token: adminToken },
      );
      expect(dupBarcode.addVariant).toMatchObject({ __typename: 'DuplicateBarcodeError', duplicateBarcode: existing.barcode });
      expect(await catalogCounts()).toEqual(before);
    });

    it("updates a variant's price and barcode, refusing another variant's barcode", async () => {
      const product = await createProduct(productInput({ variants: [variantInput({ colour: 'red' }), variantInput({ colour: 'blue' })] }));
      const [first, second] = product.variants;
      const fresh = ean13();
      const updated = await sut.ok<{ updateVariant: Variant }>(
        UPDATE_VARIANT,
        { id: first.id, input: { priceAmount: 2500, barcode: fresh, colour: null } },
        { token: adminToken },
      );
      expect(updated.updateVariant).toMatchObject({ id: first.id, sku: first.sku, barcode: fresh, colour: null, price: { amount: 2500, currency: 'EUR' } });

      const duplicate = await sut.ok<{ updateVariant: CreateProductError }>(UPDATE_VARIANT, { id: second.id, input: { barcode: fresh } }, { token: adminToken });
      expect(duplicate.updateVariant).toMatchObject({ __typename: 'DuplicateBarcodeError', errorCode: 'DUPLICATE_BARCODE', duplicateBarcode: fresh });
      const [row] = await sut.query<{ barcode: string }>('SELECT barcode FROM product_variant WHERE id = $1', [second.id]);
      expect(row.barcode).toBe(second.barcode);

      const negative = await sut.graphql(UPDATE_VARIANT, { id: second.id, input: { priceAmount: -5 } }, { token: adminToken });
      expect(negative.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(fieldsOf(negative)).toContain('priceAmount');
    });
  });

  it('reads variants with their product in one prepared statement exactly as TypeORM\'s join does, for every variant above', async () => {
    const both = await readBothWays(sut.dataSource.manager, ProductVariantEntity, { entity: ProductEntity, on: 'b.id = a.product_id', property: 'product' });
    expect(both.typeOrm.length).toBeGreaterThan(10);
    expect(both.prepared).toEqual(both.typeOrm);
    expect(both.preparedRows.every((variant) => variant instanceof ProductVariantEntity && variant.product instanceof ProductEntity)).toBe(true);
  });
});
