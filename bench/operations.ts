import { LoadSpec } from './load';
import { BenchFixture } from './seed';

export interface Operation {
  readonly name: string;
  readonly spec: LoadSpec;
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

  /** Three distinct variants spread over the catalog. */
  basket(): string[] {
    const ids = this.fixture.variantIds;
    const third = Math.floor(ids.length / 3);
    return [pick(ids.slice(0, third)), pick(ids.slice(third, 2 * third)), pick(ids.slice(2 * third))];
  }

  availabilityBody(): string {
    return JSON.stringify({ storeId: this.fixture.storeIds[0], variantIds: this.basket() });
  }
}

const PRODUCT_BY_SKU = 'query($sku: String!) { variantBySku(sku: $sku) { id sku name price { amount currency } } }';
const AVAILABILITY = 'query($storeId: ID!, $variantIds: [ID!]) { availability(storeId: $storeId, variantIds: $variantIds) { variantId available inStock } }';
const PICKUP_STORES = `query($lines: [StockLineInput!]!, $lat: Float!, $lon: Float!) {
  pickupStores(lines: $lines, latitude: $lat, longitude: $lon, limit: 5) { storeId distanceKm }
}`;

const body = (query: string, variables: Record<string, unknown>) => JSON.stringify({ query, variables });

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
  ];
}

