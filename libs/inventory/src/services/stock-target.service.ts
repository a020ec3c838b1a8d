import { Injectable } from '@nestjs/common';
import { CatalogQueryService } from '@omnitill/catalog';
import { NotFoundException, RequestContext } from '@omnitill/common';
import { StoreEntity, StoreService } from '@omnitill/store';
import { StoreHoldsNoStockError } from '../errors/inventory.errors';

/** Checks what a stock operation points at, before anything changes. */
@Injectable()
export class StockTargetService {
  constructor(
    private readonly stores: StoreService,
    private readonly catalog: CatalogQueryService,
  ) {}

  /** The store (NOT_FOUND when missing); a typed error when it holds no stock; every variant must exist. */
  async stockingStore(ctx: RequestContext, storeId: string, variantIds: readonly string[]): Promise<StoreEntity | StoreHoldsNoStockError> {
    const store = await this.stores.getById(ctx, storeId);
    if (!store.holdsStock) {
      return new StoreHoldsNoStockError(store.id);
    }
    await this.assertVariantsExist(ctx, variantIds);
    return store;
  }

  async getStore(ctx: RequestContext, storeId: string): Promise<StoreEntity> {
    return this.stores.getById(ctx, storeId);
  }

  /** The store as read at most STORE_CACHE_SECONDS ago (NOT_FOUND when missing), for hot paths that need its id only. */
  async getRecentStore(ctx: RequestContext, storeId: string): Promise<StoreEntity> {
    return this.stores.getRecent(ctx, storeId);
  }

  /** NOT_FOUND naming the first unknown variant. Inactive variants count: stock of a retired item still moves. */
  async assertVariantsExist(ctx: RequestContext, variantIds: readonly string[]): Promise<void> {
    const wanted = [...new Set(variantIds.map((id) => id.toLowerCase()))];
    if (wanted.length === 0) {
      return;
    }
    const found = new Set((await this.catalog.findVariantsByIds(ctx, wanted)).map((variant) => variant.id.toLowerCase()));
    const missing = wanted.find((id) => !found.has(id));
    if (missing !== undefined) {
      throw new NotFoundException('ProductVariant', missing);
    }
  }
}
