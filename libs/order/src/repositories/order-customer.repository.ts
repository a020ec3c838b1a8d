import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { entityManagerOf, queryRows, RequestContext } from '@omnitill/common';
import { OrderChannel, OrderFulfilment, OrderState } from '../entities/order.enums';

/** A touchpoint of a customer's order for the timeline: one state change worth showing. */
export interface OrderTouchpointRow {
  readonly order_id: string;
  readonly number: string;
  readonly channel: OrderChannel;
  readonly fulfilment: OrderFulfilment;
  readonly store_id: string;
  readonly currency: string;
  readonly total_amount: number;
  readonly to_state: OrderState;
  readonly occurred_at: Date;
}

/** The states that make a timeline entry: placed online, picked up, cancelled, sold at a till. */
export const TIMELINE_STATES = [OrderState.PLACED, OrderState.PICKED_UP, OrderState.CANCELLED, OrderState.COMPLETED] as const;

/** What the customer lib needs from orders: the timeline, exports. */
@Injectable()
export class OrderCustomerRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Newest first; index-backed: idx_order_customer_id, then idx_order_state_change_order_id per order. */
  latestTouchpoints(ctx: RequestContext, customerId: string, limit: number): Promise<OrderTouchpointRow[]> {
    return queryRows<OrderTouchpointRow>(
      entityManagerOf(ctx, this.dataSource),
      // A sale's first entry is dated when it happened at the till (offline sales sync later).
      `SELECT o.id AS order_id, o.number, o.channel, o.fulfilment, o.store_id, o.currency, o.total_amount, c.to_state,
              CASE WHEN c.from_state IS NULL THEN o.occurred_at ELSE c.occurred_at END AS occurred_at
       FROM "order" o JOIN order_state_change c ON c.order_id = o.id
       WHERE o.customer_id = $1 AND c.to_state = ANY($2::varchar[])
       ORDER BY 9 DESC, c.id DESC
       LIMIT $3`,
      [customerId, TIMELINE_STATES, limit],
    );
  }

  async countTouchpoints(ctx: RequestContext, customerId: string): Promise<number> {
    const [row] = await queryRows<{ count: string }>(
      entityManagerOf(ctx, this.dataSource),
      `SELECT count(*) AS count FROM "order" o JOIN order_state_change c ON c.order_id = o.id
       WHERE o.customer_id = $1 AND c.to_state = ANY($2::varchar[])`,
      [customerId, TIMELINE_STATES],
    );
    return Number(row.count);
  }

  /** Ids of the customer's orders, newest first, for the data export. */
  async orderIdsOf(ctx: RequestContext, customerId: string, limit: number): Promise<string[]> {
    const rows = await queryRows<{ id: string }>(
      entityManagerOf(ctx, this.dataSource),
      'SELECT id FROM "order" WHERE customer_id = $1 ORDER BY occurred_at DESC, id DESC LIMIT $2',
      [customerId, limit],
    );
    return rows.map((row) => row.id);
  }
}
