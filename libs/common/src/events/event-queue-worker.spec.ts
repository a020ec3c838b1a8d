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
});
