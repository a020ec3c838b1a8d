/* The statements that fill report_sale_line from the order and return tables. Plain strings with no
 * imports beyond report-sql.ts, so bench/seed-volume.ts runs exactly the same SQL after its load. */
import { RECEIVED_RETURN_STATES_SQL, SALE_STATES_SQL } from './report-sql';

const COLUMNS = `order_id, order_line_id, occurred_at, store_id, channel, fulfilment, customer_id, currency, variant_id, sku, name,
  first_line_of_order, first_line_of_variant, units, units_refused, units_returned, gross, discounts, refused_amount, returned_amount, order_total`;

/**
 * One row per line of the counted sales that `orderFilter` selects (a condition on `o`), with the
 * received returns of `returnFilter` (a condition on `rr`). Refused units are valued by the order
 * lib's paidAmountForUnits (largest remainder: the last total mod quantity units carry one minor
 * unit more), settled first, for units 0..refused.
 */
function insertSaleLines(orderFilter: string, returnFilter: string): string {
  return `INSERT INTO report_sale_line (${COLUMNS})
SELECT o.id, l.id, o.occurred_at, o.store_id, o.channel::text, o.fulfilment::text, o.customer_id, o.currency, l.variant_id, l.sku, l.name,
       l.line_no = min(l.line_no) OVER (PARTITION BY l.order_id),
       l.line_no = min(l.line_no) OVER (PARTITION BY l.order_id, l.variant_id),
       l.quantity - l.refused_quantity, l.refused_quantity, coalesce(r.units, 0)::int,
       l.unit_price_amount::bigint * l.quantity, l.discount_amount,
       ((l.total_amount / l.quantity)::bigint * l.refused_quantity + greatest(0, l.refused_quantity - (l.quantity - l.total_amount % l.quantity)))::int,
       coalesce(r.amount, 0)::int, o.total_amount
  FROM "order" o
  JOIN order_line l ON l.order_id = o.id
  LEFT JOIN (
    SELECT rl.order_line_id, sum(rl.quantity) AS units, sum(rl.refund_amount) AS amount
      FROM return_request rr
      JOIN return_line rl ON rl.return_id = rr.id
     WHERE rr.state IN ${RECEIVED_RETURN_STATES_SQL} AND ${returnFilter}
     GROUP BY rl.order_line_id
  ) r ON r.order_line_id = l.id
 WHERE o.state IN ${SALE_STATES_SQL} AND ${orderFilter}
 ORDER BY o.occurred_at`;
}

/** $1 uuid[]: the orders' rows, to insert after deleting their old ones (under the orders' locks). */
export const INSERT_SALE_LINES_OF_ORDERS_SQL = insertSaleLines('o.id = ANY($1::uuid[])', 'rr.order_id = ANY($1::uuid[])');

export const DELETE_SALE_LINES_OF_ORDERS_SQL = 'DELETE FROM report_sale_line WHERE order_id = ANY($1::uuid[])';

/** [$1, $2): the sales that occurred in the period (rows in time order, so the table stays clustered by it). */
export const INSERT_SALE_LINES_OF_PERIOD_SQL = insertSaleLines('o.occurred_at >= $1 AND o.occurred_at < $2', 'true');

export const DELETE_SALE_LINES_OF_PERIOD_SQL = 'DELETE FROM report_sale_line WHERE occurred_at >= $1 AND occurred_at < $2';
