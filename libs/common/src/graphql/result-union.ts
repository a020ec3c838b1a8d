import { createUnionType } from '@nestjs/graphql';
import { ErrorResult } from '../errors/error-result';

type ClassType = new (...args: never[]) => object;

/**
 * Builds a result union such as `CreateProductResult = Product | DuplicateSkuError`.
 * The success value must be an instance of `success`; error results are told apart by class.
 */
export function createResultUnion<TSuccess extends ClassType, TErrors extends ClassType[]>(
  name: string,
  success: TSuccess,
  errors: TErrors,
  description?: string,
) {
  return createUnionType({
    name,
    description,
    types: () => [success, ...errors] as const,
    resolveType(value: object) {
      if (value instanceof ErrorResult) {
        const match = errors.find((errorType) => value instanceof errorType);
        if (match) {
          return match;
        }
        throw new Error(`${name}: ${value.constructor.name} is not a member of the union`);
      }
      return success;
    },
  });
}
