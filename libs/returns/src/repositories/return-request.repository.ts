import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { entityManagerOf, queryRows, RequestContext } from '@omnitill/common';
import { ReturnLineEntity } from '../entities/return-line.entity';
import { ReturnRequestEntity } from '../entities/return-request.entity';
import { ReturnState } from '../entities/return.enums';
import { sumsById } from './sql-rows';

export type NewReturnRequest = Omit<ReturnRequestEntity, 'order' | 'receivingStore'>;
export type NewReturnLine = Omit<ReturnLineEntity, 'returnRequest' | 'orderLine' | 'variant'>;

/** A return with its lines. */
export interface ReturnWithLines {
  readonly request: ReturnRequestEntity;
  readonly lines: ReturnLineEntity[];
}

/** Returns that count against what an order line paid: the goods came back. */
const SETTLED_STATES = [ReturnState.RECEIVED, ReturnState.REFUNDED];

@Injectable()
export class ReturnRequestRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The order's next return number (1, 2...). An atomic upsert: the row stays locked until the
   * transaction ends, so every return of one order queues here first, in one fixed lock order.
   */
  async nextNumber(ctx: RequestContext, orderId: string): Promise<number> {
    const [row] = await queryRows<{ last_value: number }>(
      entityManagerOf(ctx, this.dataSource),
      `INSERT INTO return_number_sequence AS s (order_id, last_value) VALUES ($1, 1)
       ON CONFLICT (order_id) DO UPDATE SET last_value = s.last_value + 1
       RETURNING s.last_value`,
      [orderId],
    );
    return row.last_value;
  }

  async insert(ctx: RequestContext, request: NewReturnRequest, lines: readonly NewReturnLine[]): Promise<ReturnWithLines> {
    const manager = entityManagerOf(ctx, this.dataSource);
    await manager.insert(ReturnRequestEntity, request);
    await manager.insert(ReturnLineEntity, [...lines]);
    return {
      request: Object.assign(new ReturnRequestEntity(), request),
      lines: lines.map((line) => Object.assign(new ReturnLineEntity(), line)),
    };
  }

  findById(ctx: RequestContext, id: string): Promise<ReturnRequestEntity | null> {
    return entityManagerOf(ctx, this.dataSource).findOneBy(ReturnRequestEntity, { id });
  }

  /** Locks the return until the transaction ends (receive, reject and expiry race on it). */
  findByIdForUpdate(ctx: RequestContext, id: string): Promise<ReturnRequestEntity | null> {
    return entityManagerOf(ctx, this.dataSource).findOne(ReturnRequestEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Returns with their lines, in the order of `requests`: one query for the lines. */
  async withLines(ctx: RequestContext, requests: readonly ReturnRequestEntity[]): Promise<ReturnWithLines[]> {
    if (requests.length === 0) {
      return [];
    }
    const lines = await entityManagerOf(ctx, this.dataSource).find(ReturnLineEntity, {
      where: { returnId: In(requests.map((request) => request.id)) },
      order: { orderLineId: 'ASC', id: 'ASC' },
    });
    return requests.map((request) => ({ request, lines: lines.filter((line) => line.returnId === request.id) }));
  }

  findByClientReturnId(ctx: RequestContext, clientReturnId: string): Promise<ReturnRequestEntity | null> {
    return entityManagerOf(ctx, this.dataSource).findOneBy(ReturnRequestEntity, { clientReturnId: clientReturnId.toLowerCase() });
  }

  /** The return whose value paid for this replacement sale (exchanges), if any. */
  findByExchangeOrder(ctx: RequestContext, exchangeOrderId: string): Promise<ReturnRequestEntity | null> {
    return entityManagerOf(ctx, this.dataSource).findOneBy(ReturnRequestEntity, { exchangeOrderId });
  }

  /** Every return of an order, oldest first. */
  byOrder(ctx: RequestContext, orderId: string): Promise<ReturnRequestEntity[]> {
    return entityManagerOf(ctx, this.dataSource).find(ReturnRequestEntity, { where: { orderId }, order: { createdAt: 'ASC', number: 'ASC' } });
  }

  /** Every return of these orders, oldest first (the Order.returns field of a list). */
  byOrders(ctx: RequestContext, orderIds: readonly string[]): Promise<ReturnRequestEntity[]> {
    if (orderIds.length === 0) {
      return Promise.resolve([]);
    }
    return entityManagerOf(ctx, this.dataSource).find(ReturnRequestEntity, { where: { orderId: In([...orderIds]) }, order: { createdAt: 'ASC', number: 'ASC' } });
  }

  /** Money already refunded per order line by returns whose goods came back. */
  async refundedByOrderLine(ctx: RequestContext, orderId: string): Promise<Map<string, number>> {
    const rows = await queryRows<{ id: string; amount: string }>(
      entityManagerOf(ctx, this.dataSource),
      `SELECT l.order_line_id AS id, sum(l.refund_amount) AS amount
       FROM return_line l JOIN return_request r ON r.id = l.return_id
       WHERE r.order_id = $1 AND r.state = ANY($2::return_state[])
       GROUP BY l.order_line_id`,
      [orderId, SETTLED_STATES],
    );
    return sumsById(rows);
  }

  /** Units per order line promised back by authorisations that have not lapsed. */
  async outstandingAuthorisedUnits(ctx: RequestContext, orderId: string, now: Date): Promise<Map<string, number>> {
    const rows = await queryRows<{ id: string; amount: string }>(
      entityManagerOf(ctx, this.dataSource),
      `SELECT l.order_line_id AS id, sum(l.quantity) AS amount
       FROM return_line l JOIN return_request r ON r.id = l.return_id
       WHERE r.order_id = $1 AND r.state = 'AUTHORISED' AND r.authorised_expires_at > $2
       GROUP BY l.order_line_id`,
      [orderId, now],
    );
    return sumsById(rows);
  }

  async update(ctx: RequestContext, id: string, patch: Partial<NewReturnRequest>): Promise<void> {
    await entityManagerOf(ctx, this.dataSource).update(ReturnRequestEntity, { id }, patch);
  }

  /** Sets condition and refund of authorised lines once the goods are in hand (one statement). */
  async settleLines(ctx: RequestContext, lines: readonly Pick<ReturnLineEntity, 'id' | 'condition' | 'refundAmount'>[]): Promise<void> {
    await entityManagerOf(ctx, this.dataSource).query(
      `UPDATE return_line l SET condition = x.condition::return_item_condition, refund_amount = x.refund_amount
       FROM unnest($1::uuid[], $2::text[], $3::int[]) AS x(id, condition, refund_amount)
       WHERE l.id = x.id`,
      [lines.map((line) => line.id), lines.map((line) => line.condition), lines.map((line) => line.refundAmount)],
    );
  }

  /** Moves lapsed authorisations to EXPIRED; returns how many. */
  async expireLapsed(ctx: RequestContext, now: Date, limit: number): Promise<number> {
    const rows = await queryRows<{ id: string }>(
      entityManagerOf(ctx, this.dataSource),
      `UPDATE return_request SET state = 'EXPIRED', expired_at = $1, updated_at = $1
       WHERE id IN (
         SELECT id FROM return_request WHERE state = 'AUTHORISED' AND authorised_expires_at <= $1
         ORDER BY authorised_expires_at LIMIT $2 FOR UPDATE SKIP LOCKED
       ) RETURNING id`,
      [now, limit],
    );
    return rows.length;
  }

  /** A customer's newest returns (idx_return_request_customer_created). */
  latestOfCustomer(ctx: RequestContext, customerId: string, limit: number): Promise<ReturnRequestEntity[]> {
    return entityManagerOf(ctx, this.dataSource).find(ReturnRequestEntity, { where: { customerId }, order: { createdAt: 'DESC', id: 'DESC' }, take: limit });
  }

  countOfCustomer(ctx: RequestContext, customerId: string): Promise<number> {
    return entityManagerOf(ctx, this.dataSource).countBy(ReturnRequestEntity, { customerId });
  }

  /** Merging profiles: the duplicate's returns move to the survivor. */
  async reassignCustomer(ctx: RequestContext, fromCustomerId: string, toCustomerId: string, at: Date): Promise<number> {
    const rows = await queryRows<{ id: string }>(
      entityManagerOf(ctx, this.dataSource),
      'UPDATE return_request SET customer_id = $2, updated_at = $3 WHERE customer_id = $1 RETURNING id',
      [fromCustomerId, toCustomerId, at],
    );
    return rows.length;
  }
}
