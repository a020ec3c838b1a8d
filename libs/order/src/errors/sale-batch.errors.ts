import { Field, ObjectType } from '@nestjs/graphql';
import { ErrorResult, FieldError } from '@omnitill/common';

@ObjectType('SaleInputFieldError')
export class SaleInputFieldErrorType {
  @Field(() => String)
  field!: string;

  @Field(() => [String])
  messages!: string[];
}

@ObjectType('InvalidSaleError', {
  implements: () => [ErrorResult],
  description: 'One sale of a batch cannot be recorded as sent (e.g. occurredAt outside the sync window). Nothing of it was recorded; the rest of the batch was.',
})
export class InvalidSaleError extends ErrorResult {
  @Field(() => [SaleInputFieldErrorType])
  readonly fields: SaleInputFieldErrorType[];

  constructor(message: string, fields: readonly FieldError[]) {
    super('INVALID_SALE', message);
    this.fields = fields.map((field) => Object.assign(new SaleInputFieldErrorType(), { field: field.field, messages: [...field.messages] }));
  }
}
