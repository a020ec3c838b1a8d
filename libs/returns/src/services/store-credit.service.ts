import { Injectable } from '@nestjs/common';
import { BadInputException, Clock, DomainException, ErrorCode, ForbiddenException, Money, RequestContext } from '@omnitill/common';
import { StoreCreditEntryEntity } from '../entities/store-credit.entity';
import { StoreCreditEntryKind } from '../entities/return.enums';
import { InsufficientStoreCreditError } from '@omnitill/order';
import { StoreCreditRepository } from '../repositories/store-credit.repository';

export interface StoreCreditReference {
  /** RETURN for credits, ORDER for debits, CUSTOMER for merges. */
  readonly type: string;
  readonly id: string;
}

export interface StoreCreditBalance {
  readonly customerId: string;
  /** null when the customer never had store credit. */
  readonly balance: Money | null;
  readonly entries: StoreCreditEntryEntity[];
}

export const MAX_STATEMENT_ENTRIES = 50;

function requireTransaction(ctx: RequestContext, operation: string): void {
  if (!ctx.entityManager?.queryRunner?.isTransactionActive) {
    throw new Error(`StoreCreditService.${operation} must run inside the caller's transaction`);
  }
}

function assertAmount(amount: number): void {
  if (!Number.isSafeInteger(amount) || amount <= 0) {
    throw new BadInputException('Store credit amounts are positive integers in minor units', [{ field: 'amount', messages: ['must be > 0'] }]);
  }
}

/**
 * Store credit on customer profiles. For other libs (the POS, the storefront), the door is
 * `debit(ctx, customerId, amount, reference)` inside the sale's transaction: a guarded UPDATE,
 * idempotent per reference, that answers InsufficientStoreCreditError instead of going negative.
 */
@Injectable()
export class StoreCreditService {
  constructor(
    private readonly credits: StoreCreditRepository,
    private readonly clock: Clock,
  ) {}

  /** Adds credit (a return refunded as store credit). Returns the balance after. */
  async credit(ctx: RequestContext, customerId: string, amount: Money, reference: StoreCreditReference, kind = StoreCreditEntryKind.CREDIT): Promise<Money> {
    requireTransaction(ctx, 'credit');
    assertAmount(amount.amount);
    const after = await this.credits.credit(ctx, customerId, amount.amount, amount.currency, this.meta(ctx, kind, reference));
    if (after === null) {
      throw new DomainException(ErrorCode.CONFLICT, `The customer's store credit is kept in another currency than ${amount.currency}`);
    }
    return new Money(after, amount.currency);
  }

  /**
   * Spends credit. Debiting the same reference again answers the balance without debiting twice
   * (a till retrying). The account row is locked first, so concurrent debits of one customer queue.
   */
  async debit(ctx: RequestContext, customerId: string, amount: Money, reference: StoreCreditReference): Promise<Money | InsufficientStoreCreditError> {
    requireTransaction(ctx, 'debit');
    assertAmount(amount.amount);
    const account = await this.credits.lockAccount(ctx, customerId);
    if (!account || account.currency.trim() !== amount.currency) {
      return new InsufficientStoreCreditError(new Money(0, amount.currency), amount);
    }
    if (await this.credits.findDebit(ctx, reference.type, reference.id)) {
      return new Money(account.balanceAmount, amount.currency);
    }
    const after = await this.credits.debit(ctx, customerId, amount.amount, amount.currency, this.meta(ctx, StoreCreditEntryKind.DEBIT, reference));
    return after === null ? new InsufficientStoreCreditError(new Money(account.balanceAmount, amount.currency), amount) : new Money(after, amount.currency);
  }

  /** The balance and the newest entries; a customer may only read their own. */
  async balanceOf(ctx: RequestContext, customerId: string): Promise<StoreCreditBalance> {
    if (ctx.actor.kind === 'customer' && ctx.actor.customerId !== customerId) {
      throw new ForbiddenException();
    }
    const account = await this.credits.findAccount(ctx, customerId);
    return {
      customerId,
      balance: account ? new Money(account.balanceAmount, account.currency.trim()) : null,
      entries: account ? await this.credits.entries(ctx, customerId, MAX_STATEMENT_ENTRIES) : [],
    };
  }

  /** Merging profiles: the duplicate's whole balance moves to the survivor (two ledger entries). */
  async moveBalance(ctx: RequestContext, fromCustomerId: string, toCustomerId: string): Promise<number> {
    requireTransaction(ctx, 'moveBalance');
    const account = await this.credits.lockAccount(ctx, fromCustomerId);
    if (!account || account.balanceAmount === 0) {
      return 0;
    }
    const amount = new Money(account.balanceAmount, account.currency.trim());
    const meta = (kind: StoreCreditEntryKind, id: string) => this.meta(ctx, kind, { type: 'CUSTOMER', id });
    await this.credits.debit(ctx, fromCustomerId, amount.amount, amount.currency, meta(StoreCreditEntryKind.MERGE_OUT, toCustomerId));
    if ((await this.credits.credit(ctx, toCustomerId, amount.amount, amount.currency, meta(StoreCreditEntryKind.MERGE_IN, fromCustomerId))) === null) {
      throw new DomainException(ErrorCode.CONFLICT, 'The two profiles hold store credit in different currencies');
    }
    return 1;
  }

  private meta(ctx: RequestContext, kind: StoreCreditEntryKind, reference: StoreCreditReference) {
    return { kind, referenceType: reference.type, referenceId: reference.id, actor: ctx.actorLabel, at: this.clock.now() };
  }
}
