import { HttpException, Logger } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { DomainException, ErrorCode } from '@omnitill/common';

const logger = new Logger('Errors');

const HTTP_STATUS_CODES: Readonly<Record<number, ErrorCode>> = {
  400: ErrorCode.BAD_USER_INPUT,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  409: ErrorCode.CONFLICT,
  413: ErrorCode.BAD_USER_INPUT,
  429: ErrorCode.TOO_MANY_REQUESTS,
};

// Connection-level failures: the database is down or restarting. Clients may retry.
const UNAVAILABLE_SQL_STATES = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08006', '53300']);
const UNAVAILABLE_ERRNO = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND']);

// TypeORM releases a query runner whose connection emitted an error (the server went away); the
// transaction's next statement then throws one of these instead of the network error.
const RELEASED_RUNNER_ERRORS = new Set(['QueryRunnerAlreadyReleasedError', 'QueryRunnerProviderAlreadyReleasedError']);

function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof Error && RELEASED_RUNNER_ERRORS.has(error.name)) {
    return true;
  }
  const candidate = (error instanceof QueryFailedError ? error.driverError : error) as { code?: string; message?: string; syscall?: string } | null;
  const code = candidate?.code;
  if (code && (UNAVAILABLE_SQL_STATES.has(code) || UNAVAILABLE_ERRNO.has(code))) {
    return true;
  }
  // A server on a Unix socket that is down has removed its socket file.
  if (code === 'ENOENT' && candidate?.syscall === 'connect') {
    return true;
  }
  const message = candidate?.message ?? '';
  return /timeout exceeded when trying to connect|Connection terminated|connection is closed|Client has encountered a connection error/i.test(message);
}

export interface MappedError {
  readonly message: string;
  readonly extensions: Record<string, unknown>;
}

/**
 * The one mapping from anything thrown to what a client sees. Domain exceptions keep their code and
 * message; everything else is a bug: logged with the request id and returned without internals.
 */
export function mapError(exception: unknown, requestId: string): MappedError {
  if (exception instanceof DomainException) {
    const extensions: Record<string, unknown> = { code: exception.code };
    if (exception.fields.length > 0) {
      extensions.fields = exception.fields;
    }
    if (exception.retryable) {
      extensions.retryable = true;
    }
    return { message: exception.message, extensions };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const code = HTTP_STATUS_CODES[status];
    if (code) {
      const response = exception.getResponse();
      const detail = typeof response === 'object' && response !== null ? (response as { message?: unknown }).message : response;
      const message = Array.isArray(detail) ? detail.join('; ') : typeof detail === 'string' ? detail : exception.message;
      return { message, extensions: { code } };
    }
  }
  if (exception instanceof GraphQLError && typeof exception.extensions?.code === 'string') {
    return { message: exception.message, extensions: { ...exception.extensions } };
  }
  // Fastify rejected the request before GraphQL ran (malformed body, wrong shape, too large).
  const fastifyError = exception as { code?: unknown; statusCode?: unknown; message?: string } | null;
  if (typeof fastifyError?.code === 'string' && fastifyError.code.startsWith('FST_') && typeof fastifyError.statusCode === 'number' && fastifyError.statusCode < 500) {
    return { message: fastifyError.message ?? 'Bad request', extensions: { code: ErrorCode.BAD_USER_INPUT } };
  }
  if (isDatabaseUnavailable(exception)) {
    logger.warn(`database unavailable (request ${requestId}): ${(exception as Error).message}`);
    return {
      message: 'The service is temporarily unavailable; retry shortly',
      extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, retryable: true },
    };
  }
  const error = exception instanceof Error ? exception : new Error(String(exception));
  logger.error(`unexpected error (request ${requestId}): ${error.message}`, error.stack);
  return { message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, requestId } };
}
