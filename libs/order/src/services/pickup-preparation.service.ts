import { Injectable } from '@nestjs/common';
import { RequestContext } from '@omnitill/common';
import { StoreService } from '@omnitill/store';
import { OrderState } from '../entities/order.enums';
import { OrderStateTransitionError } from '../errors/order.errors';
import { OrderDetails, OrderRepository } from '../repositories/order.repository';
import { staffHandles, visibleOrFail } from '../rules/order-access';
import { OrderTransitionService } from './order-transition.service';
import { PickupCredentialsService } from './pickup-credentials.service';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What staff hand to the customer (by email/SMS in production) when an order is ready. */
export interface PickupCredentials {
  readonly details: OrderDetails;
  /** The numeric code, shown this once; only its keyed hash is stored. */
  readonly code: string;
  /** The signed token the QR code holds. */
  readonly qrToken: string;
}

/** Staff of the pickup store: start picking, then mark ready (issuing the pickup code and QR). */
@Injectable()
export class PickupPreparationService {
  constructor(
    private readonly orders: OrderRepository,
    private readonly transitions: OrderTransitionService,
    private readonly credentials: PickupCredentialsService,
    private readonly stores: StoreService,
  ) {}

  async startPicking(ctx: RequestContext, orderId: string): Promise<OrderDetails | OrderStateTransitionError> {
    const order = visibleOrFail(await this.orders.findById(ctx, orderId), (o) => staffHandles(ctx, o), orderId);
    const result = await this.transitions.transition(ctx, order, OrderState.PICKING, { reason: 'picking started' });
    return result instanceof OrderStateTransitionError ? result : this.reload(ctx, orderId);
  }

  /**
   * Ready for pickup: issues a fresh code and QR (any earlier ones stop working), resets failed
   * attempts, and starts the hold: the order expires after the store's hold period.
   */
  async markReady(ctx: RequestContext, orderId: string): Promise<PickupCredentials | OrderStateTransitionError> {
    const order = visibleOrFail(await this.orders.findById(ctx, orderId), (o) => staffHandles(ctx, o), orderId);
    const store = await this.stores.getById(ctx, order.storeId);
    const issued = this.credentials.issue(order.id);
    const reservationExpiry = order.expiresAt;
    const result = await this.transitions.transition(ctx, order, OrderState.READY_FOR_PICKUP, {
      reason: 'ready for pickup',
      patch: (now) => {
        const holdEnds = now.getTime() + store.holdPeriodDays * DAY_MS;
        return {
          readyAt: now,
          // Never beyond the reservation's own expiry: the units must still be held at the counter.
          expiresAt: new Date(reservationExpiry ? Math.min(holdEnds, reservationExpiry.getTime()) : holdEnds),
          pickupCodeHash: issued.codeHash,
          pickupTokenNonce: issued.nonce,
          failedPickupAttempts: 0,
          pickupLockedUntil: null,
        };
      },
    });
    if (result instanceof OrderStateTransitionError) {
      return result;
    }
    return { details: await this.reload(ctx, orderId), code: issued.code, qrToken: issued.qrToken };
  }

  private async reload(ctx: RequestContext, orderId: string): Promise<OrderDetails> {
    const [details] = await this.orders.loadDetails(ctx, [orderId]);
    return details;
  }
}
