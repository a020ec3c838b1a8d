import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, isErrorResult, Managers, RequestContext, StoreStaff, Transaction } from '@omnitill/common';
import { RecordSaleInput, VoidSaleInput } from './inputs/pos.input';
import { OrderTransitionResult, RecordSaleResult } from './results/order.result';
import { OrderType } from './types/order.type';
import { ReceiptType, SaleType } from './types/receipt.type';
import { PosSaleService } from '../services/pos-sale.service';
import { SaleVoidService } from '../services/sale-void.service';

@Resolver()
export class PosResolver {
  constructor(
    private readonly sales: PosSaleService,
    private readonly voids: SaleVoidService,
  ) {}

  // No @Transaction: the service opens its own, so a duplicate clientSaleId rolls back everything
  // (its order number included) and answers the original sale.
  @Mutation(() => RecordSaleResult, {
    description: 'A till sale (terminal sessions only; the store is the terminal\'s). Idempotent per terminal and clientSaleId.',
  })
  @Allow(...StoreStaff)
  async recordSale(@Ctx() ctx: RequestContext, @Args('input') input: RecordSaleInput): Promise<typeof RecordSaleResult> {
    const result = await this.sales.recordSale(ctx, input);
    return isErrorResult(result)
      ? result
      : Object.assign(new SaleType(), { order: OrderType.from(result.details), receipt: ReceiptType.from(result.receipt), replayed: result.replayed, notices: result.notices });
  }

  @Mutation(() => OrderTransitionResult, { description: 'Store managers: void a sale of their store within 24 hours (nothing returned); stock is restored.' })
  @Allow(...Managers)
  @Transaction()
  async voidSale(@Ctx() ctx: RequestContext, @Args('input') input: VoidSaleInput): Promise<typeof OrderTransitionResult> {
    const result = await this.voids.voidSale(ctx, input.orderId, input.reason);
    return isErrorResult(result) ? result : OrderType.from(result);
  }
}
