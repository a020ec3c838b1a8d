import { Inject, Injectable } from '@nestjs/common';
import { Clock, RequestContext } from '@omnitill/common';
import { StoreService } from '@omnitill/store';
import { ReturnPolicyRepository } from '../repositories/return-policy.repository';
import { RETURNS_OPTIONS, ReturnsOptions } from '../returns.options';

export interface StoreReturnPolicy {
  readonly storeId: string;
  readonly windowDays: number;
  /** True when the store sets no window of its own and RETURN_WINDOW_DAYS applies. */
  readonly isDefault: boolean;
}

/** Each store's return window: its own, or the configured default. */
@Injectable()
export class ReturnPolicyService {
  constructor(
    private readonly policies: ReturnPolicyRepository,
    private readonly stores: StoreService,
    private readonly clock: Clock,
    @Inject(RETURNS_OPTIONS) private readonly options: ReturnsOptions,
  ) {}

  async policyOf(ctx: RequestContext, storeId: string): Promise<StoreReturnPolicy> {
    const policy = await this.policies.findByStore(ctx, storeId);
    return policy
      ? { storeId, windowDays: policy.windowDays, isDefault: false }
      : { storeId, windowDays: this.options.returnWindowDays, isDefault: true };
  }

  /** Sets a store's window; null goes back to the default. NOT_FOUND for an unknown store. */
  async setWindow(ctx: RequestContext, storeId: string, windowDays: number | null): Promise<StoreReturnPolicy> {
    await this.stores.getById(ctx, storeId);
    if (windowDays === null) {
      await this.policies.remove(ctx, storeId);
    } else {
      await this.policies.upsert(ctx, { storeId, windowDays, updatedBy: ctx.actorLabel, updatedAt: this.clock.now() });
    }
    return this.policyOf(ctx, storeId);
  }
}
