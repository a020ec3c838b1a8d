import { Field, InterfaceType } from '@nestjs/graphql';

/**
 * An expected business failure returned as data in a result union
 * (e.g. `CreateProductResult = Product | DuplicateSkuError`). Never thrown.
 */
@InterfaceType('ErrorResult', {
  description: 'An expected business failure, returned in a result union instead of thrown.',
  resolveType: (value: { __typename?: string; constructor: { name: string } }) => value.constructor.name,
})
export abstract class ErrorResult {
  @Field(() => String, { description: 'Stable machine-readable code, e.g. DUPLICATE_SKU.' })
  readonly errorCode: string;

  @Field(() => String)
  readonly message: string;

  protected constructor(errorCode: string, message: string) {
    this.errorCode = errorCode;
    this.message = message;
  }
}

export function isErrorResult(value: unknown): value is ErrorResult {
  return value instanceof ErrorResult;
}
