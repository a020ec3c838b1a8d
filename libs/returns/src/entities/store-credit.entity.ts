import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { CustomerEntity } from '@omnitill/customer';
import { StoreCreditEntryKind } from './return.enums';

const KINDS = Object.values(StoreCreditEntryKind).map((kind) => `'${kind}'`).join(', ');

/** Unique index that makes spending credit on one order idempotent. */
export const STORE_CREDIT_DEBIT_REFERENCE_INDEX = 'uq_store_credit_entry_debit_reference';

/**
 * A customer's store credit. The balance only changes through guarded UPDATEs together with a
 * ledger entry, and the CHECK makes a negative balance impossible whatever the concurrency.
 */
@Entity('store_credit_account')
@Check('chk_store_credit_account_balance', '"balance_amount" >= 0')
export class StoreCreditAccountEntity {
  @PrimaryColumn({ name: 'customer_id', type: 'uuid', primaryKeyConstraintName: 'pk_store_credit_account' })
  customerId!: string;

  @ManyToOne(() => CustomerEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'customer_id', foreignKeyConstraintName: 'fk_store_credit_account_customer' })
  customer?: CustomerEntity;

  @Column({ name: 'balance_amount', type: 'integer' })
  balanceAmount!: number;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** The append-only ledger of a store-credit account (a trigger refuses UPDATE and DELETE). */
@Entity('store_credit_entry')
@Check('chk_store_credit_entry_kind', `"kind" IN (${KINDS})`)
@Check('chk_store_credit_entry_amount', '"amount" <> 0')
@Check('chk_store_credit_entry_balance_after', '"balance_after" >= 0')
@Index('idx_store_credit_entry_customer', ['customerId', 'id'])
@Index(STORE_CREDIT_DEBIT_REFERENCE_INDEX, ['referenceType', 'referenceId'], { unique: true, where: `"kind" = 'DEBIT'` })
export class StoreCreditEntryEntity {
  /** bigint: returned by the driver as a string. */
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'pk_store_credit_entry' })
  id!: string;

  @Column({ name: 'customer_id', type: 'uuid' })
  customerId!: string;

  @ManyToOne(() => StoreCreditAccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'customer_id', foreignKeyConstraintName: 'fk_store_credit_entry_account' })
  account?: StoreCreditAccountEntity;

  @Column({ type: 'varchar', length: 16 })
  kind!: StoreCreditEntryKind;

  /** Signed: credits positive, debits negative. */
  @Column({ type: 'integer' })
  amount!: number;

  @Column({ name: 'balance_after', type: 'integer' })
  balanceAfter!: number;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  /** RETURN (credit), ORDER (debit), CUSTOMER (merge). */
  @Column({ name: 'reference_type', type: 'varchar', length: 32 })
  referenceType!: string;

  @Column({ name: 'reference_id', type: 'varchar', length: 64 })
  referenceId!: string;

  @Column({ type: 'varchar', length: 120 })
  actor!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
