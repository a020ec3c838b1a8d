import { Injectable } from '@nestjs/common';
import { integerSetting, isUniqueViolation, NotFoundException, Page, RequestContext } from '@omnitill/common';
import { StoreEntity } from '../entities/store.entity';
import { CreateStoreInput, UpdateStoreInput } from '../api/inputs/store.input';
import { DuplicateStoreCodeError } from '../errors/store.errors';
import { StoreListQuery, StoreRepository } from '../repositories/store.repository';

/** How long a store read by `getRecent` is reused (STORE_CACHE_SECONDS, 0 turns it off). */
const RECENT_STORE_MS = integerSetting(process.env, 'STORE_CACHE_SECONDS', 5, 0, 300) * 1000;

@Injectable()
export class StoreService {
  private readonly recent = new Map<string, { readonly store: StoreEntity; readonly readAt: number }>();

  constructor(private readonly stores: StoreRepository) {}

  /**
   * The store as read at most STORE_CACHE_SECONDS ago (default 5), for hot paths that need its
   * constants (code, time zone, tax settings) on every request, such as a till's sale. Changes made
   * through this process are seen at once, other replicas' within that time. Read-only: never
   * modify what it returns.
   */
  async getRecent(ctx: RequestContext, id: string): Promise<StoreEntity> {
    const now = performance.now();
    const cached = this.recent.get(id);
    if (cached && now - cached.readAt < RECENT_STORE_MS) {
      return cached.store;
    }
    const store = await this.getById(ctx, id);
    if (RECENT_STORE_MS > 0) {
      this.recent.set(id, { store, readAt: now });
    }
    return store;
  }

  async getById(ctx: RequestContext, id: string): Promise<StoreEntity> {
    const store = await this.stores.findById(ctx, id);
    if (!store) {
      throw new NotFoundException('Store', id);
    }
    return store;
  }

  findById(ctx: RequestContext, id: string): Promise<StoreEntity | null> {
    return this.stores.findById(ctx, id);
  }

  findByIds(ctx: RequestContext, ids: readonly string[]): Promise<StoreEntity[]> {
    return this.stores.findByIds(ctx, ids);
  }

  findByCode(ctx: RequestContext, code: string): Promise<StoreEntity | null> {
    return this.stores.findByCode(ctx, code.toUpperCase());
  }

  list(ctx: RequestContext, query: StoreListQuery): Promise<Page<StoreEntity>> {
    return this.stores.list(ctx, query);
  }

  async create(ctx: RequestContext, input: CreateStoreInput): Promise<StoreEntity | DuplicateStoreCodeError> {
    if (await this.stores.findByCode(ctx, input.code)) {
      return new DuplicateStoreCodeError(input.code);
    }
    try {
      return await this.stores.insert(ctx, {
        code: input.code,
        name: input.name,
        addressLine1: input.address.line1,
        addressLine2: input.address.line2 ?? null,
        city: input.address.city,
        postalCode: input.address.postalCode,
        countryCode: input.address.countryCode,
        timezone: input.timezone,
        latitude: input.latitude,
        longitude: input.longitude,
        openingHours: input.openingHours,
        sells: input.sells,
        holdsStock: input.holdsStock,
        offersPickup: input.offersPickup,
        pickupPromiseMinutes: input.pickupPromiseMinutes,
        holdPeriodDays: input.holdPeriodDays,
      });
    } catch (error) {
      // A concurrent create took the code between our check and the insert.
      if (isUniqueViolation(error, 'uq_store_code')) {
        return new DuplicateStoreCodeError(input.code);
      }
      throw error;
    }
  }

  async update(ctx: RequestContext, id: string, input: UpdateStoreInput): Promise<StoreEntity | DuplicateStoreCodeError> {
    ctx.assertCanActInStore(id);
    const store = await this.getById(ctx, id);
    if (input.code !== undefined && input.code !== store.code) {
      const holder = await this.stores.findByCode(ctx, input.code);
      if (holder) {
        return new DuplicateStoreCodeError(input.code);
      }
      store.code = input.code;
    }
    if (input.address) {
      store.addressLine1 = input.address.line1;
      store.addressLine2 = input.address.line2 ?? null;
      store.city = input.address.city;
      store.postalCode = input.address.postalCode;
      store.countryCode = input.address.countryCode;
    }
    const { code: _code, address: _address, ...scalars } = input;
    for (const [key, value] of Object.entries(scalars)) {
      if (value !== undefined && value !== null) {
        Object.assign(store, { [key]: value });
      }
    }
    try {
      const saved = await this.stores.save(ctx, store);
      this.recent.delete(id);
      return saved;
    } catch (error) {
      if (isUniqueViolation(error, 'uq_store_code')) {
        return new DuplicateStoreCodeError(store.code);
      }
      throw error;
    }
  }
}
