import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { entityManagerOf, EventOutbox, findPrepared, inList, NewDomainEvent, ParameterisedSql, queryPrepared, queryRows, RequestContext } from '@omnitill/common';
import { OrderLineEntity } from '../entities/order-line.entity';
import { OrderPaymentEntity } from '../entities/order-payment.entity';
import { OrderStateChangeEntity } from '../entities/order-state-change.entity';
import { OrderEntity } from '../entities/order.entity';
import { ORDER_NUMBER_DIGITS } from '../rules/order-number';
import { ColumnSpec, unnestInsert } from './sql';

/** An order with everything that belongs to it, as the API and other libs see it. */
export interface OrderDetails {
  readonly order: OrderEntity;
  readonly lines: OrderLineEntity[];
  readonly payments: OrderPaymentEntity[];
  readonly history: OrderStateChangeEntity[];
}

export type NewOrder = Omit<OrderEntity, 'number' | 'store' | 'terminal' | 'customer' | 'createdAt' | 'updatedAt'>;
export type NewOrderLine = Omit<OrderLineEntity, 'order' | 'variant'>;
export type NewOrderPayment = Omit<OrderPaymentEntity, 'order'>;
export type NewStateChange = Omit<OrderStateChangeEntity, 'id' | 'order'>;

/** What a new order holds, written in the statement that inserts it. */
export interface NewOrderContents {
  readonly lines: readonly NewOrderLine[];
  readonly payments: readonly NewOrderPayment[];
  readonly changes: readonly NewStateChange[];
  /** Events about the new order; the order's number is added to each payload. */
  readonly events: readonly NewDomainEvent[];
  /**
   * Writes of another context to run first in the same statement (a till sale's stock movements):
   * CTEs built with parameters from the number given, and the CTE the number sequence waits for.
   */
  readonly before?: (firstParam: number) => ParameterisedSql & { readonly written: string };
}

/** Which idempotency key the insert must not duplicate. */
export type IdempotencyKey = 'client-sale' | 'client-order' | 'none';

export const ORDER_COLUMNS: Readonly<Record<keyof NewOrder, ColumnSpec>> = {
  id: ['id', 'uuid'],
  channel: ['channel', 'order_channel'],
  fulfilment: ['fulfilment', 'order_fulfilment'],
  state: ['state', 'order_state'],
  storeId: ['store_id', 'uuid'],
  terminalId: ['terminal_id', 'uuid'],
  customerId: ['customer_id', 'uuid'],
  guestEmail: ['guest_email', 'varchar'],
  guestPhone: ['guest_phone', 'varchar'],
  contactName: ['contact_name', 'varchar'],
  currency: ['currency', 'char(3)'],
  subtotalAmount: ['subtotal_amount', 'int'],
  discountAmount: ['discount_amount', 'int'],
  taxAmount: ['tax_amount', 'int'],
  totalAmount: ['total_amount', 'int'],
  refundDueAmount: ['refund_due_amount', 'int'],
  clientSaleId: ['client_sale_id', 'uuid'],
  clientOrderId: ['client_order_id', 'uuid'],
  placedBy: ['placed_by', 'varchar'],
  occurredAt: ['occurred_at', 'timestamptz'],
  placedAt: ['placed_at', 'timestamptz'],
  promisedAt: ['promised_at', 'timestamptz'],
  readyAt: ['ready_at', 'timestamptz'],
  pickedUpAt: ['picked_up_at', 'timestamptz'],
  shippedAt: ['shipped_at', 'timestamptz'],
  cancelledAt: ['cancelled_at', 'timestamptz'],
  expiredAt: ['expired_at', 'timestamptz'],
  voidedAt: ['voided_at', 'timestamptz'],
  expiresAt: ['expires_at', 'timestamptz'],
  trackingNumber: ['tracking_number', 'varchar'],
  shippingAddress: ['shipping_address', 'jsonb'],
  couponCode: ['coupon_code', 'varchar'],
  paymentReference: ['payment_reference', 'varchar'],
  pickupCodeHash: ['pickup_code_hash', 'char(64)'],
  pickupTokenNonce: ['pickup_token_nonce', 'varchar'],
  failedPickupAttempts: ['failed_pickup_attempts', 'int'],
  pickupLockedUntil: ['pickup_locked_until', 'timestamptz'],
  reservationId: ['reservation_id', 'uuid'],
};

