import { RequestContext, TransactionRunner } from '@omnitill/common';

/**
 * Thrown inside an idempotent write when its key is already taken (ON CONFLICT DO NOTHING answered
 * no row): rolls the transaction back, number and stock included, so the caller can answer with
 * the original instead.
 */
export class AlreadyRecordedSignal extends Error {
  constructor() {
    super('already recorded');
    this.name = 'AlreadyRecordedSignal';
  }
}

/**
 * Runs `work` in its own transaction; when it signals AlreadyRecorded, rolls back and answers
 * `replay()` (read after the winner committed). Must not run inside an open transaction: the
 * rollback that makes replays free would then be the caller's.
 */
export async function writeOnce<T, R = T>(
  transactions: TransactionRunner,
  ctx: RequestContext,
  work: (tx: RequestContext) => Promise<T>,
  replay: () => Promise<R>,
): Promise<T | R> {
  if (ctx.entityManager?.queryRunner?.isTransactionActive) {
    throw new Error('writeOnce opens its own transaction; call it outside one');
  }
  try {
    return await transactions.run(ctx, work);
  } catch (error) {
    if (error instanceof AlreadyRecordedSignal) {
      return replay();
    }
    throw error;
  }
}
