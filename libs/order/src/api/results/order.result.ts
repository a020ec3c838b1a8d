import { createResultUnion } from '@omnitill/common';
import { COUPON_ERRORS } from '@omnitill/coupon';
import { InsufficientStockError, StoreHoldsNoStockError } from '@omnitill/inventory';
import {
  InsufficientStoreCreditError, InvalidPickupCodeError, OrderStateTransitionError, PaymentShortfallError, PickupLockedError, PriceOverrideNotAllowedError,
  StoreCreditNeedsSignedInCustomerError, StoreDoesNotOfferPickupError, UnknownSkuError,
} from '../../errors/order.errors';

const STORE_CREDIT_ERRORS = [InsufficientStoreCreditError, StoreCreditNeedsSignedInCustomerError];
import { OrderType } from '../types/order.type';
import { PickupCredentialsType, SaleType } from '../types/receipt.type';

export const PlacePickupOrderResult = createResultUnion('PlacePickupOrderResult', OrderType, [
  InsufficientStockError, StoreDoesNotOfferPickupError, UnknownSkuError, ...STORE_CREDIT_ERRORS,
]);

export const PlaceShipOrderResult = createResultUnion('PlaceShipOrderResult', OrderType, [
  InsufficientStockError, StoreHoldsNoStockError, UnknownSkuError, ...STORE_CREDIT_ERRORS,
]);

export const OrderTransitionResult = createResultUnion('OrderTransitionResult', OrderType, [OrderStateTransitionError]);

export const MarkReadyForPickupResult = createResultUnion('MarkReadyForPickupResult', PickupCredentialsType, [OrderStateTransitionError]);

export const CollectPickupOrderResult = createResultUnion('CollectPickupOrderResult', OrderType, [
  InvalidPickupCodeError, PickupLockedError, OrderStateTransitionError,
]);

/** Every way a till sale can be refused (recordSale, and each sale of recordSales). */
export const SALE_REFUSALS = [PaymentShortfallError, UnknownSkuError, PriceOverrideNotAllowedError, ...STORE_CREDIT_ERRORS, ...COUPON_ERRORS];

export const RecordSaleResult = createResultUnion('RecordSaleResult', SaleType, SALE_REFUSALS);
