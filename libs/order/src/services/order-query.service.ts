import { Injectable } from '@nestjs/common';
import { ForbiddenException, NotFoundException, Page, RequestContext } from '@omnitill/common';
import { StoreService } from '@omnitill/store';
import { OrderEntity } from '../entities/order.entity';
import { OrderChannel, OrderState } from '../entities/order.enums';
import { Receipt } from '../receipts/receipt';
import { OrderListRepository, OrderSearch } from '../repositories/order-list.repository';
import { OrderDetails, OrderRepository } from '../repositories/order.repository';
import { normaliseEmail, normalisePhone } from '../rules/contact';
import { canReadOrder, visibleOrFail } from '../rules/order-access';
import { normaliseOrderNumber } from '../rules/order-number';
import { ReceiptService } from './receipt.service';

export interface StoreOrdersQuery {
  readonly storeId: string;
  readonly state?: OrderState | null;
  readonly channel?: OrderChannel | null;
  readonly day?: string | null;
  readonly skip: number;
  readonly take: number;
}

/** Reads orders for whoever may see them; anything else answers NOT_FOUND (no probing). */
@Injectable()
export class OrderQueryService {
  constructor(
    private readonly orders: OrderRepository,
    private readonly lists: OrderListRepository,
    private readonly stores: StoreService,
    private readonly receipts: ReceiptService,
  ) {}

  async getById(ctx: RequestContext, id: string): Promise<OrderDetails> {
    const order = visibleOrFail(await this.orders.findById(ctx, id), (o) => canReadOrder(ctx, o), id);
    return this.detailsOf(ctx, order);
  }

  async getByNumber(ctx: RequestContext, number: string): Promise<OrderDetails> {
    const normalised = normaliseOrderNumber(number);
    const order = visibleOrFail(await this.orders.findByNumber(ctx, normalised), (o) => canReadOrder(ctx, o), normalised);
    return this.detailsOf(ctx, order);
  }

  /** A store's orders, newest first, optionally of one state, channel and local calendar day. */
  async storeOrders(ctx: RequestContext, query: StoreOrdersQuery): Promise<Page<OrderDetails>> {
    ctx.assertCanActInStore(query.storeId);
    const store = await this.stores.getById(ctx, query.storeId);
    const page = await this.lists.byStore(ctx, {
      storeId: store.id,
      state: query.state ?? undefined,
      channel: query.channel ?? undefined,
      day: query.day ?? undefined,
      timeZone: store.timezone,
      skip: query.skip,
      take: query.take,
    });
    return this.withDetails(ctx, page);
  }

  /** Open pickup orders (new, picking, ready), the earliest promise first. */
  async pickupQueue(ctx: RequestContext, storeId: string, skip: number, take: number): Promise<Page<OrderDetails>> {
    ctx.assertCanActInStore(storeId);
    return this.withDetails(ctx, await this.lists.pickupQueue(ctx, storeId, skip, take));
  }

  /** The signed-in customer's own orders, every channel. */
  async myOrders(ctx: RequestContext, skip: number, take: number): Promise<Page<OrderDetails>> {
    if (ctx.actor.kind !== 'customer') {
      throw new ForbiddenException('Only a signed-in customer has orders of their own');
    }
    return this.withDetails(ctx, await this.lists.byCustomer(ctx, ctx.actor.customerId, skip, take));
  }

  /**
   * A customer's orders in every channel and store, for staff at any counter (a purchase may be
   * returned anywhere, found by the customer identified at the till) and for support.
   */
  async customerOrders(ctx: RequestContext, customerId: string, skip: number, take: number): Promise<Page<OrderDetails>> {
    if (!ctx.staff) {
      throw new ForbiddenException();
    }
    return this.withDetails(ctx, await this.lists.byCustomer(ctx, customerId, skip, take));
  }

  /** Support: exact match on order number, contact email or phone (whichever the text can be). */
  async search(ctx: RequestContext, text: string, skip: number, take: number): Promise<Page<OrderDetails>> {
    return this.withDetails(ctx, await this.lists.search(ctx, searchTermsOf(text), skip, take));
  }

  /**
   * The sale behind a receipt QR, for staff of any store (a purchase may be returned anywhere)
   * and support. The signed token is the proof of purchase; a forged one answers NOT_FOUND.
   */
  async getByReceiptToken(ctx: RequestContext, token: string): Promise<OrderDetails> {
    const id = this.receipts.orderIdOf(token);
    const order = id ? await this.orders.findById(ctx, id) : null;
    if (!order) {
      throw new NotFoundException('Receipt');
    }
    return this.detailsOf(ctx, order);
  }

  /** A POS sale's receipt again (reprint, e-mail), for whoever may read the sale. */
  async receipt(ctx: RequestContext, orderId: string): Promise<Receipt> {
    const details = await this.getById(ctx, orderId);
    if (details.order.channel !== OrderChannel.POS) {
      throw new NotFoundException('Receipt', orderId);
    }
    return this.receipts.build(details, await this.stores.getById(ctx, details.order.storeId));
  }

  private async detailsOf(ctx: RequestContext, order: OrderEntity): Promise<OrderDetails> {
    const [details] = await this.orders.loadDetails(ctx, [order.id]);
    return details;
  }

  private async withDetails(ctx: RequestContext, page: Page<OrderEntity>): Promise<Page<OrderDetails>> {
    return { ...page, items: await this.orders.loadDetails(ctx, page.items.map((order) => order.id)) };
  }
}

export function searchTermsOf(text: string): OrderSearch {
  const trimmed = text.trim();
  const digits = trimmed.replace(/\D/g, '');
  return {
    number: normaliseOrderNumber(trimmed),
    email: trimmed.includes('@') ? normaliseEmail(trimmed) : undefined,
    phone: /^[+\d\s()./-]+$/.test(trimmed) && digits.length >= 5 ? normalisePhone(trimmed) : undefined,
  };
}
