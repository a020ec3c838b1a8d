import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Money } from '@omnitill/common';
import { RefundEntity } from '../../entities/refund.entity';
import { ReturnLineEntity } from '../../entities/return-line.entity';
import { ItemCondition, RefundMethod, RefundState, ReturnReasonCode, ReturnState } from '../../entities/return.enums';
import { ReturnView } from '../../services/return-view.loader';
import './returns-enums.type';

@ObjectType('ReturnLine', { description: 'Units of one order line in a return.' })
export class ReturnLineType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  orderLineId!: string;

  @Field(() => ID)
  variantId!: string;

  @Field(() => String)
  sku!: string;

  @Field(() => Int)
  quantity!: number;

  @Field(() => ReturnReasonCode)
  reason!: ReturnReasonCode;

  @Field(() => ItemCondition, { nullable: true, description: 'Known once a store has the goods; null while only authorised.' })
  condition!: ItemCondition | null;

  @Field(() => Money, { description: 'What these units were paid (discounts prorated); an estimate while authorised.' })
  refund!: Money;

  static from(line: ReturnLineEntity, currency: string): ReturnLineType {
    return Object.assign(new ReturnLineType(), {
      id: line.id, orderLineId: line.orderLineId, variantId: line.variantId, sku: line.sku, quantity: line.quantity,
      reason: line.reason, condition: line.condition, refund: new Money(line.refundAmount, currency),
    });
  }
}

@ObjectType('Refund', { description: 'Money going back for a return: to a tender of the order (for the provider) or as store credit.' })
export class RefundType {
  @Field(() => ID)
  id!: string;

  @Field(() => RefundMethod)
  method!: RefundMethod;

  @Field(() => String, { nullable: true, description: 'The tender refunded: CASH, CARD, EXTERNAL...' })
  tender!: string | null;

  @Field(() => Money)
  amount!: Money;

  @Field(() => String, { nullable: true, description: 'The original payment reference the provider refunds against.' })
  paymentReference!: string | null;

  @Field(() => RefundState)
  state!: RefundState;

  @Field(() => Date)
  createdAt!: Date;

  static from(refund: RefundEntity): RefundType {
    return Object.assign(new RefundType(), {
      id: refund.id,
      method: refund.method === 'STORE_CREDIT' ? RefundMethod.STORE_CREDIT : RefundMethod.ORIGINAL_TENDER,
      tender: refund.tender,
      amount: new Money(refund.amount, refund.currency.trim()),
      paymentReference: refund.paymentReference,
      state: refund.state,
      createdAt: refund.createdAt,
    });
  }
}

@ObjectType('Return', { description: 'A return of units of one order: authorised by support, or received at a store, refunded on receipt.' })
export class ReturnType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: "The order's number with a running suffix, e.g. BER-01-P-000123-R1." })
  number!: string;

  @Field(() => ID)
  orderId!: string;

  @Field(() => ID, { nullable: true })
  customerId!: string | null;

  @Field(() => ID, { nullable: true, description: 'Where the goods came back; null until received.' })
  receivingStoreId!: string | null;

  @Field(() => ReturnState)
  state!: ReturnState;

  @Field(() => String, { description: 'Who agreed to take the goods back, e.g. staff:<id>.' })
  authorisedBy!: string;

  @Field(() => Date, { nullable: true, description: 'Authorised returns: a store must receive the goods before this.' })
  authorisedExpiresAt!: Date | null;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field(() => Date, { description: 'The end of the return window that applied.' })
  windowEndsAt!: Date;

  @Field(() => String, { nullable: true, description: 'Why a manager accepted the return after the window.' })
  windowOverrideReason!: string | null;

  @Field(() => String, { nullable: true })
  overriddenBy!: string | null;

  @Field(() => RefundMethod)
  refundMethod!: RefundMethod;

  @Field(() => Money, { description: 'What the returned units were paid (an estimate while authorised).' })
  refundAmount!: Money;

  @Field(() => String, { nullable: true })
  originalPaymentReference!: string | null;

  @Field(() => ID, { nullable: true, description: 'The replacement sale of an exchange.' })
  exchangeOrderId!: string | null;

  @Field(() => String, { nullable: true })
  receivedBy!: string | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  receivedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  refundedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  rejectedAt!: Date | null;

  @Field(() => String, { nullable: true })
  rejectedReason!: string | null;

  @Field(() => Date, { nullable: true })
  expiredAt!: Date | null;

  @Field(() => [ReturnLineType])
  lines!: ReturnLineType[];

  @Field(() => [RefundType])
  refunds!: RefundType[];

  static from({ request, lines, refunds }: Pick<ReturnView, 'request' | 'lines' | 'refunds'>): ReturnType {
    const currency = request.currency.trim();
    return Object.assign(new ReturnType(), {
      id: request.id,
      number: request.number,
      orderId: request.orderId,
      customerId: request.customerId,
      receivingStoreId: request.receivingStoreId,
      state: request.state,
      authorisedBy: request.authorisedBy,
      authorisedExpiresAt: request.authorisedExpiresAt,
      reason: request.reason,
      windowEndsAt: request.windowEndsAt,
      windowOverrideReason: request.windowOverrideReason,
      overriddenBy: request.overriddenBy,
      refundMethod: request.refundMethod,
      refundAmount: new Money(request.refundAmount, currency),
      originalPaymentReference: request.originalPaymentReference,
      exchangeOrderId: request.exchangeOrderId,
      receivedBy: request.receivedBy,
      createdAt: request.createdAt,
      receivedAt: request.receivedAt,
      refundedAt: request.refundedAt,
      rejectedAt: request.rejectedAt,
      rejectedReason: request.rejectedReason,
      expiredAt: request.expiredAt,
      lines: lines.map((line) => ReturnLineType.from(line, currency)),
      refunds: refunds.map(RefundType.from),
    });
  }
}
