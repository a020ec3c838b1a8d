import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { RequestContext } from '../context/request-context';
import { FakeClock } from '../time/clock';
import { NewDomainEvent, OUTBOX_NOTIFY_CHANNEL } from './domain-event';
import { buildOutboxInsert, EventOutbox } from './event-outbox';

const NOW = new Date('2025-03-01T10:00:00Z');

const placed: NewDomainEvent = { type: 'order.placed', aggregateType: 'order', aggregateId: 'o-1', payload: { total: { amount: 1200, currency: 'EUR' } } };

/** A stand-in transaction manager whose connection records the (prepared) statements it is given. */
function fakeManager(active: boolean) {
  const calls: { sql: string; params: unknown[] }[] = [];
  const connection = {
    async query(config: { name: string; text: string; values: unknown[] }) {
      calls.push({ sql: config.text, params: config.values });
      const rows = config.text.startsWith('INSERT') ? (config.values[0] as string[]).map((id, index) => ({ id, sequence: String(index + 1) })) : [];
      return { rows };
    },
  };
  const manager = {
    queryRunner: { isTransactionActive: active, data: {} as { afterCommit?: (() => void)[] }, connect: async () => connection },
  };
  return { manager: manager as unknown as EntityManager, calls, afterCommit: () => manager.queryRunner.data.afterCommit ?? [] };
}

describe('buildOutboxInsert', () => {
  it('fills defaults: version 1, now, the request channel, no store/customer/consent', () => {
    const insert = buildOutboxInsert([placed], { now: NOW, channel: 'ONLINE' });
    const [ids, types, versions, occurredAt, stores, channels, customers, aggregateTypes, aggregateIds, payloads, consents] = insert.params as unknown[][];
    expect(ids).toEqual(insert.ids);
    expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect([types[0], versions[0], occurredAt[0], stores[0], channels[0], customers[0]]).toEqual(['order.placed', 1, NOW, null, 'ONLINE', null]);
    expect([aggregateTypes[0], aggregateIds[0]]).toEqual(['order', 'o-1']);
    expect(JSON.parse(payloads[0] as string)).toEqual(placed.payload);
    expect(consents[0]).toBeNull();
  });

  it('keeps what the producer set, channel null included, and one row per event', () => {
    const at = new Date('2024-12-24T08:00:00Z');
    const insert = buildOutboxInsert(
      [
        { ...placed, version: 2, occurredAt: at, storeId: 's', customerId: 'c', channel: null, consent: { emailMarketing: true, smsMarketing: false } },
        { ...placed, aggregateId: 'o-2' },
      ],
      { now: NOW, channel: 'POS' },
    );
    const columns = insert.params as unknown[][];
    expect(columns.every((column) => column.length === 2)).toBe(true);
    expect([columns[2][0], columns[3][0], columns[4][0], columns[5][0], columns[6][0]]).toEqual([2, at, 's', null, 'c']);
    expect(JSON.parse(columns[10][0] as string)).toEqual({ emailMarketing: true, smsMarketing: false });
    expect(columns[5][1]).toBe('POS');
    expect(insert.sql).toMatch(/unnest/);
  });

  it('refuses unknown types, empty or overlong aggregates and bad versions', () => {
    const bad: NewDomainEvent[] = [
      { ...placed, type: 'order.teleported' as NewDomainEvent['type'] },
      { ...placed, aggregateId: '' },
      { ...placed, aggregateType: 'x'.repeat(101) },
      { ...placed, version: 0 },
      { ...placed, version: 1.5 },
    ];
    for (const event of bad) {
      expect(() => buildOutboxInsert([event], { now: NOW, channel: 'ONLINE' })).toThrow(/EventOutbox/);
    }
  });
});

describe('EventOutbox', () => {
  const poolCalls: unknown[][] = [];
  const sut = new EventOutbox(new FakeClock(NOW), { query: async (...args: unknown[]) => poolCalls.push(args) && [] } as unknown as DataSource);

  it('throws without an open transaction, so an event can never outlive a rolled-back change', async () => {
    await expect(sut.record(RequestContext.system(), placed)).rejects.toThrow(/open transaction/);
    const { manager, calls } = fakeManager(false);
    await expect(sut.record(RequestContext.system().withEntityManager(manager), placed)).rejects.toThrow(/open transaction/);
    expect(calls).toHaveLength(0);
  });

  it('writes several events with one INSERT, and NOTIFYs the relay only after commit', async () => {
    const { manager, calls, afterCommit } = fakeManager(true);
    const recorded = await sut.record(RequestContext.system().withEntityManager(manager), [placed, { ...placed, aggregateId: 'o-2' }]);
    expect(calls.map((call) => call.sql.trim().split(/\s+/)[0])).toEqual(['INSERT']);
    expect(recorded).toHaveLength(2);
    expect(recorded.map((event) => event.sequence)).toEqual(['1', '2']);
    expect(poolCalls).toHaveLength(0);
    afterCommit().forEach((callback) => callback());
    await new Promise((resolve) => setImmediate(resolve));
    expect(poolCalls).toEqual([['SELECT pg_notify($1, $2)', [OUTBOX_NOTIFY_CHANNEL, '']]]);
  });

  it('records nothing for an empty list', async () => {
    const { manager, calls } = fakeManager(true);
    expect(await sut.record(RequestContext.system().withEntityManager(manager), [])).toEqual([]);
    expect(calls).toHaveLength(0);
  });
});
