import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, AnyStaff, Ctx, isErrorResult, Managers, PageArgs, RequestContext, toPaginated, Transaction } from '@omnitill/common';
import { StockTransferService } from '../services/stock-transfer.service';
import { StockTransfersArgs } from './inputs/stock-query.args';
import { TransferStockInput } from './inputs/stock.input';
import { TransferStockResult, TransferUpdateResult } from './results/inventory.result';
import { StockTransferList, StockTransferType } from './types/stock-transfer.type';

@Resolver(() => StockTransferType)
export class StockTransferResolver {
  constructor(private readonly transfers: StockTransferService) {}

  @Mutation(() => TransferStockResult, { description: 'Sends stock to another store: TRANSFER_OUT at the source now, IN_TRANSIT until received.' })
  @Allow(...Managers)
  @Transaction()
  async transferStock(@Ctx() ctx: RequestContext, @Args('input') input: TransferStockInput): Promise<typeof TransferStockResult> {
    const result = await this.transfers.send(ctx, input);
    return isErrorResult(result) ? result : StockTransferType.fromEntity(result);
  }

  @Mutation(() => TransferUpdateResult, { description: 'Staff of the destination book a transfer in: TRANSFER_IN movements.' })
  @Allow(...Managers)
  @Transaction()
  async receiveTransfer(
    @Ctx() ctx: RequestContext,
    @Args('transferId', { type: () => ID }, ParseUUIDPipe) transferId: string,
  ): Promise<typeof TransferUpdateResult> {
    const result = await this.transfers.receive(ctx, transferId);
    return isErrorResult(result) ? result : StockTransferType.fromEntity(result);
  }

  @Mutation(() => TransferUpdateResult, { description: 'Staff of the source call back a transfer in transit; the units return to the source.' })
  @Allow(...Managers)
  @Transaction()
  async cancelTransfer(
    @Ctx() ctx: RequestContext,
    @Args('transferId', { type: () => ID }, ParseUUIDPipe) transferId: string,
  ): Promise<typeof TransferUpdateResult> {
    const result = await this.transfers.cancel(ctx, transferId);
    return isErrorResult(result) ? result : StockTransferType.fromEntity(result);
  }

  @Query(() => StockTransferList, { description: "Transfers leaving or reaching a store, newest first. The store's staff, support, admins." })
  @Allow(...AnyStaff)
  async stockTransfers(@Ctx() ctx: RequestContext, @Args() args: StockTransfersArgs, @Args() page: PageArgs): Promise<StockTransferList> {
    const result = await this.transfers.listForStore(ctx, args.storeId, args.state, page.skip, page.take);
    return toPaginated(result, StockTransferType.fromEntity);
  }
}
