import { randomUUID } from 'node:crypto';
import { FakeClock } from '@omnitill/common';
import { CoPurchaseCatchUp, CoPurchaseRebuildService, CoPurchaseSubscriber } from '@omnitill/recommendation';
import {
  createSellableVariant, createSellableVariants, createStaff, createStorefrontKey, createStoreWithStaff, posSale, returnInput, returnItems,
  ORDER_DOCUMENTS, OrderData, saleInput, SaleData, SellableVariant, shippedOrder, signUpCustomer, SignedUpCustomer, stockUp, StoreWithStaff, TestApp, tillLogin, waitFor,
} from '@omnitill/testing';

const ITEM_FIELDS = `productId name variantId sku price { amount currency } reason score unitsSold availableAtUsualStore
  because { productId productName orderId orderNumber purchasedAt }`;
const RECOMMENDATIONS_FIELDS = `customerId usualStoreId coldStart items { ${ITEM_FIELDS} }`;
const FOR_CUSTOMER = `query($customerId: ID!, $limit: Int, $storeId: ID) {
  recommendationsForCustomer(customerId: $customerId, limit: $limit, storeId: $storeId) {
    __typename
    ... on Recommendations { ${RECOMMENDATIONS_FIELDS} }
    ... on RecommendationsNotPermittedError { errorCode message customerId reason }
  }
}`;
const MINE = `query($limit: Int) { myRecommendations(limit: $limit) { ${RECOMMENDATIONS_FIELDS} } }`;

interface ItemData {
  productId: string;
  name: string;
  sku: string;
  price: { amount: number; currency: string };
  reason: 'BOUGHT_TOGETHER' | 'BEST_SELLER';
  score: number;
  unitsSold: number | null;
  availableAtUsualStore: boolean;
  because: { productId: string; productName: string; orderId: string; orderNumber: string; purchasedAt: string } | null;
}
interface RecommendationsData {
  __typename: string;
  customerId: string;
  usualStoreId: string | null;
  coldStart: boolean;
  items: ItemData[];
  errorCode?: string;
  reason?: string;
}

/** Every row of the co-purchase tables that a rebuild recomputes from history. */
const countsSnapshot = async (app: TestApp) => ({
  baskets: await app.query('SELECT basket_id, product_id, units FROM recommendation_basket_item ORDER BY 1, 2'),
  buyers: await app.query('SELECT product_id, baskets FROM recommendation_product_buyers WHERE baskets > 0 ORDER BY 1'),
  pairs: await app.query('SELECT product_id, other_product_id, baskets FROM recommendation_co_purchase WHERE baskets > 0 ORDER BY 1, 2'),
  daily: await app.query('SELECT store_id, day, product_id, units FROM recommendation_store_daily_sales WHERE units <> 0 ORDER BY 1, 2, 3'),
  markers: await app.query('SELECT source_type, source_id FROM recommendation_applied ORDER BY 1, 2'),
});

