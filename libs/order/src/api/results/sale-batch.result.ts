import { createResultUnion } from '@omnitill/common';
import { InvalidSaleError } from '../../errors/sale-batch.errors';
import { SaleType } from '../types/receipt.type';
import { SALE_REFUSALS } from './order.result';

/** What `recordSale` answers, plus InvalidSaleError (the BAD_USER_INPUT of the single call). */
export const BatchedSaleResult = createResultUnion('BatchedSaleResult', SaleType, [InvalidSaleError, ...SALE_REFUSALS]);
