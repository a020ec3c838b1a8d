import { Injectable } from '@nestjs/common';
import { BadInputException, RequestContext } from '@omnitill/common';
import { RefundEntity } from '../entities/refund.entity';
import { ReturnLineEntity } from '../entities/return-line.entity';
import { ReturnRequestEntity } from '../entities/return-request.entity';
import { RefundRepository } from '../repositories/refund.repository';
import { ReturnRequestRepository } from '../repositories/return-request.repository';

/** A return with everything the API shows of it. */
export interface ReturnView {
  readonly request: ReturnRequestEntity;
  readonly lines: ReturnLineEntity[];
  readonly refunds: RefundEntity[];
}

/** Loads lines and refunds for any number of returns in two queries. */
@Injectable()
export class ReturnViewLoader {
  constructor(
    private readonly requests: ReturnRequestRepository,
    private readonly refunds: RefundRepository,
  ) {}

  async load(ctx: RequestContext, requests: readonly ReturnRequestEntity[]): Promise<ReturnView[]> {
    const withLines = await this.requests.withLines(ctx, requests);
    const refunds = await this.refunds.byReturns(ctx, requests.map((request) => request.id));
    return withLines.map(({ request, lines }) => ({ request, lines, refunds: refunds.filter((refund) => refund.returnId === request.id) }));
  }

  /**
   * The return a till already recorded under `clientReturnId` (a retry, or a till syncing late),
   * or null. The key belongs to one order: reusing it for another is refused.
   */
  async replayOf(ctx: RequestContext, clientReturnId: string | null | undefined, orderId: string): Promise<ReturnView | null> {
    if (!clientReturnId) {
      return null;
    }
    const request = await this.requests.findByClientReturnId(ctx, clientReturnId);
    if (!request) {
      return null;
    }
    if (request.orderId !== orderId.toLowerCase()) {
      throw new BadInputException('This client id was already used for a return of another order', [{ field: 'clientReturnId', messages: ['already used'] }]);
    }
    return this.loadOne(ctx, request);
  }

  async loadOne(ctx: RequestContext, request: ReturnRequestEntity): Promise<ReturnView> {
    const [view] = await this.load(ctx, [request]);
    return view;
  }
}
