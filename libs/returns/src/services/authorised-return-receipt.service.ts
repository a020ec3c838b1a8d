import { Injectable } from '@nestjs/common';
import { BadInputException, Clock, isErrorResult, NotFoundException, RequestContext } from '@omnitill/common';
import { ItemCondition, RefundMethod, ReturnState } from '../entities/return.enums';
import { OrderNotReturnableError, OverReturnError, ReturnStateError, StoreCreditNeedsCustomerError } from '../errors/returns.errors';
import { OrderDirectory } from '../ports/order-directory';
import { ReturnRequestRepository } from '../repositories/return-request.repository';
import { receivingStoreOf } from '../rules/receiving-store';
import { groupByOrderLine } from '../rules/return-lines';
import { RETURN_MACHINE } from '../state/return-machine';
import { CompletedReturn, ReturnSettlementService } from './return-settlement.service';
import { requireTransaction } from './store-return.service';

export interface ReceiveAuthorisedReturnRequest {
  readonly returnId: string;
  /** The condition of every authorised line, as the store finds the goods. */
  readonly lines: readonly { readonly returnLineId: string; readonly condition: ItemCondition }[];
  /** Replaces the refund method support agreed (the customer may prefer store credit at the counter). */
  readonly refundMethod?: RefundMethod | null;
}

export type ReceiveOutcome = CompletedReturn | ReturnStateError | OverReturnError | OrderNotReturnableError | StoreCreditNeedsCustomerError;

/**
 * A store receives goods support authorised: the authorisation must not have lapsed, and receiving
 * refunds at once (AUTHORISED -> RECEIVED -> REFUNDED in one transaction). The units are counted
 * on the order only now, so a unit returned meanwhile elsewhere makes this an OverReturnError.
 */
@Injectable()
export class AuthorisedReturnReceiptService {
  constructor(
    private readonly orders: OrderDirectory,
    private readonly requests: ReturnRequestRepository,
    private readonly settlement: ReturnSettlementService,
    private readonly clock: Clock,
  ) {}

  async receive(ctx: RequestContext, input: ReceiveAuthorisedReturnRequest): Promise<ReceiveOutcome> {
    requireTransaction(ctx, 'receiveAuthorisedReturn');
    const storeId = receivingStoreOf(ctx);
    const request = await this.requests.findByIdForUpdate(ctx, input.returnId);
    if (!request) {
      throw new NotFoundException('Return', input.returnId);
    }
    const now = this.clock.now();
    const check = RETURN_MACHINE.check(request.state, ReturnState.RECEIVED, { now, authorisedExpiresAt: request.authorisedExpiresAt });
    if (!check.allowed) {
      return new ReturnStateError(request.id, request.state, ReturnState.RECEIVED, check.reason);
    }
    const [{ lines }] = await this.requests.withLines(ctx, [request]);
    const conditions = conditionsOf(lines.map((line) => line.id), input.lines);
    const refundMethod = input.refundMethod ?? request.refundMethod;
    if (refundMethod === RefundMethod.EXCHANGE) {
      throw new BadInputException('An authorised return is refunded, not exchanged', [{ field: 'refundMethod', messages: ['ORIGINAL_TENDER or STORE_CREDIT'] }]);
    }
    if (refundMethod === RefundMethod.STORE_CREDIT && request.customerId === null) {
      return new StoreCreditNeedsCustomerError();
    }
    const withConditions = lines.map((line) => ({ ...line, condition: conditions.get(line.id) ?? null }));
    const groups = groupByOrderLine(withConditions.map((line) => ({ orderLineId: line.orderLineId, quantity: line.quantity, reason: line.reason, condition: line.condition })));
    const priced = await this.settlement.takeBackUnits(ctx, request.orderId, groups);
    if (isErrorResult(priced)) {
      return priced;
    }
    const settledLines = withConditions.map((line) => {
      const part = priced.find((candidate) => candidate.orderLineId === line.orderLineId);
      if (!part) {
        throw new Error(`return line ${line.id} was not priced`);
      }
      return Object.assign(line, { refundAmount: part.refundAmount });
    });
    await this.requests.settleLines(ctx, settledLines);
    const patch = {
      state: ReturnState.REFUNDED,
      receivingStoreId: storeId,
      receivedBy: ctx.actorLabel,
      receivedAt: now,
      refundedAt: now,
      refundMethod,
      refundAmount: settledLines.reduce((sum, line) => sum + line.refundAmount, 0),
      updatedAt: now,
    };
    await this.requests.update(ctx, request.id, patch);
    const { order } = await this.orders.returnable(ctx, request.orderId);
    const details = await this.orders.details(ctx, order);
    return this.settlement.complete(ctx, Object.assign(request, patch), settledLines, details);
  }
}

/** Exactly one condition per authorised line, and no other lines. */
function conditionsOf(lineIds: readonly string[], given: ReceiveAuthorisedReturnRequest['lines']): Map<string, ItemCondition> {
  const conditions = new Map<string, ItemCondition>();
  for (const [index, line] of given.entries()) {
    const id = line.returnLineId.toLowerCase();
    if (!lineIds.includes(id) || conditions.has(id)) {
      throw new BadInputException('Give one condition for each line of the return', [{ field: `lines.${index}.returnLineId`, messages: ['unknown or repeated'] }]);
    }
    conditions.set(id, line.condition);
  }
  if (conditions.size !== lineIds.length) {
    throw new BadInputException('Give one condition for each line of the return', [{ field: 'lines', messages: [`${lineIds.length} lines expected`] }]);
  }
  return conditions;
}
