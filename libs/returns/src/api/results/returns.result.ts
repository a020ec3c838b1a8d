import { createResultUnion } from '@omnitill/common';
import {
  InsufficientStoreCreditError, PaymentShortfallError, PriceOverrideNotAllowedError, StoreCreditNeedsSignedInCustomerError, UnknownSkuError,
} from '@omnitill/order';
import {
  NotAuthorisedToOverrideError, OrderNotReturnableError, OverReturnError,
  ReturnStateError, ReturnWindowExpiredError, StoreCreditNeedsCustomerError,
} from '../../errors/returns.errors';
import { ExchangeType } from '../types/exchange.type';
import { ReturnType } from '../types/return.type';

const PREFLIGHT = [ReturnWindowExpiredError, OverReturnError, OrderNotReturnableError, NotAuthorisedToOverrideError, StoreCreditNeedsCustomerError];

export const ReturnItemsResult = createResultUnion('ReturnItemsResult', ReturnType, PREFLIGHT);

export const AuthoriseReturnResult = createResultUnion('AuthoriseReturnResult', ReturnType, PREFLIGHT);

export const ReceiveAuthorisedReturnResult = createResultUnion('ReceiveAuthorisedReturnResult', ReturnType, [
  ReturnStateError, OverReturnError, OrderNotReturnableError, StoreCreditNeedsCustomerError,
]);

export const RejectReturnResult = createResultUnion('RejectReturnResult', ReturnType, [ReturnStateError]);

export const ExchangeItemsResult = createResultUnion('ExchangeItemsResult', ExchangeType, [
  ...PREFLIGHT, PaymentShortfallError, UnknownSkuError, PriceOverrideNotAllowedError, InsufficientStoreCreditError, StoreCreditNeedsSignedInCustomerError,
]);
