import { performance } from 'node:perf_hooks';
import { EventOutbox, NewDomainEvent, RequestContext, TransactionRunner } from '@omnitill/common';
import { registerWebhook, TestApp, waitFor, WebhookReceiver } from '@omnitill/testing';

/**
 * The benchmark of the events pipeline: numbers are printed, never asserted (they depend on the
 * machine). Events are written straight through EventOutbox, as use cases do, so what is measured
 * is the relay and the dispatcher, not GraphQL.
 */
describe('Events: relay throughput and commit-to-webhook latency (measured)', () => {
  let sut: TestApp;
  let adminToken: string;
  let transactions: TransactionRunner;
  let outbox: EventOutbox;
  const receivers: WebhookReceiver[] = [];
  const report: string[] = [];

  const events = (count: number, prefix: string, aggregates: number): NewDomainEvent[] =>
    Array.from({ length: count }, (_, i) => ({
      type: 'sale.completed',
      aggregateType: 'sale',
      aggregateId: `${prefix}-${i % aggregates}`,
      payload: { n: i, total: { amount: 1999, currency: 'EUR' } },
    }));

  /** Commits `batch` in one transaction; returns performance.now() just before the commit. */
  async function commit(batch: NewDomainEvent[]): Promise<{ beforeCommit: number; ids: string[] }> {
    let beforeCommit = 0;
    let ids: string[] = [];
    await transactions.run(RequestContext.system('bench'), async (ctx) => {
      for (let i = 0; i < batch.length; i += 500) {
        ids = ids.concat((await outbox.record(ctx, batch.slice(i, i + 500))).map((event) => event.id));
      }
      beforeCommit = performance.now();
    });
    return { beforeCommit, ids };
  }

  const unpublished = () => sut.count('domain_event', 'published_at IS NULL');

  beforeAll(async () => {
    // The poll is pushed out of the way: everything measured is woken by LISTEN/NOTIFY.
    sut = await TestApp.start({ env: { EVENT_RELAY_POLL_MS: '60000' } });
    adminToken = await sut.bootstrapAdmin();
    transactions = sut.app.get(TransactionRunner);
    outbox = sut.app.get(EventOutbox);
  });

  afterAll(async () => {
    process.stdout.write(`\n[events benchmark]\n${report.map((line) => `  ${line}`).join('\n')}\n`);
    await Promise.all(receivers.map((receiver) => receiver.close()));
    await sut.close();
  });

  it('relay throughput: 5000 committed events, no webhook endpoint', async () => {
    const { beforeCommit } = await commit(events(5000, 'bulk', 500));
    await waitFor(async () => (await unpublished()) === 0, 30_000, 'the relay to drain');
    const seconds = (performance.now() - beforeCommit) / 1000;
    report.push(`relay only: 5000 events published in ${seconds.toFixed(2)} s = ${Math.round(5000 / seconds)} events/s (batch 100, 1 relay)`);
  });

  it('relay + webhook throughput: 1000 events to one endpoint', async () => {
    const receiver = await WebhookReceiver.start();
    receivers.push(receiver);
    await registerWebhook(sut, adminToken, receiver.url, ['sale.completed']);
    const { beforeCommit } = await commit(events(1000, 'fanout', 100));
    await waitFor(async () => (await unpublished()) === 0, 30_000, 'the relay to drain');
    const published = (performance.now() - beforeCommit) / 1000;
    await receiver.waitForCount(1000, 60_000);
    const delivered = (performance.now() - beforeCommit) / 1000;
    report.push(
      `with 1 endpoint: 1000 events published in ${published.toFixed(2)} s (${Math.round(1000 / published)}/s), ` +
        `all delivered in ${delivered.toFixed(2)} s (${Math.round(1000 / delivered)} webhooks/s, concurrency 32, 100 aggregates)`,
    );
  });

  it('commit-to-webhook latency: 500 events, one per transaction', async () => {
    const receiver = await WebhookReceiver.start();
    receivers.push(receiver);
    await registerWebhook(sut, adminToken, receiver.url, ['coupon.redeemed']);
    const committedAt = new Map<string, number>();
    const started = performance.now();
    for (let i = 0; i < 500; i++) {
      const { beforeCommit, ids } = await commit([{ type: 'coupon.redeemed', aggregateType: 'coupon_code', aggregateId: `code-${i}`, payload: { i } }]);
      committedAt.set(ids[0], beforeCommit);
    }
    const writing = (performance.now() - started) / 1000;
    const webhooks = await receiver.waitForCount(500, 30_000);
    const latencies = webhooks.map((webhook) => webhook.receivedAt - (committedAt.get(webhook.json.id) ?? Number.NaN)).sort((x, y) => x - y);
    const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))].toFixed(1);
    report.push(
      `latency commit -> webhook received, 500 events at ${Math.round(500 / writing)} commits/s: ` +
        `p50 ${at(50)} ms, p90 ${at(90)} ms, p99 ${at(99)} ms, max ${latencies[latencies.length - 1].toFixed(1)} ms`,
    );
    expect(latencies.every((latency) => Number.isFinite(latency))).toBe(true);
  });
});
