import { Logger } from '@nestjs/common';
import { EventQueueWorker } from './event-queue-worker';

const quiet = { warn: () => undefined } as unknown as Logger;
const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('EventQueueWorker', () => {
  it('applies in order, in batches, one batch at a time, and goes on after a failed batch', async () => {
    const applied: number[][] = [];
    let running = 0;
    let overlapped = false;
    const worker = new EventQueueWorker<number>(quiet, async (batch) => {
      overlapped ||= running > 0;
      running += 1;
      await settle();
      running -= 1;
      if (batch.includes(3)) {
        throw new Error('boom');
      }
      applied.push(batch);
    }, { batchSize: 2, maxQueued: 100 });
    worker.start();
    // The first push starts the worker on [1]; what arrives meanwhile goes in batches of two.
    [1, 2, 3, 4, 5].forEach((n) => worker.push(n));
    await new Promise((resolve) => setTimeout(resolve, 100));
    await worker.stop();
    expect(applied).toEqual([[1], [4, 5]]);
    expect(overlapped).toBe(false);
  });

  it('takes nothing before start or after stop, and nothing beyond maxQueued', async () => {
    const applied: number[] = [];
    const worker = new EventQueueWorker<number>(quiet, async (batch) => {
      await settle();
      applied.push(...batch);
    }, { batchSize: 1, maxQueued: 2 });
    worker.push(0);
    worker.start();
    [1, 2, 3, 4].forEach((n) => worker.push(n));
    await new Promise((resolve) => setTimeout(resolve, 80));
    await worker.stop();
    worker.push(5);
    await settle();
    expect(applied).toEqual([1, 2, 3]);
  });

  it('with gatherMs, waits for a batch to fill: a full batch goes at once, a partial one after the pause or at stop', async () => {
    const applied: number[][] = [];
    const worker = new EventQueueWorker<number>(quiet, async (batch) => {
      applied.push(batch);
    }, { batchSize: 3, maxQueued: 100, gatherMs: 60_000 });
    worker.start();
    [1, 2].forEach((n) => worker.push(n));
    await settle();
    expect(applied).toEqual([]);
    // The third fills the batch: no waiting for the pause.
    worker.push(3);
    await settle();
    expect(applied).toEqual([[1, 2, 3]]);

    worker.push(4);
    await settle();
    expect(applied).toEqual([[1, 2, 3]]);
    // Stopping ends the pause and applies what was gathered.
    await worker.stop();
    expect(applied).toEqual([[1, 2, 3], [4]]);
  });

  it('with gatherMs, applies a partial batch once the pause is over', async () => {
    const applied: number[][] = [];
    const worker = new EventQueueWorker<number>(quiet, async (batch) => {
      applied.push(batch);
    }, { batchSize: 100, maxQueued: 100, gatherMs: 30 });
    worker.start();
    worker.push(1);
    await settle();
    worker.push(2);
    expect(applied).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(applied).toEqual([[1, 2]]);
    await worker.stop();
  });
});