describe('Recommendations: customers who bought X also bought Y (journeys)', () => {
  let sut: TestApp;
  let admin: string;
  let support: string;
  let apiKey: string;
  let storeA: StoreWithStaff;
  let storeB: StoreWithStaff;
  let shoe42: SellableVariant;
  let shoe43: SellableVariant;
  let socks: { variantId: string; sku: string };
  let cap: { variantId: string; sku: string };
  let jacket: { variantId: string; sku: string };
  const productOf: Record<string, string> = {};
  let shopper: SignedUpCustomer;
  let shopperSale: SaleData;
  const guestSales: SaleData[] = [];

  const applied = (sourceId: string) =>
    waitFor(async () => (await sut.count('recommendation_applied', 'source_id = $1', [sourceId])) > 0, 10_000, `recommendation counts for ${sourceId}`);
  const sale = async (store: StoreWithStaff, lines: { sku: string; quantity: number }[], amount: number, customer?: SignedUpCustomer) => {
    const recorded = await posSale(sut, store, lines, [{ method: 'CASH', amount }], customer ? { customerIdentifier: customer.email } : {});
    await applied(recorded.order.id);
    return recorded;
  };
  const forCustomer = async (customerId: string, variables: Record<string, unknown> = {}, token = support) =>
    (await sut.ok<{ recommendationsForCustomer: RecommendationsData }>(FOR_CUSTOMER, { customerId, ...variables }, { token })).recommendationsForCustomer;
  const mine = async (token: string) => (await sut.ok<{ myRecommendations: RecommendationsData }>(MINE, {}, { token })).myRecommendations;
  const summary = (items: ItemData[]) => items.map((item) => [item.productId, item.reason, item.because?.productId ?? null, item.unitsSold]);

  beforeAll(async () => {
    const saved = { ...process.env };
    process.env.RECOMMENDATION_CATCH_UP_INTERVAL_MS = '0';
    // Every request sums the best sellers afresh (their cache has its own journey below).
    process.env.RECOMMENDATION_BEST_SELLERS_CACHE_SECONDS = '0';
    process.env.ORDER_EXPIRY_INTERVAL_MS = '0';
    process.env.RESERVATION_SWEEP_INTERVAL_MS = '0';
    sut = await TestApp.start();
    process.env = saved;
    admin = await sut.bootstrapAdmin();
    const agent = await createStaff(sut, admin, 'SUPPORT_AGENT', []);
    support = await sut.login(agent.email, agent.password);
    apiKey = await createStorefrontKey(sut, admin);
    storeA = await createStoreWithStaff(sut, admin);
    storeB = await createStoreWithStaff(sut, admin);
    [shoe42, shoe43] = await createSellableVariants(sut, admin, [5999, 5999]);
    socks = await createSellableVariant(sut, admin, 1500);
    cap = await createSellableVariant(sut, admin, 1000);
    jacket = await createSellableVariant(sut, admin, 8000);
    const variants = [shoe42, shoe43, { id: socks.variantId }, { id: cap.variantId }, { id: jacket.variantId }];
    await stockUp(sut, admin, storeA.id, variants, 50);
    await stockUp(sut, admin, storeB.id, variants, 50);
    const rows = await sut.query<{ id: string; product_id: string }>('SELECT id, product_id FROM product_variant');
    rows.forEach((row) => { productOf[row.id] = row.product_id; });

    // Other shoppers at store A: three took socks with their shoes, one a cap; the jacket sells on its own.
    for (let i = 0; i < 3; i++) {
      guestSales.push(await sale(storeA, [{ sku: shoe42.sku, quantity: 1 }, { sku: socks.sku, quantity: 1 }], 7499));
    }
    guestSales.push(await sale(storeA, [{ sku: shoe43.sku, quantity: 1 }, { sku: cap.sku, quantity: 1 }], 6999));
    for (let i = 0; i < 5; i++) {
      await sale(storeA, [{ sku: jacket.sku, quantity: 1 }], 8000);
    }
    shopper = await signUpCustomer(sut, apiKey, { marketingEmailConsent: true });
    shopperSale = await sale(storeB, [{ sku: shoe42.sku, quantity: 1 }], 5999, shopper);
  }, 60_000);

  afterAll(async () => {
    await sut.close();
  });

  it('a shopper who bought running shoes in store B is recommended the socks other shoe buyers took, not the shoes they own', async () => {
    const shoes = productOf[shoe42.id];
    const result = await forCustomer(shopper.id);
    expect(result).toMatchObject({ __typename: 'Recommendations', customerId: shopper.id, usualStoreId: storeB.id, coldStart: false });
    // Shoes: 5 baskets; socks: 3 (all with shoes); cap: 1 (with shoes). Cosine: co / sqrt(n(shoes) n(other)).
    expect(summary(result.items)).toEqual([
      [productOf[socks.variantId], 'BOUGHT_TOGETHER', shoes, null],
      [productOf[cap.variantId], 'BOUGHT_TOGETHER', shoes, null],
    ]);
    expect(result.items[0].score).toBeCloseTo(3 / Math.sqrt(15), 9);
    expect(result.items[1].score).toBeCloseTo(1 / Math.sqrt(5), 9);
    expect(result.items[0]).toMatchObject({
      sku: socks.sku, price: { amount: 1500, currency: 'EUR' }, availableAtUsualStore: true,
      because: { productId: shoes, productName: 'Runner', orderId: shopperSale.order.id, orderNumber: shopperSale.order.number },
    });
    expect(result.items.map((item) => item.productId)).not.toContain(shoes);
    // The limit keeps the best: candidates are checked for stock best first and stop at the limit.
    expect(summary((await forCustomer(shopper.id, { limit: 1 })).items)).toEqual([[productOf[socks.variantId], 'BOUGHT_TOGETHER', shoes, null]]);

    // The storefront shows the signed-in shopper the same list, without needing marketing consent.
    const own = await mine(shopper.token);
    expect(own).toMatchObject({ customerId: shopper.id, usualStoreId: storeB.id, coldStart: false });
    expect(summary(own.items)).toEqual(summary(result.items));

    // The follow-up email gets its event, with the consent flags, through the outbox.
    const [event] = await sut.query<{ store_id: string; customer_id: string; consent: unknown; payload: Record<string, unknown> }>(
      "SELECT store_id, customer_id, consent, payload FROM domain_event WHERE type = 'customer.recommendations_ready' AND payload->>'orderId' = $1",
      [shopperSale.order.id],
    );
    expect(event).toEqual({
      store_id: storeB.id, customer_id: shopper.id, consent: { emailMarketing: true, smsMarketing: false },
      payload: { customerId: shopper.id, orderId: shopperSale.order.id, orderNumber: shopperSale.order.number, storeId: storeB.id, purchasedProductIds: [shoes] },
    });
    // Sales without a customer announce nothing.
    expect(await sut.count('domain_event', "type = 'customer.recommendations_ready'")).toBe(1);
  });

  it('a returned item stops counting', async () => {
    const cashier = await tillLogin(sut, storeA);
    const capSale = guestSales[3];
    const capLine = capSale.order.lines.find((line) => line.sku === cap.sku);
    const capReturn = await returnItems(sut, cashier, returnInput(capSale.order, [{ orderLineId: capLine?.id ?? '', quantity: 1 }]));
    const socksSale = guestSales[0];
    const socksLine = socksSale.order.lines.find((line) => line.sku === socks.sku);
    const socksReturn = await returnItems(sut, cashier, returnInput(socksSale.order, [{ orderLineId: socksLine?.id ?? '', quantity: 1 }]));
    await applied(capReturn.id);
    await applied(socksReturn.id);

    const result = await forCustomer(shopper.id);
    expect(summary(result.items)).toEqual([[productOf[socks.variantId], 'BOUGHT_TOGETHER', productOf[shoe42.id], null]]);
    // Socks now in 2 baskets, both with shoes (still 5 baskets).
    expect(result.items[0].score).toBeCloseTo(2 / Math.sqrt(10), 9);
    const [counts] = await sut.query<{ socks: number; cap: number | null }>(
      `SELECT (SELECT baskets FROM recommendation_product_buyers WHERE product_id = $1) AS socks,
              (SELECT baskets FROM recommendation_product_buyers WHERE product_id = $2) AS cap`,
      [productOf[socks.variantId], productOf[cap.variantId]],
    );
    expect(counts).toEqual({ socks: 2, cap: 0 });
  });

  it('without email marketing consent the integration query says so; the customer still sees their own', async () => {
    const quiet = await signUpCustomer(sut, apiKey, { marketingEmailConsent: false });
    const bought = await sale(storeA, [{ sku: shoe43.sku, quantity: 1 }], 5999, quiet);

    expect(await forCustomer(quiet.id)).toEqual({
      __typename: 'RecommendationsNotPermittedError', errorCode: 'NO_MARKETING_CONSENT', message: 'The customer has not given email marketing consent',
      customerId: quiet.id, reason: 'NO_MARKETING_CONSENT',
    });
    const own = await mine(quiet.token);
    expect(own.items[0]).toMatchObject({ productId: productOf[socks.variantId], reason: 'BOUGHT_TOGETHER', because: { orderId: bought.order.id } });
    const [event] = await sut.query<{ consent: unknown }>(
      "SELECT consent FROM domain_event WHERE type = 'customer.recommendations_ready' AND customer_id = $1", [quiet.id],
    );
    expect(event.consent).toEqual({ emailMarketing: false, smsMarketing: false });
  });

  it('an erased customer never gets any', async () => {
    const leaving = await signUpCustomer(sut, apiKey, { marketingEmailConsent: true });
    await sale(storeA, [{ sku: shoe42.sku, quantity: 1 }], 5999, leaving);
    expect((await forCustomer(leaving.id)).__typename).toBe('Recommendations');

    await sut.ok('mutation($id: ID!) { eraseCustomer(customerId: $id) { id } }', { id: leaving.id }, { token: support });

    expect(await forCustomer(leaving.id)).toMatchObject({ __typename: 'RecommendationsNotPermittedError', reason: 'CUSTOMER_ERASED', customerId: leaving.id });
    const own = await sut.graphql(MINE, {}, { token: leaving.token });
    expect(own.data).toBeNull();
    expect(own.errors?.[0].extensions?.code).toMatch(/NOT_FOUND|UNAUTHENTICATED/);
  });

  it("cold start: a customer without history gets the usual store's best sellers of the last 30 days", async () => {
    const newcomer = await signUpCustomer(sut, apiKey, { marketingEmailConsent: true });
    const result = await forCustomer(newcomer.id, { storeId: storeA.id });
    expect(result).toMatchObject({ __typename: 'Recommendations', usualStoreId: storeA.id, coldStart: true });
    // Store A net units: jacket 5, shoes 3 + 1 + 1 (quiet) + 1 (erased) = 6, socks 3 - 1 returned; the cap came back.
    expect(summary(result.items)).toEqual([
      [productOf[shoe42.id], 'BEST_SELLER', null, 6],
      [productOf[jacket.variantId], 'BEST_SELLER', null, 5],
      [productOf[socks.variantId], 'BEST_SELLER', null, 2],
    ]);
    expect(result.items.every((item) => item.because === null && item.score === 0)).toBe(true);

    const limited = await forCustomer(newcomer.id, { storeId: storeA.id, limit: 1 });
    expect(limited.items.map((item) => item.productId)).toEqual([productOf[shoe42.id]]);

    const own = await mine(newcomer.token);
    expect(own).toMatchObject({ coldStart: true, usualStoreId: null });
    expect(own.items.map((item) => item.productId).sort()).toEqual([productOf[shoe42.id], productOf[jacket.variantId], productOf[socks.variantId]].sort());
  });

  it("customer A cannot read customer B's recommendations", async () => {
    const other = await signUpCustomer(sut, apiKey, { marketingEmailConsent: true });
    for (const auth of [{ token: other.token }, { apiKey }, {}, { token: await tillLogin(sut, storeA) }]) {
      const attempt = await sut.graphql(FOR_CUSTOMER, { customerId: shopper.id }, auth);
      expect(attempt.data).toBeNull();
      expect(attempt.errors?.[0].extensions?.code).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
    }
    const own = await mine(other.token);
    expect(own.customerId).toBe(other.id);
    expect(own.items.some((item) => item.because?.orderId === shopperSale.order.id)).toBe(false);
    expect((await sut.graphql(MINE, {}, { apiKey })).errors?.[0].extensions?.code).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
    expect((await sut.graphql(FOR_CUSTOMER, { customerId: shopper.id, limit: 51 }, { token: support })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('a voided sale stops counting; a change the live updates missed is applied by the catch-up', async () => {
    const pair = (a: string, b: string) =>
      sut.query<{ baskets: number }>('SELECT baskets FROM recommendation_co_purchase WHERE product_id = $1 AND other_product_id = $2', [productOf[a], productOf[b]]);
    const voided = await sale(storeB, [{ sku: cap.sku, quantity: 1 }, { sku: jacket.sku, quantity: 1 }], 9000);
    expect(await pair(cap.variantId, jacket.variantId)).toEqual([{ baskets: 1 }]);
    const manager = await tillLogin(sut, storeB, 'manager');
    const result = await sut.ok<{ voidSale: OrderData }>(ORDER_DOCUMENTS.voidSale, { input: { orderId: voided.order.id, reason: 'wrong basket' } }, { token: manager });
    expect(result.voidSale.state).toBe('VOIDED');
    await waitFor(async () => (await sut.count('recommendation_applied', "source_type = 'VOID' AND source_id = $1", [voided.order.id])) === 1, 10_000, 'the void');
    expect(await pair(cap.variantId, jacket.variantId)).toEqual([{ baskets: 0 }]);

    // A replica whose live updates were down when the order shipped: its order.shipped event is missed.
    const live = sut.app.get(CoPurchaseSubscriber);
    await live.onModuleDestroy();
    const catchUp = sut.app.get(CoPurchaseCatchUp);
    let shipped: OrderData;
    try {
      shipped = await shippedOrder(sut, { apiKey }, storeA, [{ sku: socks.sku, quantity: 1 }, { sku: cap.sku, quantity: 1 }]);
      expect(await sut.count('recommendation_applied', 'source_id = $1', [shipped.id])).toBe(0);
      expect(await catchUp.runOnce()).toBe(1);
    } finally {
      // Back on only now: an event still on its way is then counted by nobody twice (the marker exists).
      live.onModuleInit();
    }
    expect(await sut.count('recommendation_applied', "source_type = 'ORDER' AND source_id = $1", [shipped.id])).toBe(1);
    expect(await pair(socks.variantId, cap.variantId)).toEqual([{ baskets: 1 }]);
    // Nothing left to catch up: running it again (as every replica does) changes nothing.
    expect(await catchUp.runOnce()).toBe(0);
    expect(await pair(socks.variantId, cap.variantId)).toEqual([{ baskets: 1 }]);
  });

  it('the rebuild command recomputes exactly what the incremental updates maintained', async () => {
    const incremental = await countsSnapshot(sut);
    expect(incremental.pairs.length).toBeGreaterThan(0);

    const rebuilt = await sut.app.get(CoPurchaseRebuildService).rebuild();

    expect(await countsSnapshot(sut)).toEqual(incremental);
    expect(rebuilt.pairs).toBe(incremental.pairs.length);
    // Every stored score is the cosine of the rebuilt counts.
    expect(await storedScoresOffCosine()).toBe(0);
  });

  it("a pair's stored score, which only orders candidates, follows the counts: the catch-up rescores products whose buyers drifted", async () => {
    const shoes = productOf[shoe42.id];
    const sockProduct = productOf[socks.variantId];
    const stored = async () =>
      (await sut.query<{ score: number }>('SELECT score FROM recommendation_co_purchase WHERE product_id = $1 AND other_product_id = $2', [shoes, sockProduct]))[0].score;
    const exact = async () => {
      const [row] = await sut.query<{ co: number; shoes: number; socks: number }>(
        `SELECT (SELECT baskets FROM recommendation_co_purchase WHERE product_id = $1 AND other_product_id = $2) AS co,
                (SELECT baskets FROM recommendation_product_buyers WHERE product_id = $1) AS shoes,
                (SELECT baskets FROM recommendation_product_buyers WHERE product_id = $2) AS socks`,
        [shoes, sockProduct],
      );
      return row.co / Math.sqrt(row.shoes * row.socks);
    };
    // Socks sold on their own: n(socks) grows, the (shoes, socks) pair is not written.
    await sale(storeA, [{ sku: socks.sku, quantity: 1 }], 1500);
    await sale(storeA, [{ sku: socks.sku, quantity: 1 }], 1500);
    expect(await stored()).toBeGreaterThan((await exact()) + 0.01);

    // The answer always shows the exact score from the current counts.
    const before = await forCustomer(shopper.id);
    expect(before.items[0]).toMatchObject({ productId: sockProduct, reason: 'BOUGHT_TOGETHER' });
    expect(before.items[0].score).toBeCloseTo(await exact(), 12);

    expect(await sut.app.get(CoPurchaseCatchUp).runOnce()).toBe(0);
    expect(await stored()).toBeCloseTo(await exact(), 12);
    expect(await storedScoresOffCosine()).toBe(0);
  });

  it('what is offered follows stock: the usual store first, else a store that holds stock, else nothing', async () => {
    const sockProduct = productOf[socks.variantId];
    const unavailableAt = (storeId: string) =>
      sut.ok(
        'mutation($input: UpdateStockSettingsInput!) { updateStockSettings(input: $input) { __typename } }',
        { input: { storeId, variantId: socks.variantId, safetyStock: 1000 } },
        { token: admin },
      );
    const socksItem = async () => (await forCustomer(shopper.id)).items.find((item) => item.productId === sockProduct);
    expect(await socksItem()).toMatchObject({ sku: socks.sku, availableAtUsualStore: true });

    await unavailableAt(storeB.id);
    expect(await socksItem()).toMatchObject({ sku: socks.sku, reason: 'BOUGHT_TOGETHER', availableAtUsualStore: false });

    await unavailableAt(storeA.id);
    expect(await socksItem()).toBeUndefined();
  });

  /** Pairs whose stored score differs from the cosine of the current counts. */
  async function storedScoresOffCosine(): Promise<number> {
    return sut.count(
      `recommendation_co_purchase p
       JOIN recommendation_product_buyers a ON a.product_id = p.product_id
       JOIN recommendation_product_buyers b ON b.product_id = p.other_product_id`,
      `abs(p.score - CASE WHEN p.baskets > 0 AND a.baskets > 0 AND b.baskets > 0 THEN p.baskets / sqrt(a.baskets::float8 * b.baskets) ELSE 0 END) > 1e-12`,
    );
  }
});

describe('Recommendations: best sellers are summed at most once per RECOMMENDATION_BEST_SELLERS_CACHE_SECONDS', () => {
  const clock = new FakeClock();
  let sut: TestApp;

  beforeAll(async () => {
    const saved = { ...process.env };
    process.env.RECOMMENDATION_CATCH_UP_INTERVAL_MS = '0';
    process.env.RECOMMENDATION_BEST_SELLERS_CACHE_SECONDS = '60';
    sut = await TestApp.start({ clock });
    process.env = saved;
  }, 60_000);

  afterAll(async () => {
    await sut.close();
  });

  it('a new best seller shows in cold start once the ranking is a minute old', async () => {
    const admin = await sut.bootstrapAdmin();
    const apiKey = await createStorefrontKey(sut, admin);
    const store = await createStoreWithStaff(sut, admin);
    const cap = await createSellableVariant(sut, admin, 1000);
    const jacket = await createSellableVariant(sut, admin, 8000);
    await stockUp(sut, admin, store.id, [{ id: cap.variantId }, { id: jacket.variantId }], 50);
    const applied = (sourceId: string) =>
      waitFor(async () => (await sut.count('recommendation_applied', 'source_id = $1', [sourceId])) > 0, 10_000, `recommendation counts for ${sourceId}`);
    const sell = async (sku: string, quantity: number, amount: number) => applied((await posSale(sut, store, [{ sku, quantity }], [{ method: 'CASH', amount }])).order.id);
    const newcomer = await signUpCustomer(sut, apiKey, { marketingEmailConsent: true });
    const bestSellers = async () => {
      const { recommendationsForCustomer: result } = await sut.ok<{ recommendationsForCustomer: RecommendationsData }>(
        FOR_CUSTOMER, { customerId: newcomer.id, storeId: store.id }, { token: admin },
      );
      return result.items.map((item) => [item.sku, item.unitsSold]);
    };

    await sell(cap.sku, 2, 2000);
    expect(await bestSellers()).toEqual([[cap.sku, 2]]);

    await sell(jacket.sku, 3, 24000);
    clock.advance(59_000);
    expect(await bestSellers()).toEqual([[cap.sku, 2]]);

    clock.advance(1_000);
    expect(await bestSellers()).toEqual([[jacket.sku, 3], [cap.sku, 2]]);
  });
});

describe('Recommendations: the counts under concurrent sales on two replicas', () => {
  const env = { RECOMMENDATION_CATCH_UP_INTERVAL_MS: '0', ORDER_EXPIRY_INTERVAL_MS: '0', RESERVATION_SWEEP_INTERVAL_MS: '0', DATABASE_POOL_SIZE: '16' };
  let sut: TestApp;
  let replica: TestApp;

  beforeAll(async () => {
    // Sessions are signed tokens: replicas share the secret, as in production.
    const shared = { ...env, AUTH_TOKEN_SECRET: randomUUID() + randomUUID() };
    sut = await TestApp.start({ env: shared });
    replica = await TestApp.attach(sut.databaseUrl, { env: shared });
  }, 60_000);

  afterAll(async () => {
    await replica?.close();
    await sut?.close();
  });

  it('24 sales at once, each replica applying its own batches and racing catch-ups: every sale counts and is announced once, as a rebuild computes', async () => {
    const admin = await sut.bootstrapAdmin();
    const apiKey = await createStorefrontKey(sut, admin);
    const stores = [await createStoreWithStaff(sut, admin), await createStoreWithStaff(sut, admin)];
    // Four products (one variant each).
    const [shoes, socks, cap, jacket] = (await Promise.all([5999, 1500, 1000, 8000].map((price) => createSellableVariant(sut, admin, price))))
      .map((variant) => ({ id: variant.variantId, sku: variant.sku }));
    for (const store of stores) {
      await stockUp(sut, admin, store.id, [shoes, socks, cap, jacket], 50);
    }
    const baskets = [
      { items: [shoes, socks], amount: 7499 },
      { items: [shoes, cap], amount: 6999 },
      { items: [socks, cap, jacket], amount: 10500 },
      { items: [shoes, jacket], amount: 13999 },
    ];
    const customers = await Promise.all(Array.from({ length: 6 }, () => signUpCustomer(sut, apiKey, { marketingEmailConsent: true })));
    const catchUps = [sut, replica].map((app) => app.app.get(CoPurchaseCatchUp));

    // Half the sales through each replica; customer c buys basket c % 4 and basket (c + 2) % 4
    // twice each, so sales of one customer meet in one batch. Both replicas' catch-ups run meanwhile.
    let selling = true;
    const racingCatchUps = (async () => {
      while (selling) {
        await Promise.all(catchUps.map((catchUp) => catchUp.runOnce()));
      }
    })();
    const tills = [await tillLogin(sut, stores[0]), await tillLogin(replica, stores[1])];
    const recorded = await Promise.all(Array.from({ length: 24 }, async (_, i) => {
      const basket = baskets[i % 4];
      const lines = basket.items.map((variant) => ({ sku: variant.sku, quantity: 1 }));
      const input = saleInput(lines, [{ method: 'CASH', amount: basket.amount }], { customerIdentifier: customers[i % 6].email });
      return (await [sut, replica][i % 2].ok<{ recordSale: SaleData }>(ORDER_DOCUMENTS.recordSale, { input }, { token: tills[i % 2] })).recordSale;
    })).finally(() => {
      selling = false;
    });
    await racingCatchUps;
    expect(recorded.filter((sale) => sale.__typename === 'Sale')).toHaveLength(24);
    const orderIds = recorded.map((sale) => sale.order.id);
    await waitFor(async () => (await sut.count('recommendation_applied', "source_type = 'ORDER' AND source_id = ANY($1::uuid[])", [orderIds])) === 24, 20_000, 'all 24 sales counted');
    expect(await Promise.all(catchUps.map((catchUp) => catchUp.runOnce()))).toEqual([0, 0]);

    const productOf = new Map((await sut.query<{ id: string; product_id: string }>('SELECT id, product_id FROM product_variant')).map((row) => [row.id, row.product_id]));
    // Customer 0 bought baskets 0 and 2, twice each.
    const held = await sut.query<{ product_id: string; units: number }>('SELECT product_id, units FROM recommendation_basket_item WHERE basket_id = $1 ORDER BY 1', [customers[0].id]);
    expect(held).toEqual(
      ([[shoes, 2], [socks, 4], [cap, 2], [jacket, 2]] as const)
        .map(([variant, units]) => ({ product_id: productOf.get(variant.id), units }))
        .sort((a, b) => ((a.product_id ?? '') < (b.product_id ?? '') ? -1 : 1)),
    );
    // Customers 0, 2 and 4 hold shoes with socks; all six hold shoes with a jacket.
    const together = async (a: { id: string }, b: { id: string }) =>
      sut.query('SELECT baskets FROM recommendation_co_purchase WHERE product_id = $1 AND other_product_id = $2', [productOf.get(a.id), productOf.get(b.id)]);
    expect(await together(shoes, socks)).toEqual([{ baskets: 3 }]);
    expect(await together(jacket, shoes)).toEqual([{ baskets: 6 }]);
    // Every sale announced its follow-up email exactly once.
    const announced = await sut.query<{ order_id: string; events: string }>(
      "SELECT payload->>'orderId' AS order_id, count(*) AS events FROM domain_event WHERE type = 'customer.recommendations_ready' AND payload->>'orderId' = ANY($1) GROUP BY 1",
      [orderIds],
    );
    expect(announced).toHaveLength(24);
    expect(announced.every((row) => Number(row.events) === 1)).toBe(true);

    const incremental = await countsSnapshot(sut);
    await sut.app.get(CoPurchaseRebuildService).rebuild();
    expect(await countsSnapshot(sut)).toEqual(incremental);
  });
});
