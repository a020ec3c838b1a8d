import { Field, ObjectType } from '@nestjs/graphql';
import { ErrorResult } from '@omnitill/common';

@ObjectType('DuplicateStoreCodeError', { implements: () => [ErrorResult] })
export class DuplicateStoreCodeError extends ErrorResult {
  @Field(() => String)
  readonly code: string;

  constructor(code: string) {
    super('DUPLICATE_STORE_CODE', `A store with code ${code} already exists`);
    this.code = code;
  }
}
