import { TestApp } from './test-app';
import { MoneyData, ORDER_DOCUMENTS, ORDER_FIELDS, OrderData, PickupCredentialsData, pickupOrderInput, saleInput, SaleData, StoreWithStaff, tillLogin } from './order-builders';

const MONEY = '{ amount currency }';
export const RETURN_FIELDS = `id number orderId customerId receivingStoreId state authorisedBy authorisedExpiresAt reason windowEndsAt
  windowOverrideReason overriddenBy refundMethod refundAmount ${MONEY} originalPaymentReference exchangeOrderId receivedBy
  createdAt receivedAt refundedAt rejectedAt rejectedReason expiredAt
  lines { id orderLineId variantId sku quantity reason condition refund ${MONEY} }
  refunds { id method tender amount ${MONEY} paymentReference state createdAt }`;

const ERROR = '... on ErrorResult { errorCode message }';
const PREFLIGHT_ERRORS = `${ERROR}
  ... on ReturnWindowExpiredError { windowEndsAt }
  ... on OverReturnError { orderLineId requested returnable }
  ... on OrderNotReturnableError { orderId orderState: state }`;
const STATE_ERROR = '... on ReturnStateError { returnId fromState toState stateReason: reason }';
const BALANCE_FIELDS = `customerId balance ${MONEY} entries { kind amount ${MONEY} balanceAfter ${MONEY} referenceType referenceId createdAt }`;

/** The returns GraphQL documents the e2e journeys send. */
export const RETURNS_DOCUMENTS = {
  findReturnableOrder: `query($q: String!) {
    findReturnableOrder(numberOrReceiptToken: $q) {
      order { id number state storeId } returnable windowDays windowEndsAt withinWindow
      lines { orderLineId variantId sku quantity refusedQuantity returnedQuantity returnableQuantity authorisedQuantity paid ${MONEY} nextUnitRefund ${MONEY} }
      returns { id number state }
    }
  }`,
  returnItems: `mutation($input: ReturnItemsInput!) { returnItems(input: $input) { __typename ... on Return { ${RETURN_FIELDS} } ${PREFLIGHT_ERRORS} } }`,
  authoriseReturn: `mutation($input: AuthoriseReturnInput!) { authoriseReturn(input: $input) { __typename ... on Return { ${RETURN_FIELDS} } ${PREFLIGHT_ERRORS} } }`,
  receiveAuthorisedReturn: `mutation($input: ReceiveAuthorisedReturnInput!) {
    receiveAuthorisedReturn(input: $input) {
      __typename ... on Return { ${RETURN_FIELDS} } ${STATE_ERROR} ${ERROR}
      ... on OverReturnError { orderLineId requested returnable }
      ... on OrderNotReturnableError { orderId orderState: state }
    }
  }`,
  rejectReturn: `mutation($input: RejectReturnInput!) { rejectReturn(input: $input) { __typename ... on Return { ${RETURN_FIELDS} } ${STATE_ERROR} ${ERROR} } }`,
  expireReturnAuthorisations: 'mutation { expireReturnAuthorisations }',
  exchangeItems: `mutation($input: ExchangeItemsInput!) {
    exchangeItems(input: $input) {
      __typename
      ... on Exchange { return { ${RETURN_FIELDS} } replacementOrder { ${ORDER_FIELDS} } collected ${MONEY} refunded ${MONEY} }
      ${PREFLIGHT_ERRORS}
      ... on PaymentShortfallError { dueAmount ${MONEY} paidAmount ${MONEY} }
      ... on UnknownSkuError { references }
    }
  }`,
  returnsForOrder: `query($orderId: ID!) { returnsForOrder(orderId: $orderId) { ${RETURN_FIELDS} } }`,
  orderWithReturns: `query($id: ID!) { order(id: $id) { id returns { id number state refundAmount ${MONEY} } history { toState } } }`,
  storeCreditBalance: `query($customerId: ID!) { storeCreditBalance(customerId: $customerId) { ${BALANCE_FIELDS} } }`,
  myStoreCredit: `query { myStoreCredit { ${BALANCE_FIELDS} } }`,
  setStoreReturnPolicy: `mutation($input: SetStoreReturnPolicyInput!) { setStoreReturnPolicy(input: $input) { storeId windowDays isDefault } }`,
  customerTimeline: `query($id: ID!) { customerTimeline(customerId: $id) { items { kind summary referenceId storeId } totalCount } }`,
} as const;

