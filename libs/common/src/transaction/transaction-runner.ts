import { Injectable, Logger } from '@nestjs/common';
import { DataSource, QueryFailedError } from 'typeorm';
import { RequestContext } from '../context/request-context';
import { isErrorResult } from '../errors/error-result';

const RETRYABLE_SQL_STATES = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 5;

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
        await queryRunner.release();
      }
    }
  }
}
