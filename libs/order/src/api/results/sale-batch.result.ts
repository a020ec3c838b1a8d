import { createResultUnion } from '@omnitill/common';
import { COUPON_ERRORS } from '@omnitill/coupon';
import {
  InsufficientStoreCreditError, PaymentShortfallError, PriceOverrideNotAllowedError, StoreCreditNeedsSignedInCustomerError, UnknownSkuError,
} from '../../errors/order.errors';
import { InvalidSaleError } from '../../errors/sale-batch.errors';
import { SaleType } from '../types/receipt.type';

/** What `recordSale` answers (keep in step with RecordSaleResult), plus InvalidSaleError (BAD_USER_INPUT of the single call). */
export const BatchedSaleResult = createResultUnion('BatchedSaleResult', SaleType, [
  InvalidSaleError, PaymentShortfallError, UnknownSkuError, PriceOverrideNotAllowedError, InsufficientStoreCreditError, StoreCreditNeedsSignedInCustomerError,
  ...COUPON_ERRORS,
]);
