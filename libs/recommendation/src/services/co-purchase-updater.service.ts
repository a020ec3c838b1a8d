import { Injectable, Logger } from '@nestjs/common';
import { EventOutbox, RequestContext, TransactionRunner } from '@omnitill/common';
import { CustomerProfileService } from '@omnitill/customer';
import { AppliedSourceType } from '../entities/recommendation.entities';
import { CoPurchaseRepository } from '../repositories/co-purchase.repository';
import { PurchaseSource, PurchaseSourceRepository } from '../repositories/purchase-source.repository';
import { foldUnitsChanges, UnitsChange } from '../rules/counts-change';

/**
 * A pair's stored score is written with the n of both products at the pair's last write; when a
 * product's n has moved more than this fraction since its scores were last recomputed, the
 * catch-up recomputes them (the stored score only orders candidates; results show the exact one).
 */
export const RESCORE_DRIFT = 0.1;

/** A committed change the counts follow: a completed order (sale, collected, shipped), a void, a return. */
export interface CoPurchaseChange {
  readonly kind: 'ORDER' | 'VOID' | 'RETURN';
  readonly id: string;
}

interface AppliedOrder {
  readonly order: PurchaseSource;
  readonly productIds: string[];
}

const negate = (units: ReadonlyMap<string, number>): Map<string, number> => new Map([...units].map(([productId, n]) => [productId, -n]));

const unitsChange = (order: PurchaseSource, units: ReadonlyMap<string, number>): UnitsChange => ({
  basketId: order.basketId,
  storeId: order.storeId,
  day: order.occurredAt.toISOString().slice(0, 10),
  units,
});

/**
 * Folds committed changes into the co-purchase counts, exactly once: each transaction claims a
 * marker per change (ON CONFLICT DO NOTHING) under advisory locks on the baskets, so retries,
 * redeliveries and several replicas applying the same event change the counts once. Completed
 * orders, nearly every change, are applied in batches: one transaction and one statement per
 * table for the whole batch.
 */
