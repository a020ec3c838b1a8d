import { Inject, Injectable } from '@nestjs/common';
import { VariantWithProduct } from '@omnitill/catalog';
import { StoreEntity } from '@omnitill/store';
import { ORDER_OPTIONS, OrderOptions } from '../order.options';
import { STANDARD_VAT_RATES_BP } from '../rules/tax-rates';

/** Which VAT rate applies to a variant sold by a store. A strategy: replace it for tax classes. */
export abstract class TaxRatePolicy {
  abstract rateFor(store: StoreEntity, variant: VariantWithProduct): number;
}

/** The store country's standard rate, else ORDER_DEFAULT_TAX_RATE_BP. */
@Injectable()
export class StandardVatRatePolicy extends TaxRatePolicy {
  constructor(@Inject(ORDER_OPTIONS) private readonly options: OrderOptions) {
    super();
  }

  rateFor(store: StoreEntity, _variant: VariantWithProduct): number {
    return STANDARD_VAT_RATES_BP[store.countryCode.toUpperCase()] ?? this.options.defaultTaxRateBp;
  }
}