export interface ReturnData {
  __typename: string;
  errorCode?: string;
  message?: string;
  id: string;
  number: string;
  orderId: string;
  customerId: string | null;
  receivingStoreId: string | null;
  state: string;
  authorisedBy: string;
  authorisedExpiresAt: string | null;
  reason: string | null;
  windowEndsAt: string;
  windowOverrideReason: string | null;
  overriddenBy: string | null;
  refundMethod: string;
  refundAmount: MoneyData;
  originalPaymentReference: string | null;
  exchangeOrderId: string | null;
  receivedBy: string | null;
  createdAt: string;
  receivedAt: string | null;
  refundedAt: string | null;
  rejectedAt: string | null;
  rejectedReason: string | null;
  expiredAt: string | null;
  lines: { id: string; orderLineId: string; variantId: string; sku: string; quantity: number; reason: string; condition: string | null; refund: MoneyData }[];
  refunds: { id: string; method: string; tender: string | null; amount: MoneyData; paymentReference: string | null; state: string; createdAt: string }[];
  windowEndsAtError?: string;
  orderLineId?: string;
  requested?: number;
  returnable?: number;
  fromState?: string;
  toState?: string;
  /** OrderNotReturnableError's state (aliased: it clashes with Return.state). */
  orderState?: string;
  /** ReturnStateError's reason (aliased: it clashes with Return.reason). */
  stateReason?: string;
}

export interface ExchangeData {
  __typename: string;
  errorCode?: string;
  message?: string;
  return: ReturnData;
  replacementOrder: OrderData;
  collected: MoneyData;
  refunded: MoneyData;
  returnable?: number;
}

export interface ReturnableOrderData {
  order: { id: string; number: string; state: string; storeId: string };
  returnable: boolean;
  windowDays: number;
  windowEndsAt: string;
  withinWindow: boolean;
  lines: {
    orderLineId: string; variantId: string; sku: string; quantity: number; refusedQuantity: number; returnedQuantity: number;
    returnableQuantity: number; authorisedQuantity: number; paid: MoneyData; nextUnitRefund: MoneyData;
  }[];
  returns: { id: string; number: string; state: string }[];
}

export interface StoreCreditData {
  __typename?: string;
  errorCode?: string;
  customerId: string;
  balance: MoneyData | null;
  entries: { kind: string; amount: MoneyData; balanceAfter: MoneyData; referenceType: string; referenceId: string; createdAt: string }[];
  available?: MoneyData;
  requested?: MoneyData;
}

export interface ReturnLineValue {
  orderLineId: string;
  quantity: number;
  reason?: string;
  condition?: 'RESELLABLE' | 'DAMAGED';
}

/** returnItems input with defaults: WRONG_SIZE, RESELLABLE, original tender. */
export function returnInput(order: Pick<OrderData, 'id'>, lines: readonly ReturnLineValue[], overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    orderId: order.id,
    lines: lines.map((line) => ({ reason: 'WRONG_SIZE', condition: 'RESELLABLE', ...line })),
    refundMethod: 'ORIGINAL_TENDER',
    ...overrides,
  };
}

export async function returnItems(app: TestApp, token: string, input: Record<string, unknown>): Promise<ReturnData> {
  const data = await app.ok<{ returnItems: ReturnData }>(RETURNS_DOCUMENTS.returnItems, { input }, { token });
  return data.returnItems;
}

/** Row counts of every returns table and the tables a return writes to, to prove nothing changed. */
export async function returnsFootprint(app: TestApp): Promise<Record<string, number>> {
  const tables = ['return_request', 'return_line', 'refund', 'store_credit_entry', 'stock_movement', 'domain_event', 'return_number_sequence'];
  const counts: Record<string, number> = {};
  for (const table of tables) {
    counts[table] = await app.count(table);
  }
  const [returned] = await app.query<{ units: string | null }>('SELECT sum(returned_quantity) AS units FROM order_line');
  counts.returned_units = Number(returned.units ?? 0);
  return counts;
}

