import { Injectable, Logger } from '@nestjs/common';
import { BadInputException, Clock, RequestContext } from '@omnitill/common';
import { OrderEntity } from '../entities/order.entity';
import { OrderState } from '../entities/order.enums';
import { InvalidPickupCodeError, OrderStateTransitionError, PickupLockedError } from '../errors/order.errors';
import { OrderRepository } from '../repositories/order.repository';
import { PickupAttemptRepository } from '../repositories/pickup-attempt.repository';
import { staffHandles, visibleOrFail } from '../rules/order-access';
import { normaliseOrderNumber } from '../rules/order-number';
import { attemptsRemaining, locksAfterFailure, PICKUP_LOCK_MS, PICKUP_MAX_FAILED_ATTEMPTS } from '../rules/pickup-code';
import { PickupCredentialsService } from './pickup-credentials.service';

/** What staff present at the counter: the scanned QR, or the order number with the code. */
export interface PickupProof {
  readonly qrToken?: string | null;
  readonly orderNumber?: string | null;
  readonly pickupCode?: string | null;
}

export type PickupVerification = OrderEntity | InvalidPickupCodeError | PickupLockedError | OrderStateTransitionError;

/**
 * Checks a pickup proof OUTSIDE any transaction: a wrong code must count even though the answer is
 * an ErrorResult. An order of another store answers NOT_FOUND, like a missing one, and counts nothing.
 */
@Injectable()
export class PickupVerificationService {
  private readonly logger = new Logger(PickupVerificationService.name);

  constructor(
    private readonly orders: OrderRepository,
    private readonly attempts: PickupAttemptRepository,
    private readonly credentials: PickupCredentialsService,
    private readonly clock: Clock,
  ) {}

  async verify(ctx: RequestContext, proof: PickupProof): Promise<PickupVerification> {
    if (proof.qrToken) {
      return this.verifyQr(ctx, proof.qrToken);
    }
    if (!proof.orderNumber || !proof.pickupCode) {
      throw new BadInputException('Give the scanned qrToken, or the orderNumber with the pickupCode', [
        { field: 'qrToken', messages: ['or orderNumber and pickupCode'] },
      ]);
    }
    return this.verifyCode(ctx, proof.orderNumber, proof.pickupCode);
  }

  private async verifyQr(ctx: RequestContext, token: string): Promise<PickupVerification> {
    const claims = this.credentials.readToken(token);
    if (!claims) {
      this.logger.warn(`forged or malformed pickup QR presented by ${ctx.actorLabel}`);
      return new InvalidPickupCodeError(null);
    }
    const order = this.handedOverHere(ctx, await this.orders.findById(ctx, claims.o), 'scanned QR');
    const refusal = this.refusal(order);
    if (refusal) {
      return refusal;
    }
    // A QR of credentials issued before the last ones (re-issued) no longer works.
    return order.pickupTokenNonce === claims.n ? order : new InvalidPickupCodeError(null);
  }

  private async verifyCode(ctx: RequestContext, orderNumber: string, code: string): Promise<PickupVerification> {
    const number = normaliseOrderNumber(orderNumber);
    const order = this.handedOverHere(ctx, number ? await this.orders.findByNumber(ctx, number) : null, number);
    const refusal = this.refusal(order);
    if (refusal) {
      return refusal;
    }
    if (this.credentials.codeMatches(order.id, code, order.pickupCodeHash)) {
      return order;
    }
    const now = this.clock.now();
    const state = await this.attempts.recordFailure(ctx, order.id, PICKUP_MAX_FAILED_ATTEMPTS, new Date(now.getTime() + PICKUP_LOCK_MS), now);
    this.logger.warn(`wrong pickup code for order ${order.number} by ${ctx.actorLabel} (${state.failedAttempts} failures)`);
    if (locksAfterFailure(state.failedAttempts) && state.lockedUntil) {
      return new PickupLockedError(state.lockedUntil);
    }
    return new InvalidPickupCodeError(attemptsRemaining(state.failedAttempts));
  }

  private handedOverHere(ctx: RequestContext, order: OrderEntity | null, reference: string): OrderEntity {
    return visibleOrFail(order, (o) => staffHandles(ctx, o), reference);
  }

  /** Not ready (yet, or any more), or locked after wrong codes: refused before the code is even looked at. */
  private refusal(order: OrderEntity): OrderStateTransitionError | PickupLockedError | null {
    if (order.state !== OrderState.READY_FOR_PICKUP) {
      return new OrderStateTransitionError(order.state, OrderState.PICKED_UP);
    }
    if (order.pickupLockedUntil && order.pickupLockedUntil.getTime() > this.clock.now().getTime()) {
      return new PickupLockedError(order.pickupLockedUntil);
    }
    return null;
  }
}
