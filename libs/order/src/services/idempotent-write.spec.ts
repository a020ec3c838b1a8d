import { RequestContext, TransactionRunner } from '@omnitill/common';
import { AlreadyRecordedSignal, writeOnce } from './idempotent-write';

/** Runs the work directly; records whether it "committed" or "rolled back". */
class FakeRunner {
  readonly outcomes: string[] = [];

  async run<T>(ctx: RequestContext, work: (tx: RequestContext) => Promise<T>): Promise<T> {
    try {
      const result = await work(ctx);
      this.outcomes.push('commit');
      return result;
    } catch (error) {
      this.outcomes.push('rollback');
      throw error;
    }
  }
}

describe('writeOnce', () => {
  const ctx = RequestContext.anonymous();

  it('answers the work when it records', async () => {
    const runner = new FakeRunner();
    const sut = await writeOnce(runner as unknown as TransactionRunner, ctx, async () => 'written', async () => 'replayed');
    expect(sut).toBe('written');
    expect(runner.outcomes).toEqual(['commit']);
  });

  it('rolls back and answers the replay when the key was taken', async () => {
    const runner = new FakeRunner();
    const sut = await writeOnce(runner as unknown as TransactionRunner, ctx, async () => {
      throw new AlreadyRecordedSignal();
    }, async () => 'replayed');
    expect(sut).toBe('replayed');
    expect(runner.outcomes).toEqual(['rollback']);
  });

  it('lets other failures through', async () => {
    const runner = new FakeRunner();
    await expect(writeOnce(runner as unknown as TransactionRunner, ctx, async () => {
      throw new Error('boom');
    }, async () => 'replayed')).rejects.toThrow('boom');
  });
});
