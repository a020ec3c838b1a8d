import { GraphQLError, GraphQLFormattedError } from 'graphql';
import type { MercuriusContext } from 'mercurius';
import { mapError } from './error-mapping';

interface ExecutionLike {
  data?: Record<string, unknown> | null;
  errors: readonly GraphQLError[];
}

function flatten(errors: readonly GraphQLError[]): GraphQLError[] {
  // Mercurius wraps validation failures in one error whose originalError lists them.
  return errors.flatMap((error) => {
    const nested = (error.originalError as { errors?: unknown } | undefined)?.errors;
    return Array.isArray(nested) ? (nested as GraphQLError[]) : [error];
  });
}

/**
 * Shapes every GraphQL error response: each error has `extensions.code`; request errors (parse,
 * validation, depth, complexity) answer 400; execution errors 200 with partial data; nothing
 * internal (stack, SQL) ever reaches the client.
 */
export function formatGraphQLErrors(execution: ExecutionLike, context: MercuriusContext) {
  const requestId = context.reply?.request.id ?? 'unknown';
  const errors: GraphQLFormattedError[] = flatten(execution.errors).map((error) => {
    if (error instanceof GraphQLError && typeof error.extensions?.code === 'string') {
      return { message: error.message, locations: error.locations, path: error.path, extensions: error.extensions };
    }
    const original = error instanceof GraphQLError ? error.originalError : error;
    const isRequestError = !(error instanceof GraphQLError) || error.path === undefined;
    if (isRequestError && (!original || (original as { code?: string }).code?.startsWith('MER_ERR_GQL') || original instanceof GraphQLError)) {
      const message = (error as Error).message;
      const code = /depth/i.test(message) ? 'QUERY_TOO_DEEP' : 'GRAPHQL_VALIDATION_FAILED';
      return { message, locations: (error as GraphQLError).locations, extensions: { code } };
    }
    const mapped = mapError(original ?? error, requestId);
    return { message: mapped.message, locations: error.locations, path: error.path, extensions: mapped.extensions };
  });
  // Nothing executed (parse, validation, limits, malformed body): the request itself was bad.
  const requestRejected = !execution.data && errors.every((error) => error.path === undefined && error.extensions?.code !== 'INTERNAL_SERVER_ERROR');
  const tooLarge = execution.errors.some((error) => ((error instanceof GraphQLError ? error.originalError : error) as { statusCode?: number } | undefined)?.statusCode === 413);
  const statusCode = tooLarge ? 413 : requestRejected ? 400 : 200;
  return { statusCode, response: { data: execution.data ?? null, errors } };
}
