import { RequestContext } from '@omnitill/common';

/**
 * Operations made of several statements that must stand or fall together (a reservation and its
 * hold, a transfer and its movements) refuse to run on the pool: that would be a bug in the caller.
 */
export function requireTransaction(ctx: RequestContext, operation: string): void {
  if (!ctx.entityManager?.queryRunner?.isTransactionActive) {
    throw new Error(`${operation} must run inside a transaction (TransactionRunner.run or @Transaction())`);
  }
}
