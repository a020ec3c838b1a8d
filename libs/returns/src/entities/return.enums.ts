import { registerEnumType } from '@nestjs/graphql';

/** Where a return is in its life (see state/return-machine.ts for the transitions). */
export enum ReturnState {
  /** Support agreed to take the goods back; nothing moved yet. Expires unless a store receives it. */
  AUTHORISED = 'AUTHORISED',
  /** The goods came back into a store (stock movements written). */
  RECEIVED = 'RECEIVED',
  /** The refund was recorded (to the original tender, or as store credit). */
  REFUNDED = 'REFUNDED',
  REJECTED = 'REJECTED',
  EXPIRED = 'EXPIRED',
}
registerEnumType(ReturnState, { name: 'ReturnState' });

export enum RefundMethod {
  /** Back to what the customer paid with, recorded for the payment provider (cash: paid out at the till). */
  ORIGINAL_TENDER = 'ORIGINAL_TENDER',
  /** A balance on the customer profile, spendable at the POS. */
  STORE_CREDIT = 'STORE_CREDIT',
  /** Applied to the replacement sale of an exchange; only the difference is refunded. */
  EXCHANGE = 'EXCHANGE',
}
registerEnumType(RefundMethod, { name: 'RefundMethod' });

export enum ReturnReasonCode {
  WRONG_SIZE = 'WRONG_SIZE',
  DEFECTIVE = 'DEFECTIVE',
  NOT_AS_DESCRIBED = 'NOT_AS_DESCRIBED',
  DAMAGED_IN_TRANSIT = 'DAMAGED_IN_TRANSIT',
  CHANGED_MIND = 'CHANGED_MIND',
  OTHER = 'OTHER',
}
registerEnumType(ReturnReasonCode, { name: 'ReturnReasonCode' });

/** The state of a unit as it comes back: decides restock or write-off. */
export enum ItemCondition {
  RESELLABLE = 'RESELLABLE',
  DAMAGED = 'DAMAGED',
}
registerEnumType(ItemCondition, { name: 'ItemCondition' });

export enum RefundState {
  /** Recorded for the payment provider to execute (card, online payment). */
  PENDING_PROVIDER = 'PENDING_PROVIDER',
  /** Done: cash paid out at the till, store credit booked. */
  COMPLETED = 'COMPLETED',
}
registerEnumType(RefundState, { name: 'RefundState' });

export enum StoreCreditEntryKind {
  /** A return refunded as credit. */
  CREDIT = 'CREDIT',
  /** Spent on a sale. */
  DEBIT = 'DEBIT',
  /** Moved between profiles when support merges duplicates. */
  MERGE_IN = 'MERGE_IN',
  MERGE_OUT = 'MERGE_OUT',
}
registerEnumType(StoreCreditEntryKind, { name: 'StoreCreditEntryKind' });

/** The reference type returns carry in the stock ledger and the store-credit ledger. */
export const RETURN_REFERENCE_TYPE = 'RETURN';
/** Debits of store credit reference the order they paid for. */
export const ORDER_REFERENCE_TYPE = 'ORDER';
