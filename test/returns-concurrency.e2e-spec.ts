import { randomUUID } from 'node:crypto';
import {
  createSellableVariants, createStorefrontKey, createStoreWithStaff, ORDER_DOCUMENTS, posSale, RETURNS_DOCUMENTS, ReturnData, returnInput, SaleData,
  saleInput, SellableVariant, signUpCustomer, stockInvariantViolations, StoreWithStaff, stockUp, TestApp, tillLogin,
} from '@omnitill/testing';

describe('Returns under concurrency', () => {
  let sut: TestApp;
  let stores: StoreWithStaff[];
  let shoe: SellableVariant;
  let socks: SellableVariant;

  const admin = () => sut.login('root@test.local', 'root-password-123');
  const send = (token: string, input: Record<string, unknown>) =>
    sut.graphql<{ returnItems: ReturnData }>(RETURNS_DOCUMENTS.returnItems, { input }, { token });

  beforeAll(async () => {
    sut = await TestApp.start({ env: { EVENT_RELAY_ENABLED: 'false', DATABASE_POOL_SIZE: '12' } });
    const token = await sut.bootstrapAdmin();
    stores = [await createStoreWithStaff(sut, token), await createStoreWithStaff(sut, token), await createStoreWithStaff(sut, token)];
    [shoe, socks] = await createSellableVariants(sut, token, [5999, 2500]);
    for (const store of stores) {
      await stockUp(sut, token, store.id, [shoe, socks], 100);
    }
  });

  afterAll(async () => {
    await sut.close();
  });

  it('stores racing to return the last unit: exactly one wins, the rest get OverReturnError, nothing is refunded twice', async () => {
    const sale = await posSale(sut, stores[0], [{ sku: shoe.sku, quantity: 3 }], [{ method: 'CARD', amount: 17_997, externalReference: 'auth-race' }]);
    const line = sale.order.lines[0];
    const tokens = [await tillLogin(sut, stores[1]), await tillLogin(sut, stores[2]), await tillLogin(sut, stores[0])];
    const first = await send(tokens[0], returnInput(sale.order, [{ orderLineId: line.id, quantity: 2 }]));
    expect(first.data?.returnItems.__typename).toBe('Return');

    const racers = Array.from({ length: 24 }, (_, index) => send(tokens[index % 3], returnInput(sale.order, [{ orderLineId: line.id, quantity: 1 }])));
    const results = await Promise.all(racers);
    expect(results.every((result) => !result.errors)).toBe(true);
    const kinds = results.map((result) => result.data?.returnItems.__typename);
    expect(kinds.filter((kind) => kind === 'Return')).toHaveLength(1);
    expect(kinds.filter((kind) => kind === 'OverReturnError')).toHaveLength(23);
    expect(results.filter((r) => r.data?.returnItems.__typename === 'OverReturnError').every((r) => r.data?.returnItems.returnable === 0)).toBe(true);

    const [row] = await sut.query<{ returned_quantity: number }>('SELECT returned_quantity FROM order_line WHERE id = $1', [line.id]);
    expect(row.returned_quantity).toBe(3);
    const [money] = await sut.query<{ refunded: string; lines: string }>(
      `SELECT (SELECT sum(f.amount) FROM refund f JOIN return_request r ON r.id = f.return_id WHERE r.order_id = $1) AS refunded,
              (SELECT sum(l.refund_amount) FROM return_line l JOIN return_request r ON r.id = l.return_id WHERE r.order_id = $1) AS lines`,
      [sale.order.id],
    );
    expect([Number(money.refunded), Number(money.lines)]).toEqual([17_997, 17_997]);
    expect(await sut.count('stock_movement', "reference_type = 'RETURN' AND type = 'RETURN_RESTOCK' AND variant_id = $1 AND reference_id IN (SELECT id::text FROM return_request WHERE order_id = $2)", [shoe.id, sale.order.id])).toBe(2);
    const numbers = await sut.query<{ number: string }>('SELECT number FROM return_request WHERE order_id = $1 ORDER BY number', [sale.order.id]);
    expect(numbers.map((n) => n.number)).toEqual([`${sale.order.number}-R1`, `${sale.order.number}-R2`]);
    expect(await stockInvariantViolations(sut, await admin())).toEqual({ ledger: [], reserved: [] });
  });

  it('returns of several lines listed in any order never deadlock and never exceed any line', async () => {
    const sale = await posSale(sut, stores[0], [{ sku: shoe.sku, quantity: 4 }, { sku: socks.sku, quantity: 4 }], [{ method: 'CASH', amount: 33_996 }]);
    const [shoes, sock] = sale.order.lines;
    const tokens = [await tillLogin(sut, stores[1]), await tillLogin(sut, stores[2])];
    const results = await Promise.all(Array.from({ length: 16 }, (_, index) => {
      const lines = [{ orderLineId: shoes.id, quantity: 1 }, { orderLineId: sock.id, quantity: 1 }];
      return send(tokens[index % 2], returnInput(sale.order, index % 2 === 0 ? lines : [...lines].reverse()));
    }));
    expect(results.every((result) => !result.errors)).toBe(true);
    expect(results.filter((r) => r.data?.returnItems.__typename === 'Return')).toHaveLength(4);
    const rows = await sut.query<{ returned_quantity: number }>('SELECT returned_quantity FROM order_line WHERE order_id = $1 ORDER BY line_no', [sale.order.id]);
    expect(rows.map((r) => r.returned_quantity)).toEqual([4, 4]);
    const [refunded] = await sut.query<{ total: string }>('SELECT sum(refund_amount) AS total FROM return_request WHERE order_id = $1', [sale.order.id]);
    expect(Number(refunded.total)).toBe(33_996);
    expect(await stockInvariantViolations(sut, await admin())).toEqual({ ledger: [], reserved: [] });
  });

  it('a till sending the same return 12 times at once (same clientReturnId) records it once and answers it every time', async () => {
    const sale = await posSale(sut, stores[0], [{ sku: socks.sku, quantity: 5 }], [{ method: 'CASH', amount: 12_500 }]);
    const token = await tillLogin(sut, stores[1]);
    const input = { ...returnInput(sale.order, [{ orderLineId: sale.order.lines[0].id, quantity: 1 }]), clientReturnId: randomUUID() };
    const results = await Promise.all(Array.from({ length: 12 }, () => send(token, input)));
    expect(results.every((result) => !result.errors && result.data?.returnItems.__typename === 'Return')).toBe(true);
    expect(new Set(results.map((result) => result.data?.returnItems.id)).size).toBe(1);
    const [row] = await sut.query<{ returned_quantity: number }>('SELECT returned_quantity FROM order_line WHERE id = $1', [sale.order.lines[0].id]);
    expect(row.returned_quantity).toBe(1);
    expect(await sut.count('refund', 'return_id = $1', [results[0].data?.returnItems.id])).toBe(1);
    // The key belongs to that order.
    const other = await posSale(sut, stores[0], [{ sku: socks.sku, quantity: 1 }], [{ method: 'CASH', amount: 2500 }]);
    const reused = await send(token, { ...returnInput(other.order, [{ orderLineId: other.order.lines[0].id, quantity: 1 }]), clientReturnId: input.clientReturnId });
    expect(reused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('store credit spent on many sales at once never goes below zero', async () => {
    const token = await admin();
    const apiKey = await createStorefrontKey(sut, token);
    const customer = await signUpCustomer(sut, apiKey);
    // 5999 of credit from a returned sale attached to the customer.
    const bought = await posSale(sut, stores[0], [{ sku: shoe.sku, quantity: 1 }], [{ method: 'CARD', amount: 5999, externalReference: 'auth-c' }], { customerIdentifier: customer.email });
    const credited = await send(await tillLogin(sut, stores[1]), returnInput(bought.order, [{ orderLineId: bought.order.lines[0].id, quantity: 1 }], { refundMethod: 'STORE_CREDIT' }));
    expect(credited.data?.returnItems.__typename).toBe('Return');

    // Six tills of one store sell to the customer at once, each paying 2500 from the balance.
    const tokens = await Promise.all(Array.from({ length: 6 }, () => tillLogin(sut, stores[2])));
    const ordersBefore = await sut.count('"order"');
    const sold = await Promise.all(tokens.map((token) => sut.graphql<{ recordSale: SaleData }>(ORDER_DOCUMENTS.recordSale, {
      input: saleInput([{ sku: socks.sku, quantity: 1 }], [{ method: 'STORE_CREDIT', amount: 2500 }], { customerIdentifier: customer.email }),
    }, { token })));
    expect(sold.every((result) => !result.errors)).toBe(true);
    const kinds = sold.map((result) => result.data?.recordSale.__typename);
    expect(kinds.filter((kind) => kind === 'Sale')).toHaveLength(2);
    expect(kinds.filter((kind) => kind === 'InsufficientStoreCreditError')).toHaveLength(4);
    expect(await sut.count('"order"')).toBe(ordersBefore + 2);
    const [account] = await sut.query<{ balance_amount: number }>('SELECT balance_amount FROM store_credit_account WHERE customer_id = $1', [customer.id]);
    expect(account.balance_amount).toBe(999);
    const [ledger] = await sut.query<{ total: string }>('SELECT sum(amount) AS total FROM store_credit_entry WHERE customer_id = $1', [customer.id]);
    expect(Number(ledger.total)).toBe(999);
    // The ledger is append-only in the database itself.
    await expect(sut.query('UPDATE store_credit_entry SET amount = 1 WHERE customer_id = $1', [customer.id])).rejects.toThrow(/append-only/);
    await expect(sut.query('DELETE FROM store_credit_entry WHERE customer_id = $1', [customer.id])).rejects.toThrow(/append-only/);
  });
});
