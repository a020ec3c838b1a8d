import { Inject, Injectable } from '@nestjs/common';
import { RequestContext } from '@omnitill/common';
import { InsufficientStockError, StoreHoldsNoStockError } from '@omnitill/inventory';
import { StoreEntity, StoreService } from '@omnitill/store';
import { ShippingAddress } from '../entities/order.entity';
import { OrderFulfilment } from '../entities/order.enums';
import { InsufficientStoreCreditError, StoreCreditNeedsSignedInCustomerError, StoreDoesNotOfferPickupError, UnknownSkuError } from '../errors/order.errors';
import { ORDER_OPTIONS, OrderOptions } from '../order.options';
import { OrderDetails } from '../repositories/order.repository';
import { normaliseEmail, normalisePhone } from '../rules/contact';
import { LineRequest, OrderLinePricer, ResolvedLine } from './order-line-pricer.service';
import { OnlineContact, OnlineOrderPlacementService } from './online-order-placement.service';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface OnlineOrderRequest {
  readonly storeId: string;
  readonly lines: readonly LineRequest[];
  readonly contact: { readonly email: string; readonly phone?: string | null; readonly name: string };
  readonly paymentReference: string;
  /** Paid from the signed-in customer's store credit (≤ the total); the provider's payment covers the rest. */
  readonly storeCreditAmount?: number | null;
  readonly clientOrderId?: string | null;
}

export interface ShipOrderRequest extends OnlineOrderRequest {
  readonly shippingAddress: Omit<ShippingAddress, 'line2'> & { readonly line2?: string | null };
}

type StoreCreditRefusal = InsufficientStoreCreditError | StoreCreditNeedsSignedInCustomerError;
export type PlacePickupOrderOutcome = OrderDetails | InsufficientStockError | StoreDoesNotOfferPickupError | UnknownSkuError | StoreCreditRefusal;
export type PlaceShipOrderOutcome = OrderDetails | InsufficientStockError | StoreHoldsNoStockError | UnknownSkuError | StoreCreditRefusal;

/** Online checkout: click-and-collect and ship orders from a store's stock, priced by the catalog. */
@Injectable()
export class CheckoutService {
  constructor(
    private readonly stores: StoreService,
    private readonly pricer: OrderLinePricer,
    private readonly placement: OnlineOrderPlacementService,
    @Inject(ORDER_OPTIONS) private readonly options: OrderOptions,
  ) {}

  /**
   * Reserves the basket at the store at once. Until the order is ready the hold runs for the
   * pickup promise plus twice the hold period; marking it ready shortens it to ready + hold period
   * (inventory cannot extend a reservation, so the first hold must cover the longest case).
   */
  async placePickupOrder(ctx: RequestContext, request: OnlineOrderRequest): Promise<PlacePickupOrderOutcome> {
    const replay = request.clientOrderId ? await this.placement.findPlaced(ctx, request.clientOrderId) : null;
    if (replay) {
      return replay;
    }
    const store = await this.stores.getRecent(ctx, request.storeId);
    if (!store.offersPickup || !store.holdsStock) {
      return new StoreDoesNotOfferPickupError(store.id);
    }
    const lines = await this.resolveLines(ctx, store, request);
    if (lines instanceof UnknownSkuError) {
      return lines;
    }
    return this.placement.place(ctx, {
      store,
      fulfilment: OrderFulfilment.PICKUP,
      lines,
      contact: contactOf(request),
      paymentReference: request.paymentReference.trim(),
      storeCreditAmount: request.storeCreditAmount ?? 0,
      clientOrderId: request.clientOrderId ?? null,
      shippingAddress: null,
      holdMs: store.pickupPromiseMinutes * 60_000 + 2 * store.holdPeriodDays * DAY_MS,
      promiseMinutes: store.pickupPromiseMinutes,
    });
  }

  /** Ships from the given store's stock: reserved now, sold when shipped, released if not shipped in time. */
  async placeShipOrder(ctx: RequestContext, request: ShipOrderRequest): Promise<PlaceShipOrderOutcome> {
    const replay = request.clientOrderId ? await this.placement.findPlaced(ctx, request.clientOrderId) : null;
    if (replay) {
      return replay;
    }
    const store = await this.stores.getRecent(ctx, request.storeId);
    if (!store.holdsStock) {
      return new StoreHoldsNoStockError(store.id);
    }
    const lines = await this.resolveLines(ctx, store, request);
    if (lines instanceof UnknownSkuError) {
      return lines;
    }
    return this.placement.place(ctx, {
      store,
      fulfilment: OrderFulfilment.SHIP,
      lines,
      contact: contactOf(request),
      paymentReference: request.paymentReference.trim(),
      storeCreditAmount: request.storeCreditAmount ?? 0,
      clientOrderId: request.clientOrderId ?? null,
      shippingAddress: { ...request.shippingAddress, line2: request.shippingAddress.line2 ?? null },
      holdMs: this.options.shipHoldDays * DAY_MS,
      promiseMinutes: null,
    });
  }

  private resolveLines(ctx: RequestContext, store: StoreEntity, request: OnlineOrderRequest): Promise<ResolvedLine[] | UnknownSkuError> {
    return this.pricer.resolve(ctx, store, request.lines.map((line) => ({ ...line, priceOverride: null })), { allowInactive: false, mergeVariants: true });
  }
}

function contactOf(request: OnlineOrderRequest): OnlineContact {
  return {
    email: normaliseEmail(request.contact.email),
    phone: request.contact.phone ? normalisePhone(request.contact.phone) : null,
    name: request.contact.name.trim(),
  };
}
