import { Injectable, OnModuleInit } from '@nestjs/common';
import { Clock, Money, RequestContext } from '@omnitill/common';
import {
  CustomerChannel, CustomerDataExporter, CustomerDataExporterRegistry, CustomerMergeParticipant, CustomerMergeRegistry,
  CustomerTimelineRegistry, CustomerTimelineSource, JsonObject, TimelineEntry, TimelineEntryKind,
} from '@omnitill/customer';
import { ReturnRequestEntity } from '../entities/return-request.entity';
import { RefundMethod, ReturnState } from '../entities/return.enums';
import { ReturnRequestRepository } from '../repositories/return-request.repository';
import { StoreCreditRepository } from '../repositories/store-credit.repository';
import { StoreCreditService } from '../services/store-credit.service';

const PARTICIPANT_NAME = 'returns';
const EXPORT_LIMIT = 10_000;

const METHOD_TEXT: Readonly<Record<RefundMethod, string>> = {
  [RefundMethod.ORIGINAL_TENDER]: 'to the original payment',
  [RefundMethod.STORE_CREDIT]: 'as store credit',
  [RefundMethod.EXCHANGE]: 'towards an exchange',
};

export function returnSummary(request: ReturnRequestEntity): string {
  const amount = new Money(request.refundAmount, request.currency.trim()).format();
  switch (request.state) {
    case ReturnState.AUTHORISED:
      return `Return ${request.number} authorised (${amount} ${METHOD_TEXT[request.refundMethod]} once received)`;
    case ReturnState.RECEIVED:
    case ReturnState.REFUNDED:
      return `Return ${request.number} received in store: ${amount} refunded ${METHOD_TEXT[request.refundMethod]}`;
    case ReturnState.REJECTED:
      return `Return ${request.number} rejected: ${request.rejectedReason ?? ''}`.trim();
    case ReturnState.EXPIRED:
      return `Return ${request.number} authorisation expired`;
  }
}

/** Every return of the customer (authorised, received, rejected) on the one timeline. */
@Injectable()
export class ReturnTimelineSource implements CustomerTimelineSource, OnModuleInit {
  readonly name = PARTICIPANT_NAME;

  constructor(
    private readonly requests: ReturnRequestRepository,
    private readonly registry: CustomerTimelineRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async latestEntries(ctx: RequestContext, customerId: string, limit: number): Promise<TimelineEntry[]> {
    const requests = await this.requests.latestOfCustomer(ctx, customerId, limit);
    return requests.map((request) => ({
      occurredAt: request.createdAt,
      kind: TimelineEntryKind.RETURN,
      channel: request.receivingStoreId === null ? CustomerChannel.BACK_OFFICE : CustomerChannel.POS,
      storeId: request.receivingStoreId,
      summary: returnSummary(request),
      referenceId: request.id,
    }));
  }

  countEntries(ctx: RequestContext, customerId: string): Promise<number> {
    return this.requests.countOfCustomer(ctx, customerId);
  }
}

/** Merging profiles moves the duplicate's returns and its store-credit balance to the survivor. */
@Injectable()
export class ReturnMergeParticipant implements CustomerMergeParticipant, OnModuleInit {
  readonly name = PARTICIPANT_NAME;

  constructor(
    private readonly requests: ReturnRequestRepository,
    private readonly storeCredit: StoreCreditService,
    private readonly clock: Clock,
    private readonly registry: CustomerMergeRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async reassign(ctx: RequestContext, fromCustomerId: string, toCustomerId: string): Promise<number> {
    const moved = await this.requests.reassignCustomer(ctx, fromCustomerId, toCustomerId, this.clock.now());
    return moved + (await this.storeCredit.moveBalance(ctx, fromCustomerId, toCustomerId));
  }
}

/** The `returns` section of a data export: returns and the store-credit ledger. */
@Injectable()
export class ReturnDataExporter implements CustomerDataExporter, OnModuleInit {
  readonly name = PARTICIPANT_NAME;

  constructor(
    private readonly requests: ReturnRequestRepository,
    private readonly credits: StoreCreditRepository,
    private readonly registry: CustomerDataExporterRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async exportData(ctx: RequestContext, customerId: string): Promise<JsonObject> {
    const requests = await this.requests.latestOfCustomer(ctx, customerId, EXPORT_LIMIT);
    const account = await this.credits.findAccount(ctx, customerId);
    const entries = account ? await this.credits.entries(ctx, customerId, EXPORT_LIMIT) : [];
    return {
      returns: requests.map((request) => ({
        number: request.number,
        state: request.state,
        refundMethod: request.refundMethod,
        refundAmount: request.refundAmount,
        currency: request.currency.trim(),
        createdAt: request.createdAt.toISOString(),
        receivedAt: request.receivedAt?.toISOString() ?? null,
      })),
      storeCredit: account
        ? {
            balanceAmount: account.balanceAmount,
            currency: account.currency.trim(),
            entries: entries.map((entry) => ({ kind: entry.kind, amount: entry.amount, balanceAfter: entry.balanceAfter, createdAt: entry.createdAt.toISOString() })),
          }
        : null,
    };
  }
}
