import { Injectable } from '@nestjs/common';
import { EventOutbox, RequestContext, TransactionRunner } from '@omnitill/common';
import { CustomerProfileService } from '@omnitill/customer';
import { AppliedSourceType } from '../entities/recommendation.entities';
import { CoPurchaseRepository } from '../repositories/co-purchase.repository';
import { PurchaseSource, PurchaseSourceRepository } from '../repositories/purchase-source.repository';
import { applyBasketDeltas } from '../rules/basket-change';

/**
 * A pair's stored score is written with the n of both products at the pair's last write; when a
 * product's n has moved more than this fraction since its scores were last recomputed, the
 * catch-up recomputes them (the stored score only orders candidates; results show the exact one).
 */
export const RESCORE_DRIFT = 0.1;

const negate = (units: ReadonlyMap<string, number>): Map<string, number> => new Map([...units].map(([productId, n]) => [productId, -n]));

/**
 * Folds one committed change (a sale, a collected or shipped order, a void, a return) into the
 * co-purchase counts, exactly once: each runs in its own transaction that claims a marker
 * (ON CONFLICT DO NOTHING) under an advisory lock on the basket, so retries, redeliveries and
 * several replicas applying the same event change the counts once.
 */
@Injectable()
export class CoPurchaseUpdater {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly sources: PurchaseSourceRepository,
    private readonly counts: CoPurchaseRepository,
    private readonly profiles: CustomerProfileService,
    private readonly outbox: EventOutbox,
  ) {}

  /** A completed order's units count. Returns false when there was nothing (yet) to apply. */
  applyOrder(ctx: RequestContext, orderId: string): Promise<boolean> {
    return this.transactions.run(ctx, async (tx) => {
      const order = await this.sources.order(tx, orderId);
      if (!order) {
        return false;
      }
      await this.counts.lockBasket(tx, order.basketId);
      return this.applyOrderLocked(tx, order, true);
    });
  }

  /** A voided sale stops counting (if it was counted). */
  applyVoid(ctx: RequestContext, orderId: string): Promise<boolean> {
    return this.transactions.run(ctx, async (tx) => {
      const order = await this.sources.order(tx, orderId);
      if (!order || order.state !== 'VOIDED') {
        return false;
      }
      await this.counts.lockBasket(tx, order.basketId);
      if (!(await this.counts.claim(tx, AppliedSourceType.VOID, order.orderId))) {
        return false;
      }
      // Claiming ORDER now means it was never counted, and never will be.
      if (await this.counts.claim(tx, AppliedSourceType.ORDER, order.orderId)) {
        return true;
      }
      await this.applyUnits(tx, order, negate(await this.sources.orderUnits(tx, order.orderId)));
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
      const order = await this.sources.order(tx, request.orderId);
      if (!order || !PurchaseSourceRepository.isPurchased(order.state)) {
        return false;
      }
      await this.counts.lockBasket(tx, order.basketId);
      await this.applyOrderLocked(tx, order, false);
      if (!(await this.counts.claim(tx, AppliedSourceType.RETURN, request.returnId))) {
        return false;
      }
      await this.applyUnits(tx, order, negate(await this.sources.returnUnits(tx, request.returnId)));
      return true;
    });
  }

  private async applyOrderLocked(tx: RequestContext, order: PurchaseSource, announce: boolean): Promise<boolean> {
    if (order.state === 'VOIDED') {
      // Voided before it was counted: mark both, so neither is applied later.
      await this.counts.claim(tx, AppliedSourceType.VOID, order.orderId);
      await this.counts.claim(tx, AppliedSourceType.ORDER, order.orderId);
      return false;
    }
    if (!PurchaseSourceRepository.isPurchased(order.state) || !(await this.counts.claim(tx, AppliedSourceType.ORDER, order.orderId))) {
      return false;
    }
    const units = await this.sources.orderUnits(tx, order.orderId);
    await this.applyUnits(tx, order, units);
    if (announce && order.customerId !== null) {
      await this.announce(tx, order, [...units.keys()]);
    }
    return true;
  }

  private async applyUnits(tx: RequestContext, order: PurchaseSource, units: ReadonlyMap<string, number>): Promise<void> {
    const before = await this.counts.basket(tx, order.basketId);
    await this.counts.applyChange(tx, order.basketId, before, applyBasketDeltas(before, units));
    await this.counts.addDailySales(tx, order.storeId, order.occurredAt, units);
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

  /** `customer.recommendations_ready`, for the follow-up email; never for an erased or merged-away profile. */
  private async announce(tx: RequestContext, order: PurchaseSource, productIds: string[]): Promise<void> {
    const customerId = order.customerId;
    if (customerId === null || (await this.profiles.resolveLive(tx, customerId))?.id !== customerId) {
      return;
    }
    await this.outbox.record(tx, {
      type: 'customer.recommendations_ready',
      storeId: order.storeId,
      channel: order.channel,
      customerId,
      aggregateType: 'customer',
      aggregateId: customerId,
      consent: await this.profiles.marketingConsentOf(tx, customerId),
      payload: { customerId, orderId: order.orderId, orderNumber: order.number, storeId: order.storeId, purchasedProductIds: productIds },
    });
  }
}