type OrderLines = readonly { sku: string; quantity: number; priceOverride?: { unitPriceAmount: number; reason: string } }[];

/** An online pickup order placed through the storefront (or a customer token), picked, ready and collected at `store`. */
export async function collectedPickupOrder(app: TestApp, auth: { apiKey?: string; token?: string }, store: StoreWithStaff, lines: OrderLines): Promise<OrderData> {
  const placed = await app.ok<{ placePickupOrder: OrderData }>(ORDER_DOCUMENTS.placePickupOrder, { input: pickupOrderInput(store.id, lines) }, auth);
  if (placed.placePickupOrder.__typename !== 'Order') {
    throw new Error(`placePickupOrder failed: ${placed.placePickupOrder.__typename}`);
  }
  const token = await tillLogin(app, store);
  const id = placed.placePickupOrder.id;
  await app.ok(ORDER_DOCUMENTS.startPicking, { id }, { token });
  const ready = await app.ok<{ markReadyForPickup: PickupCredentialsData }>(ORDER_DOCUMENTS.markReadyForPickup, { id }, { token });
  const collected = await app.ok<{ collectPickupOrder: OrderData }>(ORDER_DOCUMENTS.collectPickupOrder, { input: { qrToken: ready.markReadyForPickup.qrToken } }, { token });
  if (collected.collectPickupOrder.state !== 'PICKED_UP') {
    throw new Error(`collectPickupOrder failed: ${collected.collectPickupOrder.__typename}`);
  }
  return collected.collectPickupOrder;
}

/** A ship order placed online from `store`'s stock and marked shipped by its manager. */
export async function shippedOrder(app: TestApp, auth: { apiKey?: string; token?: string }, store: StoreWithStaff, lines: OrderLines): Promise<OrderData> {
  const placed = await app.ok<{ placeShipOrder: OrderData }>(ORDER_DOCUMENTS.placeShipOrder, {
    input: { ...pickupOrderInput(store.id, lines), shippingAddress: { name: 'Sam Shopper', line1: 'Hauptstr. 1', city: 'Hamburg', postalCode: '20095', countryCode: 'DE' } },
  }, auth);
  if (placed.placeShipOrder.__typename !== 'Order') {
    throw new Error(`placeShipOrder failed: ${placed.placeShipOrder.__typename}`);
  }
  const token = await tillLogin(app, store, 'manager');
  const shipped = await app.ok<{ markShipped: OrderData }>(ORDER_DOCUMENTS.markShipped, { id: placed.placeShipOrder.id, tracking: 'DHL-1' }, { token });
  if (shipped.markShipped.state !== 'SHIPPED') {
    throw new Error(`markShipped failed: ${shipped.markShipped.__typename}`);
  }
  return shipped.markShipped;
}

/** A till sale as the till sees the answer: a Sale or a typed refusal. */
export async function tryPosSale(
  app: TestApp,
  store: StoreWithStaff,
  lines: OrderLines,
  payments: readonly Record<string, unknown>[],
  overrides: Record<string, unknown> = {},
  who: 'cashier' | 'manager' = 'cashier',
): Promise<SaleData> {
  const token = await tillLogin(app, store, who);
  return (await app.ok<{ recordSale: SaleData }>(ORDER_DOCUMENTS.recordSale, { input: saleInput(lines, payments, overrides) }, { token })).recordSale;
}

/** A till sale at `store`; fails the test unless it is recorded. */
export async function posSale(
  app: TestApp,
  store: StoreWithStaff,
  lines: OrderLines,
  payments: readonly Record<string, unknown>[],
  overrides: Record<string, unknown> = {},
  who: 'cashier' | 'manager' = 'cashier',
): Promise<SaleData> {
  const sale = await tryPosSale(app, store, lines, payments, overrides, who);
  if (sale.__typename !== 'Sale') {
    throw new Error(`recordSale failed: ${sale.__typename} ${sale.message ?? ''}`);
  }
  return sale;
}
