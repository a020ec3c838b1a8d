import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

function asSafeInteger(value: unknown): number {
  const number = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isSafeInteger(number)) {
    throw new GraphQLError('SafeInt must be an integer between -(2^53 - 1) and 2^53 - 1');
  }
  return number;
}

/**
 * Report sums of minor units outgrow GraphQL's 32-bit Int (a year of sales is billions of cents):
 * an integer up to ±(2^53 − 1), sent as a JSON number. Never a fraction.
 */
export const SafeIntScalar = new GraphQLScalarType({
  name: 'SafeInt',
  description: 'An integer between -(2^53 - 1) and 2^53 - 1, e.g. a sum of money in minor units.',
  serialize: asSafeInteger,
  parseValue: asSafeInteger,
  parseLiteral(ast) {
    if (ast.kind !== Kind.INT) {
      throw new GraphQLError('SafeInt must be an integer literal');
    }
    return asSafeInteger(ast.value);
  },
});
