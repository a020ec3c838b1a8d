import { randomUUID } from 'node:crypto';
import {
  createCampaign, createSellableVariants, createStorefrontKey, createStoreWithStaff, GraphQLResponse, ORDER_DOCUMENTS, pickupOrderInput, posSale,
  RETURNS_DOCUMENTS, returnInput, SellableVariant, stockInvariantViolations, stockOf, stockUp, StoreWithStaff, TestApp, tillLogin,
} from '@omnitill/testing';

const SALE = `mutation($input: RecordSaleInput!) {
  recordSale(input: $input) { __typename ... on Sale { replayed order { id } } ... on ErrorResult { errorCode message } }
}`;

function typenames(responses: readonly GraphQLResponse[], field: string): Record<string, number> {
  const tally: Record<string, number> = {};
  for (const response of responses) {
    const key = (response.data?.[field] as { __typename?: string } | undefined)?.__typename ?? `error:${response.errors?.[0]?.extensions?.code ?? response.status}`;
    tally[key] = (tally[key] ?? 0) + 1;
  }
  return tally;
}

/** Two API instances (replicas) on one database: every rule of DOMAIN.md holds across them. */
describe('two API instances on one database', () => {
  const env = { EVENT_RELAY_ENABLED: 'false', ORDER_EXPIRY_INTERVAL_MS: '0', RESERVATION_SWEEP_INTERVAL_MS: '0', DATABASE_POOL_SIZE: '8' };
  let first: TestApp;
  let second: TestApp;
  let instances: TestApp[];
  let admin: string;
  let apiKey: string;
  let store: StoreWithStaff;
  let otherStore: StoreWithStaff;
  let shoe: SellableVariant;
  let cap: SellableVariant;

  beforeAll(async () => {
    // Sessions are signed tokens: replicas share the secret, as in production.
    const shared = { ...env, AUTH_TOKEN_SECRET: randomUUID() + randomUUID() };
    first = await TestApp.start({ env: shared });
    second = await TestApp.attach(first.databaseUrl, { env: shared });
    instances = [first, second];
    admin = await first.bootstrapAdmin();
    apiKey = await createStorefrontKey(first, admin);
    store = await createStoreWithStaff(first, admin);
    otherStore = await createStoreWithStaff(first, admin);
    [shoe, cap] = await createSellableVariants(first, admin, [5999, 1000]);
    await stockUp(first, admin, store.id, [cap], 100);
  });

  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  it('40 pickup orders racing for the last 5 units across both instances: exactly 5 reserved, no oversell', async () => {
    await stockUp(first, admin, store.id, [shoe], 5);
    const placements = await Promise.all(Array.from({ length: 40 }, (_, index) =>
      instances[index % 2].graphql(ORDER_DOCUMENTS.placePickupOrder, { input: pickupOrderInput(store.id, [{ sku: shoe.sku, quantity: 1 }]) }, { apiKey })));

    expect(typenames(placements, 'placePickupOrder')).toEqual({ Order: 5, InsufficientStockError: 35 });
    expect(await stockOf(first, store.id, shoe.id)).toEqual({ on_hand: 5, reserved: 5 });
    // Either instance's storefront sees nothing left.
    const availability = await second.ok<{ availability: { available: number }[] }>(
      'query($storeId: ID!, $ids: [ID!]) { availability(storeId: $storeId, variantIds: $ids) { available } }', { storeId: store.id, ids: [shoe.id] },
    );
    expect(availability.availability[0].available).toBe(0);
  });

  it('one single-use coupon code scanned at two tills on both instances 30 times: redeemed once', async () => {
    const campaign = await createCampaign(first, admin, { percent: 10 });
    await first.ok('mutation($campaignId: ID!, $count: Int!) { generateCouponCodes(campaignId: $campaignId, count: $count) }', { campaignId: campaign.id, count: 1 }, { token: admin });
    const [{ code }] = await first.query<{ code: string }>('SELECT code FROM coupon_code WHERE campaign_id = $1', [campaign.id]);
    const tokens = [await tillLogin(first, store), await tillLogin(second, otherStore)];
    const sales = await Promise.all(Array.from({ length: 30 }, (_, index) =>
      instances[index % 2].graphql(SALE, {
        input: { clientSaleId: randomUUID(), occurredAt: new Date().toISOString(), lines: [{ sku: cap.sku, quantity: 1 }], payments: [{ method: 'CASH', amount: 1000 }], couponCode: code },
      }, { token: tokens[index % 2] })));

    expect(typenames(sales, 'recordSale')).toEqual({ Sale: 1, CouponExhaustedError: 29 });
    expect(await first.count('coupon_redemption', "campaign_id = $1 AND state = 'ACTIVE'", [campaign.id])).toBe(1);
    const [row] = await first.query<{ use_count: number }>('SELECT use_count FROM coupon_code WHERE code = $1', [code]);
    expect(row.use_count).toBe(1);
    expect(await first.count('"order"', 'coupon_code = $1', [code])).toBe(1);
  });

  it('the same POS sale sent 20 times to both instances at once is recorded once', async () => {
    const cashierTokens = [await tillLogin(first, store), await tillLogin(second, store)];
    const input = { clientSaleId: randomUUID(), occurredAt: new Date().toISOString(), lines: [{ sku: cap.sku, quantity: 2 }], payments: [{ method: 'CARD', amount: 2000 }] };
    const capBefore = await stockOf(first, store.id, cap.id);
    const responses = await Promise.all(Array.from({ length: 20 }, (_, index) =>
      instances[index % 2].graphql<{ recordSale: { __typename: string; replayed: boolean; order: { id: string } } }>(SALE, { input }, { token: cashierTokens[index % 2] })));

    expect(typenames(responses, 'recordSale')).toEqual({ Sale: 20 });
    const ids = new Set(responses.map((response) => response.data?.recordSale.order.id));
    expect(ids.size).toBe(1);
    expect(responses.filter((response) => response.data?.recordSale.replayed === false)).toHaveLength(1);
    expect(await first.count('"order"', 'terminal_id = $1 AND client_sale_id = $2', [store.terminal.id, input.clientSaleId])).toBe(1);
    expect(await stockOf(first, store.id, cap.id)).toEqual({ on_hand: capBefore.on_hand - 2, reserved: capBefore.reserved });
  });

  it('the last returnable unit returned at two stores on both instances at once: returned and refunded once', async () => {
    const sale = await posSale(first, store, [{ sku: cap.sku, quantity: 1 }], [{ method: 'CARD', amount: 1000, externalReference: 'auth-replicas' }]);
    const tokens = [await tillLogin(first, store), await tillLogin(second, otherStore)];
    const line = sale.order.lines[0];
    const returns = await Promise.all(Array.from({ length: 20 }, (_, index) =>
      instances[index % 2].graphql(RETURNS_DOCUMENTS.returnItems, { input: returnInput(sale.order, [{ orderLineId: line.id, quantity: 1 }]) }, { token: tokens[index % 2] })));

    expect(typenames(returns, 'returnItems')).toEqual({ Return: 1, OverReturnError: 19 });
    const [row] = await first.query<{ returned_quantity: number }>('SELECT returned_quantity FROM order_line WHERE id = $1', [line.id]);
    expect(row.returned_quantity).toBe(1);
    const [refunded] = await first.query<{ amount: string }>(
      'SELECT sum(f.amount) AS amount FROM refund f JOIN return_request r ON r.id = f.return_id WHERE r.order_id = $1', [sale.order.id],
    );
    expect(Number(refunded.amount)).toBe(1000);
  });

  it('leaves the ledger and the reservations consistent after the load on both instances', async () => {
    expect(await stockInvariantViolations(second, admin)).toEqual({ ledger: [], reserved: [] });
  });
});
