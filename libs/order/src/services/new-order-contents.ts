import { timeOrderedUuid } from '@omnitill/common';
import { OrderLineEntity } from '../entities/order-line.entity';
import { OrderPaymentEntity } from '../entities/order-payment.entity';
import { OrderStateChangeEntity } from '../entities/order-state-change.entity';
import { OrderEntity } from '../entities/order.entity';
import { NewOrder, NewOrderLine, NewOrderPayment, NewStateChange, OrderDetails } from '../repositories/order.repository';
import { PricedOrder } from '../rules/pricing';
import { ResolvedLine } from './order-line-pricer.service';

/** The lines of a new order (till sale or online order): its resolved lines with the amounts priceOrder gave them. */
export function newOrderLines(orderId: string, lines: readonly ResolvedLine[], priced: PricedOrder): NewOrderLine[] {
  return lines.map((line, index) => ({
    id: timeOrderedUuid(),
    orderId,
    lineNo: index + 1,
    variantId: line.variant.id,
    sku: line.variant.sku,
    name: line.variant.name,
    quantity: line.quantity,
    unitPriceAmount: line.unitPriceAmount,
    listUnitPriceAmount: line.listUnitPriceAmount,
    priceOverrideReason: line.priceOverrideReason,
    discountAmount: priced.lines[index].discountAmount,
    taxRateBp: line.taxRateBp,
    taxAmount: priced.lines[index].taxAmount,
    totalAmount: priced.lines[index].totalAmount,
    refusedQuantity: 0,
    returnedQuantity: 0,
  }));
}

/** A new order as the API answers it, built from what OrderRepository.insertNumbered wrote: the hot paths do not read it back. */
export function writtenOrderDetails(
  order: NewOrder,
  number: string,
  contents: { readonly lines: readonly NewOrderLine[]; readonly payments: readonly NewOrderPayment[]; readonly history: NewStateChange },
  at: Date,
): OrderDetails {
  return {
    order: Object.assign(new OrderEntity(), order, { number, createdAt: at, updatedAt: at }),
    lines: contents.lines.map((line) => Object.assign(new OrderLineEntity(), line)),
    payments: contents.payments.map((payment) => Object.assign(new OrderPaymentEntity(), payment)),
    history: [Object.assign(new OrderStateChangeEntity(), contents.history, { id: '' })],
  };
}
