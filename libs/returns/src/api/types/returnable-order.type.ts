import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Money } from '@omnitill/common';
import { OrderType } from '@omnitill/order';
import { ReturnableOrder } from '../../services/return-query.service';
import { ReturnType } from './return.type';

@ObjectType('ReturnableOrderLine', { description: 'An order line with what can still come back and what it would refund.' })
export class ReturnableOrderLineType {
  @Field(() => ID)
  orderLineId!: string;

  @Field(() => ID)
  variantId!: string;

  @Field(() => String)
  sku!: string;

  @Field(() => Int)
  quantity!: number;

  @Field(() => Int)
  refusedQuantity!: number;

  @Field(() => Int)
  returnedQuantity!: number;

  @Field(() => Int, { description: 'Units that can still be returned (0 when the order is not returnable).' })
  returnableQuantity!: number;

  @Field(() => Int, { description: 'Units promised back by open authorisations (receive those through receiveAuthorisedReturn).' })
  authorisedQuantity!: number;

  @Field(() => Money, { description: 'What the line paid: unit price × quantity − discount.' })
  paid!: Money;

  @Field(() => Money, { description: 'What the next unit returned would refund.' })
  nextUnitRefund!: Money;
}

@ObjectType('ReturnableOrder', { description: 'An order as the returns counter sees it, from any store or channel.' })
export class ReturnableOrderType {
  @Field(() => OrderType)
  order!: OrderType;

  @Field(() => Boolean, { description: 'The goods reached the customer (completed sale, picked up, shipped).' })
  returnable!: boolean;

  @Field(() => Int)
  windowDays!: number;

  @Field(() => Date)
  windowEndsAt!: Date;

  @Field(() => Boolean, { description: 'False: only a store manager can accept a return now, with a reason.' })
  withinWindow!: boolean;

  @Field(() => [ReturnableOrderLineType])
  lines!: ReturnableOrderLineType[];

  @Field(() => [ReturnType], { description: 'Earlier returns of the order, oldest first.' })
  returns!: ReturnType[];

  static from(view: ReturnableOrder): ReturnableOrderType {
    const currency = view.details.order.currency;
    return Object.assign(new ReturnableOrderType(), {
      order: OrderType.from(view.details),
      returnable: view.returnable,
      windowDays: view.windowDays,
      windowEndsAt: view.windowEndsAt,
      withinWindow: view.withinWindow,
      lines: view.lines.map((line) => Object.assign(new ReturnableOrderLineType(), {
        orderLineId: line.lineId,
        variantId: line.variantId,
        sku: line.sku,
        quantity: line.quantity,
        refusedQuantity: line.refusedQuantity,
        returnedQuantity: line.returnedQuantity,
        returnableQuantity: line.returnableQuantity,
        authorisedQuantity: line.authorisedQuantity,
        paid: new Money(line.totalAmount, currency),
        nextUnitRefund: new Money(line.nextUnitRefundAmount, currency),
      })),
      returns: view.returns.map(ReturnType.from),
    });
  }
}
