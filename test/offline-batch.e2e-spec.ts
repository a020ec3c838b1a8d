import { randomUUID } from 'node:crypto';
import {
  createSellableVariants, createStoreWithStaff, INVENTORY_DOCUMENTS, SellableVariant, StockLevelData, stockInvariantViolations, stockOf, stockUp,
  StoreWithStaff, TestApp, tillLogin,
} from '@omnitill/testing';

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;

const RECORD_SALES = `mutation($input: RecordSalesInput!) {
  recordSales(input: $input) {
    recordedCount replayedCount refusedCount
    sales {
      clientSaleId
      result {
        __typename
        ... on Sale { replayed order { id number occurredAt total { amount } lines { sku quantity } } }
        ... on InvalidSaleError { fields { field messages } }
        ... on ErrorResult { errorCode message }
      }
    }
  }
}`;

interface BatchData {
  recordedCount: number;
  replayedCount: number;
  refusedCount: number;
  sales: {
    clientSaleId: string;
    result: {
      __typename: string;
      errorCode?: string;
      message?: string;
      fields?: { field: string; messages: string[] }[];
      replayed?: boolean;
      order?: { id: string; number: string; occurredAt: string; total: { amount: number }; lines: { sku: string; quantity: number }[] };
    };
  }[];
}

describe('offline till batch upload (recordSales)', () => {
  let sut: TestApp;
  let admin: string;
  let store: StoreWithStaff;
  let shoe: SellableVariant;
  let cap: SellableVariant;

  beforeAll(async () => {
    sut = await TestApp.start({ env: { ORDER_EXPIRY_INTERVAL_MS: '0', RESERVATION_SWEEP_INTERVAL_MS: '0', EVENT_RELAY_ENABLED: 'false' } });
    admin = await sut.bootstrapAdmin();
    store = await createStoreWithStaff(sut, admin);
    [shoe, cap] = await createSellableVariants(sut, admin, [5999, 1000]);
    await stockUp(sut, admin, store.id, [shoe], 1000);
    await stockUp(sut, admin, store.id, [cap], 40);
  });

  afterAll(async () => {
    await sut.close();
  });

  async function upload(sales: readonly Record<string, unknown>[], token: string): Promise<BatchData> {
    const data = await sut.ok<{ recordSales: BatchData }>(RECORD_SALES, { input: { sales } }, { token });
    return data.recordSales;
  }

  it('records a day of 500 queued sales once, in queue order, at their till times; a replay changes nothing; oversold stock is flagged for recount', async () => {
    const cashier = await tillLogin(sut, store);
    const dayStart = Date.now() - DAY;
    // Every sale takes a cap (40 on the shelf: the till oversold by 460); every 5th also a shoe.
    const queue = Array.from({ length: 500 }, (_, index) => {
      const withShoe = index % 5 === 0;
      const lines = withShoe ? [{ sku: cap.sku, quantity: 1 }, { barcode: shoe.barcode, quantity: 1 }] : [{ sku: cap.sku, quantity: 1 }];
      const total = cap.priceAmount + (withShoe ? shoe.priceAmount : 0);
      return {
        clientSaleId: randomUUID(),
        occurredAt: new Date(dayStart + index * (DAY / 500) + 7).toISOString(),
        lines,
        payments: [{ method: index % 2 === 0 ? 'CASH' : 'CARD', amount: total }],
      };
    });
    const before = { orders: await sut.count('"order"'), movements: await sut.count('stock_movement'), events: await sut.count('domain_event') };

    const started = Date.now();
    const first = await upload(queue, cashier);
    const uploadMs = Date.now() - started;

    expect({ recorded: first.recordedCount, replayed: first.replayedCount, refused: first.refusedCount }).toEqual({ recorded: 500, replayed: 0, refused: 0 });
    expect(first.sales.map((sale) => sale.clientSaleId)).toEqual(queue.map((sale) => sale.clientSaleId));
    expect(first.sales.every((sale) => sale.result.__typename === 'Sale' && sale.result.replayed === false)).toBe(true);
    const orders = first.sales.map((sale) => sale.result.order!);
    expect(orders.map((order) => order.occurredAt)).toEqual(queue.map((sale) => sale.occurredAt));
    const sequence = orders.map((order) => Number(order.number.split('-').pop()));
    expect(sequence).toEqual(Array.from({ length: 500 }, (_, index) => sequence[0] + index));
    expect(orders.filter((order) => order.total.amount === 6999)).toHaveLength(100);

    expect(await sut.count('"order"') - before.orders).toBe(500);
    expect(await sut.count('"order"', 'terminal_id = $1', [store.terminal.id])).toBe(500);
    expect(await sut.count('order_line', 'order_id = ANY($1)', [orders.map((order) => order.id)])).toBe(600);
    expect(await sut.count('order_payment', 'order_id = ANY($1)', [orders.map((order) => order.id)])).toBe(500);
    // Stock movements keep the time of the sale at the till, not the upload's.
    const [movementTimes] = await sut.query<{ first: Date; last: Date; count: string }>(
      "SELECT min(occurred_at) AS first, max(occurred_at) AS last, count(*) AS count FROM stock_movement WHERE type = 'SALE' AND store_id = $1",
      [store.id],
    );
    expect({ first: movementTimes.first.toISOString(), last: movementTimes.last.toISOString(), count: Number(movementTimes.count) })
      .toEqual({ first: queue[0].occurredAt, last: queue[499].occurredAt, count: 600 });
    expect(await stockOf(sut, store.id, cap.id)).toEqual({ on_hand: 40 - 500, reserved: 0 });
    expect(await stockOf(sut, store.id, shoe.id)).toEqual({ on_hand: 1000 - 100, reserved: 0 });

    const flagged = await sut.ok<{ stockLevels: { items: StockLevelData[]; totalCount: number } }>(
      INVENTORY_DOCUMENTS.stockLevels, { storeId: store.id, needsRecountOnly: true }, { token: admin },
    );
    expect(flagged.stockLevels.items.map((level) => [level.variantId, level.onHand, level.needsRecount])).toEqual([[cap.id, -460, true]]);

    const afterFirst = { orders: await sut.count('"order"'), movements: await sut.count('stock_movement'), events: await sut.count('domain_event') };
    expect(afterFirst.movements - before.movements).toBe(600);
    expect(afterFirst.events - before.events).toBe(500);

    // The answer was lost: the till sends the same batch again.
    const replayStarted = Date.now();
    const replay = await upload(queue, cashier);
    process.stdout.write(`\n[offline-batch] 500 sales recorded in ${uploadMs} ms, replayed in ${Date.now() - replayStarted} ms\n`);
    expect({ recorded: replay.recordedCount, replayed: replay.replayedCount, refused: replay.refusedCount }).toEqual({ recorded: 0, replayed: 500, refused: 0 });
    expect(replay.sales.map((sale) => sale.result.order?.id)).toEqual(orders.map((order) => order.id));
    expect(replay.sales.map((sale) => sale.result.order?.number)).toEqual(orders.map((order) => order.number));
    expect(replay.sales.every((sale) => sale.result.replayed === true)).toBe(true);
    expect({ orders: await sut.count('"order"'), movements: await sut.count('stock_movement'), events: await sut.count('domain_event') }).toEqual(afterFirst);
    expect(await stockOf(sut, store.id, cap.id)).toEqual({ on_hand: -460, reserved: 0 });

    expect(await stockInvariantViolations(sut, admin)).toEqual({ ledger: [], reserved: [] });
  });

  it('answers each sale of a batch on its own: refused or out-of-window sales are not recorded, the others are', async () => {
    const cashier = await tillLogin(sut, store);
    const now = Date.now();
    const good = { clientSaleId: randomUUID(), occurredAt: new Date(now - HOUR).toISOString(), lines: [{ sku: shoe.sku, quantity: 1 }], payments: [{ method: 'CARD', amount: 5999 }] };
    const tooOld = { ...good, clientSaleId: randomUUID(), occurredAt: new Date(now - 31 * DAY).toISOString() };
    const underpaid = { ...good, clientSaleId: randomUUID(), payments: [{ method: 'CARD', amount: 5000 }] };
    const unknown = { ...good, clientSaleId: randomUUID(), lines: [{ sku: 'NO-SUCH-SKU', quantity: 1 }] };
    const shoeBefore = await stockOf(sut, store.id, shoe.id);
    const ordersBefore = await sut.count('"order"');

    const batch = await upload([tooOld, good, underpaid, unknown], cashier);

    expect({ recorded: batch.recordedCount, replayed: batch.replayedCount, refused: batch.refusedCount }).toEqual({ recorded: 1, replayed: 0, refused: 3 });
    expect(batch.sales.map((sale) => [sale.clientSaleId, sale.result.__typename])).toEqual([
      [tooOld.clientSaleId, 'InvalidSaleError'],
      [good.clientSaleId, 'Sale'],
      [underpaid.clientSaleId, 'PaymentShortfallError'],
      [unknown.clientSaleId, 'UnknownSkuError'],
    ]);
    expect(batch.sales[0].result).toMatchObject({ errorCode: 'INVALID_SALE', fields: [{ field: 'occurredAt', messages: ['more than 30 days ago'] }] });
    expect(await sut.count('"order"') - ordersBefore).toBe(1);
    expect(await stockOf(sut, store.id, shoe.id)).toEqual({ on_hand: shoeBefore.on_hand - 1, reserved: 0 });
  });

  it('refuses a batch over 500 sales, or outside a terminal session, and records nothing', async () => {
    const cashier = await tillLogin(sut, store);
    const sale = () => ({ clientSaleId: randomUUID(), occurredAt: new Date().toISOString(), lines: [{ sku: shoe.sku, quantity: 1 }], payments: [{ method: 'CARD', amount: 5999 }] });
    const ordersBefore = await sut.count('"order"');

    const tooMany = await sut.graphql(RECORD_SALES, { input: { sales: Array.from({ length: 501 }, sale) } }, { token: cashier });
    expect(tooMany.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const empty = await sut.graphql(RECORD_SALES, { input: { sales: [] } }, { token: cashier });
    expect(empty.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    // A back-office login (no terminal) cannot upload a till's sales.
    const manager = await sut.login(store.manager.email, store.manager.password);
    const offTill = await sut.graphql(RECORD_SALES, { input: { sales: [sale()] } }, { token: manager });
    expect(offTill.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    expect(await sut.count('"order"')).toBe(ordersBefore);
  });
});
