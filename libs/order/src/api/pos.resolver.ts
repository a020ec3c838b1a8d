import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, isErrorResult, Managers, RequestContext, StoreStaff, Transaction } from '@omnitill/common';
import { RecordSaleInput, VoidSaleInput } from './inputs/pos.input';
import { RecordSalesInput } from './inputs/sale-batch.input';
import { OrderTransitionResult, RecordSaleResult } from './results/order.result';
import { OrderType } from './types/order.type';
import { SaleBatchType, saleTypeFrom } from './types/sale-batch.type';
import { PosSaleBatchService } from '../services/pos-sale-batch.service';
import { PosSaleService } from '../services/pos-sale.service';
import { SaleVoidService } from '../services/sale-void.service';

@Resolver()
export class PosResolver {
  constructor(
    private readonly sales: PosSaleService,
    private readonly batches: PosSaleBatchService,
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
    return isErrorResult(result) ? result : saleTypeFrom(result);
  }

  // No @Transaction: every sale of the batch is its own transaction, as if sent one by one.
  @Mutation(() => SaleBatchType, {
    description: 'An offline till\'s queued sales in one call (terminal sessions only), recorded in the order sent, each idempotent per '
      + 'terminal and clientSaleId: sending the batch again changes nothing. One answer per sale, in input order.',
  })
  @Allow(...StoreStaff)
  async recordSales(@Ctx() ctx: RequestContext, @Args('input') input: RecordSalesInput): Promise<SaleBatchType> {
    return SaleBatchType.from(await this.batches.recordSales(ctx, input.sales));
  }

  @Mutation(() => OrderTransitionResult, { description: 'Store managers: void a sale of their store within 24 hours (nothing returned); stock is restored.' })
  @Allow(...Managers)
  @Transaction()
  async voidSale(@Ctx() ctx: RequestContext, @Args('input') input: VoidSaleInput): Promise<typeof OrderTransitionResult> {
    const result = await this.voids.voidSale(ctx, input.orderId, input.reason);
    return isErrorResult(result) ? result : OrderType.from(result);
  }
}
