import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditAction, AuditTrail, Clock, Money, RequestContext } from '@omnitill/common';
import { OrderDetails, PaymentMethod } from '@omnitill/order';
import { RefundEntity } from '../entities/refund.entity';
import { ReturnRequestEntity } from '../entities/return-request.entity';
import { RefundMethod, RefundState, RETURN_REFERENCE_TYPE } from '../entities/return.enums';
import { NewRefund, RefundRepository } from '../repositories/refund.repository';
import { allocateRefundToTenders } from '../rules/tender-allocation';
import { StoreCreditService } from './store-credit.service';

/** Tenders the till settles on the spot; the others wait for the payment provider. */
const SETTLED_AT_THE_TILL: readonly string[] = [PaymentMethod.CASH, PaymentMethod.STORE_CREDIT];

/**
 * Turns a return's refund amount into refund rows. Store credit is booked at once. The original
 * tender is split over the order's payments (electronic first, each up to what it paid minus
 * earlier refunds): cash is paid out and store credit re-credited at once, cards and online
 * payments wait in PENDING_PROVIDER with their payment reference.
 */
@Injectable()
export class RefundIssuer {
  constructor(
    private readonly refunds: RefundRepository,
    private readonly storeCredit: StoreCreditService,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
  ) {}

  /**
   * Refunds `amount` by `method` (an exchange refunds what the replacement did not use to the
   * original tender). The caller has checked that store credit has a customer to go to.
   */
  async issue(ctx: RequestContext, request: ReturnRequestEntity, details: OrderDetails, amount: number, method: RefundMethod): Promise<RefundEntity[]> {
    if (amount === 0 || method === RefundMethod.EXCHANGE) {
      return [];
    }
    const now = this.clock.now();
    const row = (patch: Pick<NewRefund, 'method' | 'orderPaymentId' | 'tender' | 'amount' | 'paymentReference' | 'state'>): NewRefund => ({
      id: randomUUID(),
      returnId: request.id,
      currency: request.currency,
      createdAt: now,
      completedAt: patch.state === RefundState.COMPLETED ? now : null,
      ...patch,
    });
    const reference = { type: RETURN_REFERENCE_TYPE, id: request.id };
    if (method === RefundMethod.STORE_CREDIT) {
      await this.storeCredit.credit(ctx, this.customerOf(request), new Money(amount, request.currency), reference);
      return this.recorded(ctx, request, [row({ method: 'STORE_CREDIT', orderPaymentId: null, tender: null, amount, paymentReference: null, state: RefundState.COMPLETED })]);
    }
    const refunded = await this.refunds.refundedByPayment(ctx, details.order.id);
    const allocation = allocateRefundToTenders(
      amount,
      details.payments.map((payment) => ({
        paymentId: payment.id,
        method: payment.method,
        amount: payment.amount,
        refundedAmount: refunded.get(payment.id) ?? 0,
        reference: payment.externalReference ?? details.order.paymentReference,
      })),
    );
    const rows: NewRefund[] = [];
    for (const part of allocation.refunds) {
      const backToCredit = part.method === PaymentMethod.STORE_CREDIT && request.customerId !== null;
      if (backToCredit) {
        await this.storeCredit.credit(ctx, this.customerOf(request), new Money(part.amount, request.currency), reference);
      }
      const settled = SETTLED_AT_THE_TILL.includes(part.method) && (part.method !== PaymentMethod.STORE_CREDIT || backToCredit);
      rows.push(row({
        method: 'ORIGINAL_TENDER',
        orderPaymentId: part.paymentId,
        tender: part.method,
        amount: part.amount,
        paymentReference: part.reference,
        state: settled ? RefundState.COMPLETED : RefundState.PENDING_PROVIDER,
      }));
    }
    if (allocation.unallocated > 0) {
      // No recorded payment covers it: the provider refunds against the order's own reference.
      rows.push(row({
        method: 'ORIGINAL_TENDER', orderPaymentId: null, tender: null, amount: allocation.unallocated,
        paymentReference: details.order.paymentReference, state: RefundState.PENDING_PROVIDER,
      }));
    }
    return this.recorded(ctx, request, rows);
  }

  /** Inserts the refunds and their audit entry: who paid back how much, to which tenders. */
  private async recorded(ctx: RequestContext, request: ReturnRequestEntity, rows: NewRefund[]): Promise<RefundEntity[]> {
    const saved = await this.refunds.insertMany(ctx, rows);
    await this.audit.record(ctx, {
      action: AuditAction.REFUND, subjectType: 'return', subjectId: request.id, storeId: request.receivingStoreId,
      after: {
        returnNumber: request.number,
        orderId: request.orderId,
        currency: request.currency,
        amount: rows.reduce((sum, refund) => sum + refund.amount, 0),
        refunds: rows.map((refund) => ({ method: refund.method, tender: refund.tender, amount: refund.amount, state: refund.state })),
      },
    });
    return saved;
  }

  private customerOf(request: ReturnRequestEntity): string {
    if (!request.customerId) {
      throw new Error(`return ${request.number} has no customer for store credit`);
    }
    return request.customerId;
  }
}
