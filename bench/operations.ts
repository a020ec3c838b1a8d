import { randomUUID } from 'node:crypto';
import { LoadSpec } from './load';
import { BenchFixture } from './seed';

export interface Operation {
  readonly name: string;
  readonly spec?: LoadSpec;
  /** Multi-request operations: prepared once (`prepare(total)`), then measured per iteration. */
  readonly flow?: { readonly operation: string; prepare(count: number): Promise<void>; iteration(): Promise<boolean | null> };
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)];

/** Logged-in sessions and helpers the operations share. */
export class BenchContext {
  readonly graphqlUrl: string;
  /** One terminal session per store, index-aligned with fixture.storeIds. */
  posTokens: string[] = [];
  adminToken = '';

  constructor(
    readonly baseUrl: string,
    readonly fixture: BenchFixture,
    /** Customers with purchase history (the prior orders), for the recommendation query. */
    readonly customersWithHistory: readonly string[] = [],
  ) {
    this.graphqlUrl = `${baseUrl}/graphql`;
  }

  async graphql<T>(query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}): Promise<T> {
    const response = await fetch(this.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: unknown[] };
    if (!body.data || body.errors) {
      throw new Error(`bench setup call failed: ${JSON.stringify(body.errors)}`);
    }
    return body.data;
  }

  async login(email: string, terminalKey?: string): Promise<string> {
    const field = terminalKey ? 'terminalLogin' : 'login';
    const data = await this.graphql<Record<string, { token?: string; errorCode?: string }>>(
      `mutation($input: LoginInput!) { ${field}(input: $input) { ... on StaffSession { token } ... on ErrorResult { errorCode } } }`,
      { input: { email, password: this.fixture.password } },
      terminalKey ? { 'x-terminal-key': terminalKey } : {},
    );
    const token = data[field].token;
    if (!token) {
      throw new Error(`bench login failed for ${email}: ${data[field].errorCode ?? 'unknown'}`);
    }
    return token;
  }

  async prepare(smoke: boolean): Promise<void> {
    this.adminToken = await this.login(this.fixture.adminEmail);
    const stores = smoke ? this.fixture.storeIds.length : this.fixture.storeIds.length;
    this.posTokens = [];
    for (let index = 0; index < stores; index++) {
      this.posTokens.push(await this.login(this.fixture.cashierEmails[index], this.fixture.terminalKeys[index]));
    }
  }

  /** Three distinct variants spread over the catalog (one from each third). */
  basket(): string[] {
    return this.basketIndexes().map((index) => this.fixture.variantIds[index]);
  }

  /** The SKUs of a basket. */
  basketSkus(): string[] {
    return this.basketIndexes().map((index) => this.fixture.skus[index]);
  }

  /** Indexes into the index-aligned variantIds and skus: no copying or searching, bodies are built per request. */
  private basketIndexes(): number[] {
    const count = this.fixture.variantIds.length;
    const third = Math.floor(count / 3);
    const within = (start: number, end: number) => start + Math.floor(Math.random() * (end - start));
    return [within(0, third), within(third, 2 * third), within(2 * third, count)];
  }

  /** The availability query's variables for the bare Fastify route: a basket at any store, as the API gets. */
  availabilityBody(): string {
    return JSON.stringify({ storeId: pick(this.fixture.storeIds), variantIds: this.basket() });
  }
}

const PRODUCT_BY_SKU = 'query($sku: String!) { variantBySku(sku: $sku) { id sku name price { amount currency } } }';
const AVAILABILITY = 'query($storeId: ID!, $variantIds: [ID!]) { availability(storeId: $storeId, variantIds: $variantIds) { variantId available inStock } }';
const RECOMMENDATIONS = `query($customerId: ID!, $limit: Int!) {
  recommendationsForCustomer(customerId: $customerId, limit: $limit) {
    __typename ... on Recommendations { items { productId score } } ... on ErrorResult { errorCode }
  }
}`;
const PICKUP_STORES = `query($lines: [StockLineInput!]!, $lat: Float!, $lon: Float!) {
  pickupStores(lines: $lines, latitude: $lat, longitude: $lon, limit: 5) { storeId distanceKm }
}`;

const RECORD_SALE = `mutation($input: RecordSaleInput!) {
  recordSale(input: $input) { __typename ... on Sale { order { id number } receipt { changeDue { amount } } } ... on ErrorResult { errorCode message } }
}`;
const PLACE_PICKUP = `mutation($input: PlacePickupOrderInput!) {
  placePickupOrder(input: $input) { __typename ... on Order { id number } ... on ErrorResult { errorCode message } }
}`;
const START_PICKING = 'mutation($id: ID!) { startPicking(orderId: $id) { __typename ... on ErrorResult { errorCode } } }';
const MARK_READY = 'mutation($id: ID!) { markReadyForPickup(orderId: $id) { __typename ... on PickupCredentials { qrToken } ... on ErrorResult { errorCode } } }';
const COLLECT = 'mutation($input: CollectPickupOrderInput!) { collectPickupOrder(input: $input) { __typename ... on Order { state } ... on ErrorResult { errorCode } } }';

const body = (query: string, variables: Record<string, unknown>) => JSON.stringify({ query, variables });

/** The seed prices variant `B<rn>-<size>` at 1000 + (rn % 50) * 100 minor units. */
export function seededPrice(sku: string): number {
  return 1000 + (Number(sku.slice(1, 6)) % 50) * 100;
}

