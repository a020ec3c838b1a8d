import { Injectable, Logger } from '@nestjs/common';
import { DataSource, QueryFailedError } from 'typeorm';
import { RequestContext } from '../context/request-context';
import { isErrorResult } from '../errors/error-result';

const RETRYABLE_SQL_STATES = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 5;

type AfterCommit = () => void;

/**
 * Runs `callback` once the transaction open on `ctx` has committed (never when it rolls back).
 * For side effects that must not happen early, such as waking the event relay.
 */
export function runAfterCommit(ctx: RequestContext, callback: AfterCommit): void {
  const queryRunner = ctx.entityManager?.queryRunner;
  if (!queryRunner?.isTransactionActive) {
    throw new Error('runAfterCommit needs an open transaction');
  }
  const data = queryRunner.data as { afterCommit?: AfterCommit[] };
  (data.afterCommit ??= []).push(callback);
}

/** SQLSTATE of a failed query, if the error came from PostgreSQL. */
export function sqlStateOf(error: unknown): string | undefined {
  if (error instanceof QueryFailedError) {
    return (error.driverError as { code?: string }).code;
  }
  return (error as { code?: string } | null)?.code;
}

/**
 * Opens one transaction per use case. Nested calls reuse the open transaction. A result that is an
 * ErrorResult rolls the transaction back, so an expected failure never leaves a partial change.
 */
@Injectable()
export class TransactionRunner {
  private readonly logger = new Logger(TransactionRunner.name);

  constructor(private readonly dataSource: DataSource) {}

  async run<T>(ctx: RequestContext, work: (ctx: RequestContext) => Promise<T>): Promise<T> {
    if (ctx.entityManager?.queryRunner?.isTransactionActive) {
      return work(ctx);
    }
    for (let attempt = 1; ; attempt++) {
      const queryRunner = this.dataSource.createQueryRunner();
      try {
        await queryRunner.connect();
        await queryRunner.startTransaction();
        const result = await work(ctx.withEntityManager(queryRunner.manager));
        if (isErrorResult(result)) {
          await queryRunner.rollbackTransaction();
        } else {
          await queryRunner.commitTransaction();
          this.runCommitCallbacks(queryRunner.data as { afterCommit?: AfterCommit[] });
        }
        return result;
      } catch (error) {
        if (queryRunner.isTransactionActive) {
          await queryRunner.rollbackTransaction().catch(() => undefined);
        }
        const state = sqlStateOf(error);
        if (state !== undefined && RETRYABLE_SQL_STATES.has(state) && attempt < MAX_ATTEMPTS) {
          this.logger.warn(`transaction retry ${attempt} after SQLSTATE ${state} (request ${ctx.requestId})`);
          await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 10 * attempt));
          continue;
        }
        throw error;
      } finally {
        (queryRunner.data as { afterCommit?: AfterCommit[] }).afterCommit = undefined;
        await queryRunner.release();
      }
    }
  }

  private runCommitCallbacks(data: { afterCommit?: AfterCommit[] }): void {
    for (const callback of data.afterCommit ?? []) {
      try {
        callback();
      } catch (error) {
        this.logger.error(`after-commit callback failed: ${String(error)}`);
      }
    }
  }
}