const LINE_COLUMNS: Readonly<Record<keyof NewOrderLine, ColumnSpec>> = {
  id: ['id', 'uuid'],
  orderId: ['order_id', 'uuid'],
  lineNo: ['line_no', 'int'],
  variantId: ['variant_id', 'uuid'],
  sku: ['sku', 'varchar'],
  name: ['name', 'varchar'],
  quantity: ['quantity', 'int'],
  unitPriceAmount: ['unit_price_amount', 'int'],
  listUnitPriceAmount: ['list_unit_price_amount', 'int'],
  priceOverrideReason: ['price_override_reason', 'varchar'],
  discountAmount: ['discount_amount', 'int'],
  taxRateBp: ['tax_rate_bp', 'int'],
  taxAmount: ['tax_amount', 'int'],
  totalAmount: ['total_amount', 'int'],
  refusedQuantity: ['refused_quantity', 'int'],
  returnedQuantity: ['returned_quantity', 'int'],
};

const PAYMENT_COLUMNS: Readonly<Record<keyof NewOrderPayment, ColumnSpec>> = {
  id: ['id', 'uuid'],
  orderId: ['order_id', 'uuid'],
  method: ['method', 'order_payment_method'],
  amount: ['amount', 'int'],
  tenderedAmount: ['tendered_amount', 'int'],
  changeAmount: ['change_amount', 'int'],
  externalReference: ['external_reference', 'varchar'],
  createdAt: ['created_at', 'timestamptz'],
};

export const STATE_CHANGE_COLUMNS: Readonly<Record<keyof NewStateChange, ColumnSpec>> = {
  orderId: ['order_id', 'uuid'],
  fromState: ['from_state', 'varchar'],
  toState: ['to_state', 'varchar'],
  actor: ['actor', 'varchar'],
  reason: ['reason', 'varchar'],
  occurredAt: ['occurred_at', 'timestamptz'],
};

const CONFLICT_CLAUSE: Readonly<Record<IdempotencyKey, string>> = {
  'client-sale': 'ON CONFLICT (terminal_id, client_sale_id) WHERE client_sale_id IS NOT NULL DO NOTHING',
  'client-order': 'ON CONFLICT (placed_by, client_order_id) WHERE client_order_id IS NOT NULL DO NOTHING',
  none: '',
};