export function buildOperations(context: BenchContext): Operation[] {
  const { fixture } = context;
  const url = context.graphqlUrl;
  return [
    {
      name: 'product by sku',
      spec: { operation: 'product by sku', url, body: () => body(PRODUCT_BY_SKU, { sku: pick(fixture.skus) }) },
    },
    {
      name: 'availability',
      spec: {
        operation: 'availability (3-item basket, one store)',
        url,
        body: () => body(AVAILABILITY, { storeId: pick(fixture.storeIds), variantIds: context.basket() }),
      },
    },
    {
      name: 'pickup-stores',
      spec: {
        operation: 'nearby pickup stores for a basket',
        url,
        body: () => body(PICKUP_STORES, { lines: context.basket().map((variantId) => ({ variantId, quantity: 1 })), lat: 52.52, lon: 13.4 }),
      },
    },
    {
      name: 'pos-sale',
      spec: posSaleSpec(context, 'pos sale (3 lines, cash, customer)', null),
    },
    {
      name: 'pos-sale-coupon',
      spec: posSaleSpec(context, 'pos sale redeeming a unique coupon', nextCode(fixture.couponCodes)),
    },
    {
      name: 'place-pickup',
      spec: {
        operation: 'place a pickup order (3 lines)',
        url,
        headers: { 'x-api-key': fixture.storefrontKey },
        body: (uniqueId) => body(PLACE_PICKUP, { input: pickupOrderInput(context, Math.floor(Math.random() * fixture.storeIds.length), uniqueId) }),
      },
    },
    { name: 'ready-collect', flow: readyAndCollectFlow(context) },
    {
      name: 'recommendations',
      spec: {
        operation: 'recommendations for a customer (10)',
        url,
        headersFor: () => ({ authorization: `Bearer ${context.adminToken}` }),
        body: () => body(RECOMMENDATIONS, { customerId: pick(context.customersWithHistory), limit: 10 }),
      },
    },
  ];
}

function nextCode(codes: readonly string[]): () => string {
  let next = 0;
  return () => codes[next++ % codes.length];
}

/** `coupon` null: a sale without a coupon (its bodies can be replayed with fresh sale ids). */
function posSaleSpec(context: BenchContext, operation: string, coupon: (() => string) | null): LoadSpec {
  return {
    operation,
    url: context.graphqlUrl,
    headersFor: () => ({ authorization: `Bearer ${pick(context.posTokens)}` }),
    needsLiveBodies: coupon ? 'each sale redeems the next unused single-use code' : undefined,
    body: (uniqueId) => {
      const skus = context.basketSkus();
      const gross = skus.reduce((sum, sku) => sum + seededPrice(sku), 0);
      return body(RECORD_SALE, {
        input: {
          clientSaleId: uniqueId(),
          occurredAt: new Date().toISOString(),
          lines: skus.map((sku) => ({ sku, quantity: 1 })),
          // Cash covering the undiscounted total: with a coupon the rest comes back as change.
          payments: [{ method: 'CASH', amount: gross }],
          customerIdentifier: pick(context.fixture.customerEmails),
          couponCode: coupon?.() ?? null,
        },
      });
    },
  };
}

function pickupOrderInput(context: BenchContext, storeIndex: number, uniqueId: () => string): Record<string, unknown> {
  return {
    storeId: context.fixture.storeIds[storeIndex],
    clientOrderId: uniqueId(),
    lines: context.basketSkus().map((sku) => ({ sku, quantity: 1 })),
    contact: { email: pick(context.fixture.customerEmails), name: 'Bench Shopper' },
    paymentReference: `psp_${uniqueId()}`,
  };
}

/** Orders placed and being picked beforehand; each iteration marks one ready, then collects it by QR. */
function readyAndCollectFlow(context: BenchContext): NonNullable<Operation['flow']> {
  const queue: { orderId: string; token: string }[] = [];
  return {
    operation: 'mark ready + collect (2 requests)',
    async prepare(count: number) {
      const { fixture } = context;
      let next = 0;
      const placeOne = async (i: number) => {
        const storeIndex = i % fixture.storeIds.length;
        const placed = await context.graphql<{ placePickupOrder: { id?: string; errorCode?: string } }>(
          PLACE_PICKUP, { input: pickupOrderInput(context, storeIndex, randomUUID) }, { 'x-api-key': fixture.storefrontKey },
        );
        const orderId = placed.placePickupOrder.id;
        if (!orderId) {
          throw new Error(`could not place a pickup order: ${placed.placePickupOrder.errorCode ?? 'unknown'}`);
        }
        const token = context.posTokens[storeIndex];
        await context.graphql(START_PICKING, { id: orderId }, { authorization: `Bearer ${token}` });
        queue.push({ orderId, token });
      };
      // Prepared by 16 parallel workers: setup time is not what we measure.
      await Promise.all(Array.from({ length: 16 }, async () => {
        while (next < count) {
          await placeOne(next++);
        }
      }));
    },
    async iteration() {
      const next = queue.pop();
      if (!next) {
        return null;
      }
      const headers = { authorization: `Bearer ${next.token}` };
      const ready = await context.graphql<{ markReadyForPickup: { qrToken?: string } }>(MARK_READY, { id: next.orderId }, headers);
      const qrToken = ready.markReadyForPickup.qrToken;
      if (!qrToken) {
        return false;
      }
      const collected = await context.graphql<{ collectPickupOrder: { state?: string } }>(COLLECT, { input: { qrToken } }, headers);
      return collected.collectPickupOrder.state === 'PICKED_UP';
    },
  };
}

