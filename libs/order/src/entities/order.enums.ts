/** Where an order was taken: the online shop (storefront, customer app) or a store's till. */
export enum OrderChannel {
  ONLINE = 'ONLINE',
  POS = 'POS',
}

/** How the goods reach the customer. */
export enum OrderFulfilment {
  PICKUP = 'PICKUP',
  SHIP = 'SHIP',
  CARRY_OUT = 'CARRY_OUT',
}

/** Every state of every order machine (see state/order-machines.ts for which flow uses which). */
export enum OrderState {
  PLACED = 'PLACED',
  PICKING = 'PICKING',
  READY_FOR_PICKUP = 'READY_FOR_PICKUP',
  PICKED_UP = 'PICKED_UP',
  SHIPPED = 'SHIPPED',
  CANCELLED = 'CANCELLED',
  EXPIRED = 'EXPIRED',
  COMPLETED = 'COMPLETED',
  VOIDED = 'VOIDED',
}

export enum PaymentMethod {
  CASH = 'CASH',
  CARD = 'CARD',
  GIFT = 'GIFT',
  STORE_CREDIT = 'STORE_CREDIT',
  EXTERNAL = 'EXTERNAL',
}

/** The reference type order writes carry in the stock ledger and on reservations. */
export const ORDER_REFERENCE_TYPE = 'ORDER';
