import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { entityManagerOf, queryRows, RequestContext } from '@omnitill/common';
import { StoreCreditAccountEntity, StoreCreditEntryEntity } from '../entities/store-credit.entity';
import { ORDER_REFERENCE_TYPE, StoreCreditEntryKind } from '../entities/return.enums';

/** What every ledger entry records besides the amount. */
export interface CreditEntryMeta {
  readonly kind: StoreCreditEntryKind;
  readonly referenceType: string;
  readonly referenceId: string;
  readonly actor: string;
  readonly at: Date;
}

const ENTRY_INSERT = `INSERT INTO store_credit_entry (customer_id, kind, amount, balance_after, currency, reference_type, reference_id, actor, created_at)`;

/**
 * Store-credit balances and their ledger. Each change is ONE statement that moves the balance and
 * appends the entry together (data-modifying CTE); debits are guarded (balance >= amount), so a
 * balance never goes negative and is never read to be written back.
 */
@Injectable()
export class StoreCreditRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Adds `amount` (> 0), opening the account in `currency` on first use. Returns the balance
   * after, or null when the account holds another currency (nothing changed).
   */
  async credit(ctx: RequestContext, customerId: string, amount: number, currency: string, meta: CreditEntryMeta): Promise<number | null> {
    const rows = await queryRows<{ balance_after: number }>(
      entityManagerOf(ctx, this.dataSource),
      `WITH account AS (
        INSERT INTO store_credit_account AS a (customer_id, balance_amount, currency, created_at, updated_at)
        VALUES ($1, $2, $3, $4, $4)
        ON CONFLICT (customer_id) DO UPDATE SET balance_amount = a.balance_amount + EXCLUDED.balance_amount, updated_at = EXCLUDED.updated_at
          WHERE a.currency = EXCLUDED.currency
        RETURNING a.customer_id, a.balance_amount, a.currency
      )
      ${ENTRY_INSERT}
      SELECT customer_id, $5, $2, balance_amount, currency, $6, $7, $8, $4 FROM account
      RETURNING balance_after`,
      [customerId, amount, currency, meta.at, meta.kind, meta.referenceType, meta.referenceId, meta.actor],
    );
    return rows[0]?.balance_after ?? null;
  }

  /**
   * Takes `amount` (> 0) off the balance only if it covers it, in `currency`. Returns the balance
   * after, or null when it does not (nothing changed). A second debit with the same reference
   * violates the unique index: callers look for it first, with the account locked.
   */
  async debit(ctx: RequestContext, customerId: string, amount: number, currency: string, meta: CreditEntryMeta): Promise<number | null> {
    const rows = await queryRows<{ balance_after: number }>(
      entityManagerOf(ctx, this.dataSource),
      `WITH account AS (
        UPDATE store_credit_account SET balance_amount = balance_amount - $2, updated_at = $4
        WHERE customer_id = $1 AND currency = $3 AND balance_amount >= $2
        RETURNING customer_id, balance_amount, currency
      )
      ${ENTRY_INSERT}
      SELECT customer_id, $5, -$2::int, balance_amount, currency, $6, $7, $8, $4 FROM account
      RETURNING balance_after`,
      [customerId, amount, currency, meta.at, meta.kind, meta.referenceType, meta.referenceId, meta.actor],
    );
    return rows[0]?.balance_after ?? null;
  }

  findAccount(ctx: RequestContext, customerId: string): Promise<StoreCreditAccountEntity | null> {
    return entityManagerOf(ctx, this.dataSource).findOneBy(StoreCreditAccountEntity, { customerId });
  }

  /** Locks the account (debits of one customer queue here, so a reference is checked once). */
  lockAccount(ctx: RequestContext, customerId: string): Promise<StoreCreditAccountEntity | null> {
    return entityManagerOf(ctx, this.dataSource).findOne(StoreCreditAccountEntity, { where: { customerId }, lock: { mode: 'pessimistic_write' } });
  }

  findDebit(ctx: RequestContext, referenceType: string, referenceId: string): Promise<StoreCreditEntryEntity | null> {
    return entityManagerOf(ctx, this.dataSource).findOneBy(StoreCreditEntryEntity, { kind: StoreCreditEntryKind.DEBIT, referenceType, referenceId });
  }

  /** What was debited for each of these orders (the unique DEBIT reference index finds them). */
  async debitedForOrders(ctx: RequestContext, orderIds: readonly string[]): Promise<Map<string, { amount: number; currency: string }>> {
    const rows = await queryRows<{ order_id: string; amount: number; currency: string }>(
      entityManagerOf(ctx, this.dataSource),
      `SELECT reference_id AS order_id, -amount AS amount, currency FROM store_credit_entry
        WHERE kind = $1 AND reference_type = $2 AND reference_id = ANY($3::varchar[])`,
      [StoreCreditEntryKind.DEBIT, ORDER_REFERENCE_TYPE, orderIds],
    );
    return new Map(rows.map((row) => [row.order_id, { amount: row.amount, currency: row.currency.trim() }]));
  }

  /** The newest entries first. */
  entries(ctx: RequestContext, customerId: string, limit: number): Promise<StoreCreditEntryEntity[]> {
    return entityManagerOf(ctx, this.dataSource).find(StoreCreditEntryEntity, { where: { customerId }, order: { id: 'DESC' }, take: limit });
  }
}
