import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ErrorResult } from '@omnitill/common';
import { OrderState } from '@omnitill/order';
import { ReturnState } from '../entities/return.enums';
import '../api/types/returns-enums.type';

@ObjectType('ReturnWindowExpiredError', {
  implements: () => [ErrorResult],
  description: 'The return window ended; a store manager may accept it with managerOverrideReason. Nothing changed.',
})
export class ReturnWindowExpiredError extends ErrorResult {
  @Field(() => Date)
  readonly windowEndsAt: Date;

  constructor(windowEndsAt: Date) {
    super('RETURN_WINDOW_EXPIRED', `The return window ended at ${windowEndsAt.toISOString()}`);
    this.windowEndsAt = windowEndsAt;
  }
}

@ObjectType('OverReturnError', {
  implements: () => [ErrorResult],
  description: 'More units than can still come back (each unit is returned at most once, across all returns). Nothing changed.',
})
export class OverReturnError extends ErrorResult {
  @Field(() => ID)
  readonly orderLineId: string;

  @Field(() => Int)
  readonly requested: number;

  @Field(() => Int, { description: 'Units of the line that can still be returned.' })
  readonly returnable: number;

  constructor(orderLineId: string, requested: number, returnable: number) {
    super('OVER_RETURN', `Only ${returnable} unit(s) of line ${orderLineId} can still be returned, not ${requested}`);
    this.orderLineId = orderLineId;
    this.requested = requested;
    this.returnable = returnable;
  }
}

@ObjectType('OrderNotReturnableError', {
  implements: () => [ErrorResult],
  description: 'The goods never reached the customer (open, cancelled, expired or voided order). Nothing changed.',
})
export class OrderNotReturnableError extends ErrorResult {
  @Field(() => ID)
  readonly orderId: string;

  @Field(() => OrderState)
  readonly state: OrderState;

  constructor(orderId: string, state: OrderState) {
    super('ORDER_NOT_RETURNABLE', `The order is ${state}: there is nothing to return`);
    this.orderId = orderId;
    this.state = state;
  }
}

@ObjectType('NotAuthorisedToOverrideError', {
  implements: () => [ErrorResult],
  description: 'Only a store manager or an admin may accept a return after the window. Nothing changed.',
})
export class NotAuthorisedToOverrideError extends ErrorResult {
  constructor() {
    super('NOT_AUTHORISED_TO_OVERRIDE', 'Only a store manager or an admin may accept a return after the return window');
  }
}

@ObjectType('ReturnStateError', {
  implements: () => [ErrorResult],
  description: 'The return is not in a state that allows this (e.g. receiving a rejected return). Nothing changed.',
})
export class ReturnStateError extends ErrorResult {
  @Field(() => ID)
  readonly returnId: string;

  @Field(() => ReturnState)
  readonly fromState: ReturnState;

  @Field(() => ReturnState)
  readonly toState: ReturnState;

  @Field(() => String)
  readonly reason: string;

  constructor(returnId: string, fromState: ReturnState, toState: ReturnState, reason: string) {
    super('RETURN_STATE', `Cannot go from ${fromState} to ${toState}: ${reason}`);
    this.returnId = returnId;
    this.fromState = fromState;
    this.toState = toState;
    this.reason = reason;
  }
}

@ObjectType('StoreCreditNeedsCustomerError', {
  implements: () => [ErrorResult],
  description: 'Store credit is kept on a customer profile; this order has none. Refund to the original tender instead.',
})
export class StoreCreditNeedsCustomerError extends ErrorResult {
  constructor() {
    super('STORE_CREDIT_NEEDS_CUSTOMER', 'The order belongs to no customer profile, so it cannot be refunded as store credit');
  }
}
