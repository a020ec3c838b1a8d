import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Money, Paginated } from '@omnitill/common';
import { AddressType } from '@omnitill/store';
import { OrderLineEntity } from '../../entities/order-line.entity';
import { OrderPaymentEntity } from '../../entities/order-payment.entity';
import { OrderStateChangeEntity } from '../../entities/order-state-change.entity';
import { OrderChannel, OrderFulfilment, OrderState, PaymentMethod } from '../../entities/order.enums';
import { OrderDetails } from '../../repositories/order.repository';
import './order-enums.type';

@ObjectType('OrderLine', { description: 'A line with the price, discount and tax at the time of sale (prices include tax).' })
export class OrderLineType {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  lineNo!: number;

  @Field(() => ID)
  variantId!: string;

  @Field(() => String)
  sku!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Int)
  quantity!: number;

  @Field(() => Money, { description: 'Charged per unit.' })
  unitPrice!: Money;

  @Field(() => Money, { description: 'The catalog price per unit at the time of sale.' })
  listUnitPrice!: Money;

  @Field(() => String, { nullable: true, description: 'Why a manager changed the price.' })
  priceOverrideReason!: string | null;

  @Field(() => Money, { description: 'The order discount allocated to this line.' })
  discount!: Money;

  @Field(() => Int, { description: 'Basis points: 1900 = 19 %.' })
  taxRateBp!: number;

  @Field(() => Money)
  tax!: Money;

  @Field(() => Money, { description: 'Paid for the line: unit price × quantity − discount.' })
  total!: Money;

  @Field(() => Int, { description: 'Units refused at the pickup counter.' })
  refusedQuantity!: number;

  @Field(() => Int, { description: 'Units returned since.' })
  returnedQuantity!: number;

  static from(line: OrderLineEntity, currency: string): OrderLineType {
    return Object.assign(new OrderLineType(), {
      id: line.id,
      lineNo: line.lineNo,
      variantId: line.variantId,
      sku: line.sku,
      name: line.name,
      quantity: line.quantity,
      unitPrice: new Money(line.unitPriceAmount, currency),
      listUnitPrice: new Money(line.listUnitPriceAmount, currency),
      priceOverrideReason: line.priceOverrideReason,
      discount: new Money(line.discountAmount, currency),
      taxRateBp: line.taxRateBp,
      tax: new Money(line.taxAmount, currency),
      total: new Money(line.totalAmount, currency),
      refusedQuantity: line.refusedQuantity,
      returnedQuantity: line.returnedQuantity,
    });
  }
}

@ObjectType('OrderPayment', { description: 'A tender. Cash may hand back change.' })
export class OrderPaymentType {
  @Field(() => ID)
  id!: string;

  @Field(() => PaymentMethod)
  method!: PaymentMethod;

  @Field(() => Money, { description: 'Applied to the order total.' })
  amount!: Money;

  @Field(() => Money, { nullable: true, description: 'Cash handed over.' })
  tendered!: Money | null;

  @Field(() => Money)
  change!: Money;

  @Field(() => String, { nullable: true })
  externalReference!: string | null;

  @Field(() => Date)
  createdAt!: Date;

  static from(payment: OrderPaymentEntity, currency: string): OrderPaymentType {
    return Object.assign(new OrderPaymentType(), {
      id: payment.id,
      method: payment.method,
      amount: new Money(payment.amount, currency),
      tendered: payment.tenderedAmount === null ? null : new Money(payment.tenderedAmount, currency),
      change: new Money(payment.changeAmount, currency),
      externalReference: payment.externalReference,
      createdAt: payment.createdAt,
    });
  }
}

@ObjectType('OrderStateChange', { description: 'One transition, with who made it and when.' })
export class OrderStateChangeType {
  @Field(() => OrderState, { nullable: true, description: 'null when the order was created.' })
  fromState!: OrderState | null;

  @Field(() => OrderState)
  toState!: OrderState;

  @Field(() => String, { description: 'e.g. staff:<id>, customer:<id>, storefront:<key id>.' })
  actor!: string;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field(() => Date)
  occurredAt!: Date;

  static from(change: OrderStateChangeEntity): OrderStateChangeType {
    return Object.assign(new OrderStateChangeType(), {
      fromState: change.fromState,
      toState: change.toState,
      actor: change.actor,
      reason: change.reason,
      occurredAt: change.occurredAt,
    });
  }
}

@ObjectType('OrderContact')
export class OrderContactType {
  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field(() => String, { nullable: true })
  name!: string | null;
}