@Injectable()
export class CoPurchaseUpdater {
  private readonly logger = new Logger(CoPurchaseUpdater.name);

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly sources: PurchaseSourceRepository,
    private readonly counts: CoPurchaseRepository,
    private readonly profiles: CustomerProfileService,
    private readonly outbox: EventOutbox,
  ) {}

  /**
   * Applies changes in the order they committed: each run of completed orders in one transaction
   * (should that fail, its orders one by one, so one bad order holds up only itself), voids and
   * returns one at a time. Returns how many changed the counts; what fails is logged and left to
   * the catch-up.
   */
  async apply(ctx: RequestContext, changes: readonly CoPurchaseChange[]): Promise<number> {
    let applied = 0;
    for (const run of runsOfOneKind(changes)) {
      if (run.kind !== 'ORDER') {
        for (const id of run.ids) {
          applied += (await this.attempt(run.kind, [id], () => (run.kind === 'VOID' ? this.applyVoid(ctx, id) : this.applyReturn(ctx, id)))) ? 1 : 0;
        }
        continue;
      }
      const batch = await this.attempt('ORDER', run.ids, () => this.applyOrders(ctx, run.ids));
      if (batch !== null || run.ids.length === 1) {
        applied += Number(batch ?? 0);
        continue;
      }
      for (const id of run.ids) {
        applied += (await this.attempt('ORDER', [id], () => this.applyOrders(ctx, [id]))) ?? 0;
      }
    }
    return applied;
  }

  /** Completed orders' units count. Returns how many were applied now (not before, not skipped). */
  applyOrders(ctx: RequestContext, orderIds: readonly string[]): Promise<number> {
    return this.transactions.run(ctx, async (tx) => {
      const position = new Map(orderIds.map((id, i) => [id, i]));
      const orders = (await this.sources.orders(tx, orderIds)).sort((a, b) => (position.get(a.orderId) ?? 0) - (position.get(b.orderId) ?? 0));
      if (orders.length === 0) {
        return 0;
      }
      await this.counts.lockBaskets(tx, orders.map((order) => order.basketId));
      const applied = await this.foldOrders(tx, orders);
      await this.announce(tx, applied);
      return applied.length;
    });
  }

  /** A voided sale stops counting (if it was counted). */
  applyVoid(ctx: RequestContext, orderId: string): Promise<boolean> {
    return this.transactions.run(ctx, async (tx) => {
      const [order] = await this.sources.orders(tx, [orderId]);
      if (!order || order.state !== 'VOIDED') {
        return false;
      }
      await this.counts.lockBaskets(tx, [order.basketId]);
      if ((await this.counts.claim(tx, AppliedSourceType.VOID, [orderId])).size === 0) {
        return false;
      }
      // Claiming ORDER now means it was never counted, and never will be.
      if ((await this.counts.claim(tx, AppliedSourceType.ORDER, [orderId])).size === 1) {
        return true;
      }
      const units = (await this.sources.unitsOfOrders(tx, [orderId])).get(orderId) ?? new Map<string, number>();
      await this.writeChanges(tx, [unitsChange(order, negate(units))]);
      return true;
    });
  }

  /** A received return's units stop counting. The order is applied first if it was not yet. */
  applyReturn(ctx: RequestContext, returnId: string): Promise<boolean> {
    return this.transactions.run(ctx, async (tx) => {
      const request = await this.sources.returnRequest(tx, returnId);
      if (!request || !PurchaseSourceRepository.isReturned(request.state)) {
        return false;
      }
      const [order] = await this.sources.orders(tx, [request.orderId]);
      if (!order || !PurchaseSourceRepository.isPurchased(order.state)) {
        return false;
      }
      await this.counts.lockBaskets(tx, [order.basketId]);
      await this.foldOrders(tx, [order]);
      if ((await this.counts.claim(tx, AppliedSourceType.RETURN, [returnId])).size === 0) {
        return false;
      }
      await this.writeChanges(tx, [unitsChange(order, negate(await this.sources.returnUnits(tx, returnId)))]);
      return true;
    });
  }

  /** Runs one application; null (and a warning) when it failed. */
  private async attempt<T>(kind: CoPurchaseChange['kind'], ids: readonly string[], application: () => Promise<T>): Promise<T | null> {
    try {
      return await application();
    } catch (error) {
      const what = ids.length === 1 ? `${kind} ${ids[0]}` : `${ids.length} ${kind} changes`;
      this.logger.warn(`${what} not applied to the co-purchase counts (left to the catch-up): ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  }

  /**
   * Claims and applies the purchased orders among `orders` (their baskets locked). A sale voided
   * before it was counted gets both markers, so neither is applied later.
   */
  private async foldOrders(tx: RequestContext, orders: readonly PurchaseSource[]): Promise<AppliedOrder[]> {
    const voided = orders.filter((order) => order.state === 'VOIDED').map((order) => order.orderId);
    await this.counts.claim(tx, AppliedSourceType.VOID, voided);
    const purchased = orders.filter((order) => PurchaseSourceRepository.isPurchased(order.state));
    const claimed = await this.counts.claim(tx, AppliedSourceType.ORDER, [...voided, ...purchased.map((order) => order.orderId)]);
    const applying = purchased.filter((order) => claimed.has(order.orderId));
    if (applying.length === 0) {
      return [];
    }
    const units = await this.sources.unitsOfOrders(tx, applying.map((order) => order.orderId));
    const kept = (order: PurchaseSource) => units.get(order.orderId) ?? new Map<string, number>();
    await this.writeChanges(tx, applying.map((order) => unitsChange(order, kept(order))));
    return applying.map((order) => ({ order, productIds: [...kept(order).keys()] }));
  }

  private async writeChanges(tx: RequestContext, changes: readonly UnitsChange[]): Promise<void> {
    const holdings = await this.counts.holdings(tx, [...new Set(changes.map((change) => change.basketId))]);
    await this.counts.write(tx, foldUnitsChanges(holdings, changes));
  }

  /**
   * Recomputes the pair scores of up to `limit` products whose n drifted by more than
   * RESCORE_DRIFT since their last rescore (each in its own short transaction; a product whose
   * buyer row an applier holds is left for the next run). Returns how many were rescored.
   */
  async rescoreDrifted(ctx: RequestContext, limit: number): Promise<number> {
    const products = await this.transactions.run(ctx, (tx) => this.counts.driftedProducts(tx, RESCORE_DRIFT, limit));
    let rescored = 0;
    for (const productId of products) {
      rescored += (await this.transactions.run(ctx, (tx) => this.counts.rescore(tx, productId))) ? 1 : 0;
    }
    return rescored;
  }

  /** `customer.recommendations_ready` per applied order, for the follow-up email; never for an erased or merged-away profile. */
  private async announce(tx: RequestContext, applied: readonly AppliedOrder[]): Promise<void> {
    const customerIds = [...new Set(applied.flatMap(({ order }) => (order.customerId === null ? [] : [order.customerId])))];
    if (customerIds.length === 0) {
      return;
    }
    const live = await this.profiles.liveAmong(tx, customerIds);
    const announced = applied.flatMap(({ order, productIds }) => (order.customerId !== null && live.has(order.customerId) ? [{ order, productIds, customerId: order.customerId }] : []));
    if (announced.length === 0) {
      return;
    }
    const consents = await this.profiles.marketingConsentsOf(tx, [...live]);
    await this.outbox.record(
      tx,
      announced.map(({ order, productIds, customerId }) => ({
        type: 'customer.recommendations_ready',
        storeId: order.storeId,
        channel: order.channel,
        customerId,
        aggregateType: 'customer',
        aggregateId: customerId,
        consent: consents.get(customerId) ?? null,
        payload: { customerId, orderId: order.orderId, orderNumber: order.number, storeId: order.storeId, purchasedProductIds: productIds },
      })),
    );
  }
}

/** Consecutive changes of one kind, in order: [O, O, V, O] → [O, O], [V], [O]. */
function runsOfOneKind(changes: readonly CoPurchaseChange[]): { kind: CoPurchaseChange['kind']; ids: string[] }[] {
  const runs: { kind: CoPurchaseChange['kind']; ids: string[] }[] = [];
  for (const change of changes) {
    const last = runs[runs.length - 1];
    if (last?.kind === change.kind) {
      last.ids.push(change.id);
    } else {
      runs.push({ kind: change.kind, ids: [change.id] });
    }
  }
  return runs;
}
