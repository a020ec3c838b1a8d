import { Injectable } from '@nestjs/common';
import { Page, RequestContext } from '@omnitill/common';
import { StockMovementEntity } from '../entities/stock-movement.entity';
import { StockLevelFilter, StockLevelRepository, StockLevelView } from '../repositories/stock-level.repository';
import { StockMovementRepository } from '../repositories/stock-movement.repository';
import { StockTargetService } from './stock-target.service';

/** Most low-stock lines returned at once; a store with more pages through stockLevels(lowStockOnly). */
export const MAX_LOW_STOCK_LINES = 500;

/** What a store's staff (and support, admins) read: stock lists and the ledger. */
@Injectable()
export class StockQueryService {
  constructor(
    private readonly targets: StockTargetService,
    private readonly levels: StockLevelRepository,
    private readonly movements: StockMovementRepository,
  ) {}

  async listLevels(ctx: RequestContext, storeId: string, filter: StockLevelFilter, skip: number, take: number): Promise<Page<StockLevelView>> {
    ctx.assertCanActInStore(storeId);
    await this.targets.getStore(ctx, storeId);
    return this.levels.list(ctx, storeId, { ...filter, sku: filter.sku?.toUpperCase() }, skip, take);
  }

  async lowStock(ctx: RequestContext, storeId: string): Promise<StockLevelView[]> {
    const page = await this.listLevels(ctx, storeId, { lowStockOnly: true }, 0, MAX_LOW_STOCK_LINES);
    return page.items;
  }

  async listMovements(ctx: RequestContext, storeId: string, variantId: string, skip: number, take: number): Promise<Page<StockMovementEntity>> {
    ctx.assertCanActInStore(storeId);
    await this.targets.getStore(ctx, storeId);
    await this.targets.assertVariantsExist(ctx, [variantId]);
    return this.movements.listForLevel(ctx, storeId, variantId.toLowerCase(), skip, take);
  }
}