@ObjectType('ShippingAddress')
export class ShippingAddressType extends AddressType {
  @Field(() => String)
  name!: string;
}

@ObjectType('Order', { description: 'One order model for every channel: online pickup and ship orders, and POS sales.' })
export class OrderType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'Per store and channel, e.g. BER-MITTE-P-000123 (POS) or BER-MITTE-W-000045 (online).' })
  number!: string;

  @Field(() => OrderChannel)
  channel!: OrderChannel;

  @Field(() => OrderFulfilment)
  fulfilment!: OrderFulfilment;

  @Field(() => OrderState)
  state!: OrderState;

  @Field(() => ID)
  storeId!: string;

  @Field(() => ID, { nullable: true })
  terminalId!: string | null;

  @Field(() => ID, { nullable: true })
  customerId!: string | null;

  @Field(() => OrderContactType, { nullable: true, description: 'Guest contact details (online orders).' })
  contact!: OrderContactType | null;

  @Field(() => Money)
  subtotal!: Money;

  @Field(() => Money)
  discount!: Money;

  @Field(() => Money, { description: 'Included in the total.' })
  tax!: Money;

  @Field(() => Money)
  total!: Money;

  @Field(() => Money, { description: 'Owed back: refused lines, a cancelled, expired or voided order.' })
  refundDue!: Money;

  @Field(() => String, { nullable: true })
  couponCode!: string | null;

  @Field(() => String, { nullable: true })
  paymentReference!: string | null;

  @Field(() => Date, { description: 'When the sale happened (the till time for offline sales).' })
  occurredAt!: Date;

  @Field(() => Date, { description: 'When it was recorded.' })
  placedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'Pickup: ready by this time, as the store promises.' })
  promisedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  readyAt!: Date | null;

  @Field(() => Date, { nullable: true })
  pickedUpAt!: Date | null;

  @Field(() => Date, { nullable: true })
  shippedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  cancelledAt!: Date | null;

  @Field(() => Date, { nullable: true })
  expiredAt!: Date | null;

  @Field(() => Date, { nullable: true })
  voidedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'Open orders: when the hold lapses and the order expires.' })
  expiresAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'Wrong pickup codes locked the handover until then.' })
  pickupLockedUntil!: Date | null;

  @Field(() => String, { nullable: true })
  trackingNumber!: string | null;

  @Field(() => ShippingAddressType, { nullable: true })
  shippingAddress!: ShippingAddressType | null;

  @Field(() => [OrderLineType])
  lines!: OrderLineType[];

  @Field(() => [OrderPaymentType])
  payments!: OrderPaymentType[];

  @Field(() => [OrderStateChangeType], { description: 'Every transition, oldest first.' })
  history!: OrderStateChangeType[];

  static from({ order, lines, payments, history }: OrderDetails): OrderType {
    const currency = order.currency;
    const hasContact = order.guestEmail !== null || order.guestPhone !== null || order.contactName !== null;
    return Object.assign(new OrderType(), {
      id: order.id,
      number: order.number,
      channel: order.channel,
      fulfilment: order.fulfilment,
      state: order.state,
      storeId: order.storeId,
      terminalId: order.terminalId,
      customerId: order.customerId,
      contact: hasContact ? Object.assign(new OrderContactType(), { email: order.guestEmail, phone: order.guestPhone, name: order.contactName }) : null,
      subtotal: new Money(order.subtotalAmount, currency),
      discount: new Money(order.discountAmount, currency),
      tax: new Money(order.taxAmount, currency),
      total: new Money(order.totalAmount, currency),
      refundDue: new Money(order.refundDueAmount, currency),
      couponCode: order.couponCode,
      paymentReference: order.paymentReference,
      occurredAt: order.occurredAt,
      placedAt: order.placedAt,
      promisedAt: order.promisedAt,
      readyAt: order.readyAt,
      pickedUpAt: order.pickedUpAt,
      shippedAt: order.shippedAt,
      cancelledAt: order.cancelledAt,
      expiredAt: order.expiredAt,
      voidedAt: order.voidedAt,
      expiresAt: order.expiresAt,
      pickupLockedUntil: order.pickupLockedUntil,
      trackingNumber: order.trackingNumber,
      shippingAddress: order.shippingAddress ? Object.assign(new ShippingAddressType(), order.shippingAddress) : null,
      lines: lines.map((line) => OrderLineType.from(line, currency)),
      payments: payments.map((payment) => OrderPaymentType.from(payment, currency)),
      history: history.map(OrderStateChangeType.from),
    });
  }
}

@ObjectType('OrderList')
export class OrderList extends Paginated(OrderType) {}
