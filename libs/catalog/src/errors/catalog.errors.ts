import { Field, ObjectType } from '@nestjs/graphql';
import { ErrorResult } from '@omnitill/common';

@ObjectType('DuplicateSkuError', {
  implements: () => [ErrorResult],
  description: 'The SKU is already used by another variant, or twice in the same input.',
})
export class DuplicateSkuError extends ErrorResult {
  @Field(() => String, { description: 'The SKU, upper-cased as stored.' })
  readonly sku: string;

  constructor(sku: string) {
    super('DUPLICATE_SKU', `A variant with SKU ${sku} already exists`);
    this.sku = sku;
  }
}

@ObjectType('DuplicateBarcodeError', {
  implements: () => [ErrorResult],
  description: 'The barcode is already used by another variant, or twice in the same input.',
})
export class DuplicateBarcodeError extends ErrorResult {
  @Field(() => String, { description: 'The barcode in its stored GTIN-13 form.' })
  readonly barcode: string;

  constructor(barcode: string) {
    super('DUPLICATE_BARCODE', `A variant with barcode ${barcode} already exists`);
    this.barcode = barcode;
  }
}
