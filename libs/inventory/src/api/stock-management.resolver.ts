import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, isErrorResult, Managers, RequestContext, Transaction } from '@omnitill/common';
import { StockManagementService } from '../services/stock-management.service';
import { AdjustStockInput, ReceiveStockInput, RecordStockCountInput, UpdateStockSettingsInput } from './inputs/stock.input';
import { StockChangeResult, StockSettingsResult } from './results/inventory.result';
import { StockLevelType } from './types/stock-level.type';
import { StockChangeType } from './types/stock-movement.type';

/** Store managers (of that store) and admins change stock here. */
@Resolver()
export class StockManagementResolver {
  constructor(private readonly management: StockManagementService) {}

  @Mutation(() => StockChangeResult, { description: 'Books a delivery in: RECEIPT movements.' })
  @Allow(...Managers)
  @Transaction()
  async receiveStock(@Ctx() ctx: RequestContext, @Args('input') input: ReceiveStockInput): Promise<typeof StockChangeResult> {
    const result = await this.management.receive(ctx, { storeId: input.storeId, lines: input.lines, reference: input.reference });
    return isErrorResult(result) ? result : StockChangeType.from(result);
  }

  @Mutation(() => StockChangeResult, { description: 'Corrects on hand by a signed amount, with a reason: an ADJUSTMENT movement.' })
  @Allow(...Managers)
  @Transaction()
  async adjustStock(@Ctx() ctx: RequestContext, @Args('input') input: AdjustStockInput): Promise<typeof StockChangeResult> {
    const result = await this.management.adjust(ctx, input);
    return isErrorResult(result) ? result : StockChangeType.from(result);
  }

  @Mutation(() => StockChangeResult, {
    description: 'A cycle count: sets on hand to what was counted (differences become COUNT_CORRECTION movements) and clears needsRecount.',
  })
  @Allow(...Managers)
  @Transaction()
  async recordStockCount(@Ctx() ctx: RequestContext, @Args('input') input: RecordStockCountInput): Promise<typeof StockChangeResult> {
    const result = await this.management.recordCount(ctx, {
      storeId: input.storeId,
      lines: input.lines.map((line) => ({ variantId: line.variantId, quantity: line.countedQuantity })),
    });
    return isErrorResult(result) ? result : StockChangeType.from(result);
  }

  @Mutation(() => StockSettingsResult, { description: 'Safety stock and low-stock threshold of one variant at one store.' })
  @Allow(...Managers)
  @Transaction()
  async updateStockSettings(@Ctx() ctx: RequestContext, @Args('input') input: UpdateStockSettingsInput): Promise<typeof StockSettingsResult> {
    const result = await this.management.updateSettings(ctx, {
      storeId: input.storeId,
      variantId: input.variantId,
      safetyStock: input.safetyStock ?? undefined,
      lowStockThreshold: input.lowStockThreshold,
    });
    return isErrorResult(result) ? result : StockLevelType.fromView(result);
  }
}
