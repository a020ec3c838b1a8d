import { Injectable, OnModuleInit } from '@nestjs/common';
import { Clock, Money, RequestContext } from '@omnitill/common';
import {
  CustomerChannel, CustomerDataExporter, CustomerDataExporterRegistry, CustomerErasureParticipant, CustomerErasureRegistry,
  CustomerMergeParticipant, CustomerMergeRegistry, CustomerTimelineRegistry, CustomerTimelineSource, JsonObject, TimelineEntry,
  TimelineEntryKind,
} from '@omnitill/customer';
import { OrderChannel, OrderFulfilment, OrderState } from '../entities/order.enums';
import { OrderCustomerRepository, OrderTouchpointRow } from '../repositories/order-customer.repository';
import { OrderRepository } from '../repositories/order.repository';

const PARTICIPANT_NAME = 'order';
const EXPORT_LIMIT = 10_000;

// Each participant registers itself with the customer lib's registry when the module starts.

/** Merging profiles moves the duplicate's orders and sales to the survivor. */
@Injectable()
export class OrderMergeParticipant implements CustomerMergeParticipant, OnModuleInit {
  readonly name = PARTICIPANT_NAME;

  constructor(
    private readonly orders: OrderRepository,
    private readonly clock: Clock,
    private readonly registry: CustomerMergeRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  reassign(ctx: RequestContext, fromCustomerId: string, toCustomerId: string): Promise<number> {
    return this.orders.reassignCustomer(ctx, fromCustomerId, toCustomerId, this.clock.now());
  }
}

/** Erasure keeps the orders (the books need them) and removes the contact details and delivery address. */
@Injectable()
export class OrderErasureParticipant implements CustomerErasureParticipant, OnModuleInit {
  readonly name = PARTICIPANT_NAME;

  constructor(
    private readonly orders: OrderRepository,
    private readonly clock: Clock,
    private readonly registry: CustomerErasureRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  anonymise(ctx: RequestContext, customerId: string): Promise<number> {
    return this.orders.anonymiseCustomer(ctx, customerId, this.clock.now());
  }
}

/** The `order` section of a data export: every order and sale with its lines and payments. */
@Injectable()
export class OrderDataExporter implements CustomerDataExporter, OnModuleInit {
  readonly name = PARTICIPANT_NAME;

  constructor(
    private readonly orders: OrderRepository,
    private readonly customerOrders: OrderCustomerRepository,
    private readonly registry: CustomerDataExporterRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async exportData(ctx: RequestContext, customerId: string): Promise<JsonObject> {
    const details = await this.orders.loadDetails(ctx, await this.customerOrders.orderIdsOf(ctx, customerId, EXPORT_LIMIT));
    return {
      orders: details.map(({ order, lines, payments }) => ({
        number: order.number,
        channel: order.channel,
        fulfilment: order.fulfilment,
        state: order.state,
        storeId: order.storeId,
        occurredAt: order.occurredAt.toISOString(),
        contact: { email: order.guestEmail, phone: order.guestPhone, name: order.contactName },
        shippingAddress: order.shippingAddress ? { ...order.shippingAddress } : null,
        currency: order.currency,
        totalAmount: order.totalAmount,
        discountAmount: order.discountAmount,
        couponCode: order.couponCode,
        lines: lines.map((line) => ({ sku: line.sku, name: line.name, quantity: line.quantity, totalAmount: line.totalAmount, returnedQuantity: line.returnedQuantity })),
        payments: payments.map((payment) => ({ method: payment.method, amount: payment.amount })),
      })),
    };
  }
}

const KIND_BY_STATE: Readonly<Partial<Record<OrderState, TimelineEntryKind>>> = {
  [OrderState.PLACED]: TimelineEntryKind.ORDER_PLACED,
  [OrderState.PICKED_UP]: TimelineEntryKind.ORDER_PICKED_UP,
  [OrderState.CANCELLED]: TimelineEntryKind.ORDER_CANCELLED,
  [OrderState.COMPLETED]: TimelineEntryKind.POS_SALE,
};

function summaryOf(row: OrderTouchpointRow): string {
  const total = new Money(row.total_amount, row.currency.trim()).format();
  switch (row.to_state) {
    case OrderState.PLACED:
      return `Order ${row.number} placed online for ${row.fulfilment === OrderFulfilment.SHIP ? 'delivery' : 'pickup'}: ${total}`;
    case OrderState.PICKED_UP:
      return `Order ${row.number} picked up in store`;
    case OrderState.CANCELLED:
      return `Order ${row.number} cancelled`;
    case OrderState.COMPLETED:
      return `Bought in store (${row.number}): ${total}`;
    case OrderState.PICKING:
    case OrderState.READY_FOR_PICKUP:
    case OrderState.SHIPPED:
    case OrderState.EXPIRED:
    case OrderState.VOIDED:
      return `Order ${row.number}: ${row.to_state}`;
  }
}

/** Online orders (placed, picked up, cancelled) and till sales on the customer timeline. */
@Injectable()
export class OrderTimelineSource implements CustomerTimelineSource, OnModuleInit {
  readonly name = PARTICIPANT_NAME;

  constructor(
    private readonly customerOrders: OrderCustomerRepository,
    private readonly registry: CustomerTimelineRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async latestEntries(ctx: RequestContext, customerId: string, limit: number): Promise<TimelineEntry[]> {
    const rows = await this.customerOrders.latestTouchpoints(ctx, customerId, limit);
    return rows.map((row) => ({
      occurredAt: row.occurred_at,
      kind: KIND_BY_STATE[row.to_state] ?? TimelineEntryKind.ORDER_PLACED,
      channel: row.channel === OrderChannel.POS ? CustomerChannel.POS : CustomerChannel.ONLINE,
      storeId: row.store_id,
      summary: summaryOf(row),
      referenceId: row.order_id,
    }));
  }

  countEntries(ctx: RequestContext, customerId: string): Promise<number> {
    return this.customerOrders.countTouchpoints(ctx, customerId);
  }
}
