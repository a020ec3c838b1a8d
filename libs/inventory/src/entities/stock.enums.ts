/** Why on hand changed. Every change of on hand is one ledger row of one of these types. */
export enum StockMovementType {
  RECEIPT = 'RECEIPT',
  SALE = 'SALE',
  PICKUP = 'PICKUP',
  RETURN_RESTOCK = 'RETURN_RESTOCK',
  DAMAGE = 'DAMAGE',
  COUNT_CORRECTION = 'COUNT_CORRECTION',
  TRANSFER_OUT = 'TRANSFER_OUT',
  TRANSFER_IN = 'TRANSFER_IN',
  ADJUSTMENT = 'ADJUSTMENT',
}

export enum StockReservationState {
  ACTIVE = 'ACTIVE',
  COMMITTED = 'COMMITTED',
  RELEASED = 'RELEASED',
  EXPIRED = 'EXPIRED',
}

export enum StockTransferState {
  IN_TRANSIT = 'IN_TRANSIT',
  RECEIVED = 'RECEIVED',
  CANCELLED = 'CANCELLED',
}

/** The movement a committed reservation becomes: collected at the counter, or sold (shipped). */
export type ReservationCommitMovement = StockMovementType.PICKUP | StockMovementType.SALE;
