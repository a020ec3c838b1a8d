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
  let requestError = false;
  const errors: GraphQLFormattedError[] = flatten(execution.errors).map((error) => {
    if (error instanceof GraphQLError && typeof error.extensions?.code === 'string') {
      return { message: error.message, locations: error.locations, path: error.path, extensions: error.extensions };
    }
    const original = error instanceof GraphQLError ? error.originalError : error;
    const isRequestError = !(error instanceof GraphQLError) || error.path === undefined;
    if (isRequestError && (!original || (original as { code?: string }).code?.startsWith('MER_ERR_GQL') || original instanceof GraphQLError)) {
      requestError = true;
      const message = (error as Error).message;
      const code = /depth/i.test(message) ? 'QUERY_TOO_DEEP' : 'GRAPHQL_VALIDATION_FAILED';
      return { message, locations: (error as GraphQLError).locations, extensions: { code } };
    }
    const mapped = mapError(original ?? error, requestId);
    return { message: mapped.message, locations: error.locations, path: error.path, extensions: mapped.extensions };
  });
  const statusCode = execution.data ? 200 : requestError ? 400 : 200;
  return { statusCode, response: { data: execution.data ?? null, errors } };
}