/** Orders and what belongs to them: inserts, look-ups, and updates outside state transitions. */
@Injectable()
export class OrderRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: EventOutbox,
  ) {}

  /**
   * ONE statement for a new order and everything it holds: takes the next number of the store's
   * channel sequence (atomic upsert), inserts the order with it, its lines, payments and history,
   * and its events (their payload gets the number). `contents.before` runs first in the same
   * statement (the sequence waits for it), so its locks are taken before the sequence's, as when
   * it ran as a statement of its own. The sequence row stays locked until commit, so this runs
   * last in the use case's writes. Returns null when `idempotencyKey` says the order already
   * exists (none of the order is written, but `before` is); the caller must then roll back, which
   * also gives the number back, so numbers stay gap-free.
   */
  async insertNumbered(
    ctx: RequestContext,
    order: NewOrder,
    numberPrefix: string,
    idempotencyKey: IdempotencyKey,
    contents: NewOrderContents,
  ): Promise<{ id: string; number: string } | null> {
    const entries = Object.entries(ORDER_COLUMNS) as [keyof NewOrder, ColumnSpec][];
    const names = entries.map(([, [column]]) => column).join(', ');
    const values = entries.map(([, [, type]], index) => `$${index + 2}::${type}`).join(', ');
    const params: unknown[] = [numberPrefix, ...entries.map(([property]) => order[property]), order.placedAt];
    const storeParam = entries.findIndex(([property]) => property === 'storeId') + 2;
    const channelParam = entries.findIndex(([property]) => property === 'channel') + 2;
    const placedAtParam = params.length;
    const gate = 'WHERE EXISTS (SELECT 1 FROM o)';
    const lineInsert = unnestInsert('order_line', LINE_COLUMNS, contents.lines, params.length + 1, gate);
    params.push(...lineInsert.params);
    const paymentInsert = unnestInsert('order_payment', PAYMENT_COLUMNS, contents.payments, params.length + 1, gate);
    params.push(...paymentInsert.params);
    const changeInsert = unnestInsert('order_state_change', STATE_CHANGE_COLUMNS, contents.changes, params.length + 1, gate);
    params.push(...changeInsert.params);
    const eventInsert = this.outbox.insertInStatement(ctx, contents.events, {
      firstParam: params.length + 1,
      joinWith: { relation: 'o', payloadPatch: "jsonb_build_object('number', o.number)" },
    });
    params.push(...eventInsert.params);
    const before = contents.before?.(params.length + 1);
    params.push(...(before?.params ?? []));
    const sequenceRow = `$${storeParam}::uuid, $${channelParam}::varchar, 1`;
    const rows = await queryPrepared<{ id: string; number: string }>(
      entityManagerOf(ctx, this.dataSource),
      `WITH ${before ? `${before.sql},` : ''} seq AS (
        INSERT INTO order_number_sequence AS s (store_id, channel, last_value)
        ${before ? `SELECT ${sequenceRow} FROM (SELECT count(*) FROM ${before.written}) AS written_first` : `VALUES (${sequenceRow})`}
        ON CONFLICT (store_id, channel) DO UPDATE SET last_value = s.last_value + 1
        RETURNING s.last_value
      ), o AS (
        INSERT INTO "order" (number, ${names}, created_at, updated_at)
        SELECT $1::varchar || CASE WHEN seq.last_value < ${10 ** ORDER_NUMBER_DIGITS} THEN lpad(seq.last_value::text, ${ORDER_NUMBER_DIGITS}, '0') ELSE seq.last_value::text END,
               ${values}, $${placedAtParam}::timestamptz, $${placedAtParam}::timestamptz
        FROM seq
        ${CONFLICT_CLAUSE[idempotencyKey]}
        RETURNING id, number
      ),
      l AS (${lineInsert.sql}),
      p AS (${paymentInsert.sql}),
      h AS (${changeInsert.sql}),
      e AS (${eventInsert.sql})
      SELECT id, number FROM o`,
      params,
    );
    return rows[0] ?? null;
  }

  async findById(ctx: RequestContext, id: string): Promise<OrderEntity | null> {
    const [order] = await findPrepared(entityManagerOf(ctx, this.dataSource), OrderEntity, 'id = $1', [id]);
    return order ?? null;
  }

  /** Locks the order row until the transaction ends (rules that span the order and its lines). */
  async findByIdForUpdate(ctx: RequestContext, id: string): Promise<OrderEntity | null> {
    const [order] = await findPrepared(entityManagerOf(ctx, this.dataSource), OrderEntity, 'id = $1', [id], { forUpdate: true });
    return order ?? null;
  }

  findByNumber(ctx: RequestContext, number: string): Promise<OrderEntity | null> {
    return entityManagerOf(ctx, this.dataSource).findOneBy(OrderEntity, { number });
  }

  async findIdByClientSale(ctx: RequestContext, terminalId: string, clientSaleId: string): Promise<string | null> {
    const rows = await queryPrepared<{ id: string }>(
      entityManagerOf(ctx, this.dataSource),
      'SELECT id FROM "order" WHERE terminal_id = $1 AND client_sale_id = $2',
      [terminalId, clientSaleId],
    );
    return rows[0]?.id ?? null;
  }

  async findIdByClientOrder(ctx: RequestContext, placedBy: string, clientOrderId: string): Promise<string | null> {
    const rows = await queryPrepared<{ id: string }>(
      entityManagerOf(ctx, this.dataSource),
      'SELECT id FROM "order" WHERE placed_by = $1 AND client_order_id = $2',
      [placedBy, clientOrderId],
    );
    return rows[0]?.id ?? null;
  }

  /**
   * Orders with their lines, payments and history, in the order of `ids`: four prepared queries
   * whatever the count (one statement text per count up to IN_LIST_MAX_PARAMETERS).
   */
  async loadDetails(ctx: RequestContext, ids: readonly string[]): Promise<OrderDetails[]> {
    if (ids.length === 0) {
      return [];
    }
    const manager = entityManagerOf(ctx, this.dataSource);
    const byOrderId = inList('order_id', 'uuid', 1, ids);
    const idIn = inList('id', 'uuid', 1, ids);
    const orders = await findPrepared(manager, OrderEntity, idIn.sql, idIn.params);
    const lines = await findPrepared(manager, OrderLineEntity, byOrderId.sql, byOrderId.params, { orderBy: 'line_no' });
    const payments = await findPrepared(manager, OrderPaymentEntity, byOrderId.sql, byOrderId.params, { orderBy: 'created_at, id' });
    const history = await findPrepared(manager, OrderStateChangeEntity, byOrderId.sql, byOrderId.params, { orderBy: 'id' });
    const byId = new Map(orders.map((order) => [order.id, order]));
    return ids.flatMap((id) => {
      const order = byId.get(id);
      return order
        ? [{
            order,
            lines: lines.filter((line) => line.orderId === id),
            payments: payments.filter((payment) => payment.orderId === id),
            history: history.filter((change) => change.orderId === id),
          }]
        : [];
    });
  }

  async loadLines(ctx: RequestContext, orderId: string): Promise<OrderLineEntity[]> {
    return findPrepared(entityManagerOf(ctx, this.dataSource), OrderLineEntity, 'order_id = $1', [orderId], { orderBy: 'line_no' });
  }

  /** Sets fields outside a state transition (reservation id, credentials, customer link). */
  async update(ctx: RequestContext, id: string, patch: Partial<NewOrder>, at: Date): Promise<void> {
    await entityManagerOf(ctx, this.dataSource).update(OrderEntity, { id }, { ...patch, updatedAt: at });
  }

  /** Records units refused at the counter, per line, in one statement. */
  async setRefusedQuantities(ctx: RequestContext, orderId: string, refused: ReadonlyMap<string, number>): Promise<void> {
    if (refused.size === 0) {
      return;
    }
    await entityManagerOf(ctx, this.dataSource).query(
      `UPDATE order_line l SET refused_quantity = x.quantity
       FROM unnest($2::uuid[], $3::int[]) AS x(id, quantity)
       WHERE l.id = x.id AND l.order_id = $1`,
      [orderId, [...refused.keys()], [...refused.values()]],
    );
  }

  /**
   * Counts `units` more of a line as returned, only while refused + returned stays within the
   * quantity (one guarded UPDATE, so concurrent returns can never return a unit twice).
   * Returns the line after the change, or null when that many units are not left.
   */
  async addReturnedUnits(ctx: RequestContext, lineId: string, units: number): Promise<OrderLineEntity | null> {
    const rows = await queryRows<{ id: string }>(
      entityManagerOf(ctx, this.dataSource),
      `UPDATE order_line SET returned_quantity = returned_quantity + $2
       WHERE id = $1 AND refused_quantity + returned_quantity + $2 <= quantity
       RETURNING id`,
      [lineId, units],
    );
    return rows.length === 0 ? null : entityManagerOf(ctx, this.dataSource).findOneBy(OrderLineEntity, { id: lineId });
  }

  async returnedUnitsOf(ctx: RequestContext, orderId: string): Promise<number> {
    const [row] = await queryRows<{ units: string | null }>(
      entityManagerOf(ctx, this.dataSource),
      'SELECT sum(returned_quantity) AS units FROM order_line WHERE order_id = $1',
      [orderId],
    );
    return Number(row?.units ?? 0);
  }

  /** Moves a merged-away customer's orders to the survivor. */
  async reassignCustomer(ctx: RequestContext, fromCustomerId: string, toCustomerId: string, at: Date): Promise<number> {
    const rows = await queryRows<{ id: string }>(
      entityManagerOf(ctx, this.dataSource),
      'UPDATE "order" SET customer_id = $2, updated_at = $3 WHERE customer_id = $1 RETURNING id',
      [fromCustomerId, toCustomerId, at],
    );
    return rows.length;
  }

  /** Erasure: the orders (financial records) stay, the person's contact details go. */
  async anonymiseCustomer(ctx: RequestContext, customerId: string, at: Date): Promise<number> {
    const rows = await queryRows<{ id: string }>(
      entityManagerOf(ctx, this.dataSource),
      `UPDATE "order" SET guest_email = NULL, guest_phone = NULL, contact_name = NULL,
              shipping_address = NULL, updated_at = $2
       WHERE customer_id = $1 RETURNING id`,
      [customerId, at],
    );
    return rows.length;
  }
}
