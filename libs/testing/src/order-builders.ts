import { randomUUID } from 'node:crypto';
import { createStaff, createStore, registerTerminal, StoreOverrides, unique } from './builders';
import { receiveStockLines } from './inventory-builders';
import { TestApp } from './test-app';

/** Completes 12 digits with the EAN-13 check digit. */
export function ean13(prefix12: string): string {
  const sum = [...prefix12].reduce((acc, digit, index) => acc + Number(digit) * (index % 2 === 0 ? 1 : 3), 0);
  return `${prefix12}${(10 - (sum % 10)) % 10}`;
}

let barcodeSequence = Math.floor(Math.random() * 1_000_000);

/** A fresh valid EAN-13 (unique within a run). */
export function uniqueBarcode(): string {
  barcodeSequence += 1;
  return ean13(`40${String(barcodeSequence).padStart(10, '0')}`);
}

export interface SellableVariant {
  readonly id: string;
  readonly sku: string;
  readonly barcode: string;
  readonly priceAmount: number;
}

/** One product with a variant per price (EUR), each with a SKU and a barcode (admin token). */
export async function createSellableVariants(app: TestApp, adminToken: string, prices: readonly number[]): Promise<SellableVariant[]> {
  const variants = prices.map((priceAmount, index) => ({ sku: unique(`ORD-${index}-`), barcode: uniqueBarcode(), name: `Runner size ${40 + index}`, priceAmount, currency: 'EUR' }));
  const data = await app.ok<{ createProduct: { __typename: string; variants?: { id: string; sku: string; barcode: string }[] } }>(
    'mutation($input: CreateProductInput!) { createProduct(input: $input) { __typename ... on Product { variants { id sku barcode } } } }',
    { input: { name: 'Runner', brand: 'omnitill', variants } },
    { token: adminToken },
  );
  const created = data.createProduct.variants;
  if (!created) {
    throw new Error(`createProduct failed: ${data.createProduct.__typename}`);
  }
  return created.map((variant) => ({ ...variant, priceAmount: variants.find((v) => v.sku === variant.sku)?.priceAmount ?? 0 }));
}

export interface StoreWithStaff {
  readonly id: string;
  readonly code: string;
  readonly terminal: { id: string; key: string };
  readonly cashier: { id: string; email: string; password: string };
  readonly manager: { id: string; email: string; password: string };
}

/** A store with a terminal, a cashier and a manager. */
export async function createStoreWithStaff(app: TestApp, adminToken: string, overrides: StoreOverrides = {}): Promise<StoreWithStaff> {
  const store = await createStore(app, adminToken, overrides);
  const terminal = await registerTerminal(app, adminToken, store.id);
  const cashier = await createStaff(app, adminToken, 'CASHIER', [store.id]);
  const manager = await createStaff(app, adminToken, 'STORE_MANAGER', [store.id]);
  return { ...store, terminal, cashier, manager };
}

/** Staff session on the store's till. */
export function tillLogin(app: TestApp, store: StoreWithStaff, who: 'cashier' | 'manager' = 'cashier'): Promise<string> {
  const user = store[who];
  return app.login(user.email, user.password, store.terminal.key);
}

/** Puts `quantity` of every variant on the shelf at the store. */
export async function stockUp(app: TestApp, adminToken: string, storeId: string, variants: readonly { id: string }[], quantity: number): Promise<void> {
  await receiveStockLines(app, adminToken, storeId, variants.map((variant) => ({ variantId: variant.id, quantity })));
}

export interface ShelfStock {
  on_hand: number;
  reserved: number;
}

/** On hand and reserved straight from the database (0/0 when there is no level yet). */
export async function stockOf(app: TestApp, storeId: string, variantId: string): Promise<ShelfStock> {
  const [row] = await app.query<ShelfStock>('SELECT on_hand, reserved FROM stock_level WHERE store_id = $1 AND variant_id = $2', [storeId, variantId]);
  return row ?? { on_hand: 0, reserved: 0 };
}

export function pickupOrderInput(storeId: string, lines: readonly { sku?: string; variantId?: string; quantity: number }[], overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    storeId,
    lines,
    contact: { email: `guest-${unique()}@test.local`.toLowerCase(), phone: '+49 30 1234567', name: 'Gia Guest' },
    paymentReference: `psp_${unique()}`,
    ...overrides,
  };
}

export function saleInput(
  lines: readonly Record<string, unknown>[],
  payments: readonly Record<string, unknown>[],
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return { clientSaleId: randomUUID(), occurredAt: new Date().toISOString(), lines, payments, ...overrides };
}

const MONEY = '{ amount currency }';
export const ORDER_FIELDS = `id number channel fulfilment state storeId terminalId customerId couponCode paymentReference
  contact { email phone name }
  subtotal ${MONEY} discount ${MONEY} tax ${MONEY} total ${MONEY} refundDue ${MONEY}
  occurredAt placedAt promisedAt readyAt pickedUpAt shippedAt cancelledAt expiredAt voidedAt expiresAt pickupLockedUntil trackingNumber
  lines { id lineNo variantId sku name quantity unitPrice ${MONEY} listUnitPrice ${MONEY} priceOverrideReason discount ${MONEY} taxRateBp tax ${MONEY} total ${MONEY} refusedQuantity returnedQuantity }
  payments { method amount ${MONEY} tendered ${MONEY} change ${MONEY} externalReference }
  history { fromState toState actor reason occurredAt }`;

const ERROR = '... on ErrorResult { errorCode message }';
const TRANSITION = '... on OrderStateTransitionError { fromState toState reason }';
const INVALID_CODE = '... on InvalidPickupCodeError { attemptsRemaining }';
const LOCKED = '... on PickupLockedError { lockedUntil }';
const UNKNOWN_SKU = '... on UnknownSkuError { references }';
const SHORTFALL = `... on PaymentShortfallError { dueAmount ${MONEY} paidAmount ${MONEY} }`;
const NO_CREDIT = `... on InsufficientStoreCreditError { available ${MONEY} requested ${MONEY} }`;

const INSUFFICIENT = '... on InsufficientStockError { storeId shortLines: lines { variantId requested available } alternatives { storeId code distanceKm } }';

const RECEIPT_FIELDS = `orderId number storeCode storeName occurredAt text qrToken
  lines { lineNo sku name quantity unitPrice ${MONEY} priceOverrideReason discount ${MONEY} total ${MONEY} taxRateBp }
  subtotal ${MONEY} discount ${MONEY} tax ${MONEY} total ${MONEY} changeDue ${MONEY}
  taxes { rateBp gross ${MONEY} net ${MONEY} tax ${MONEY} }
  payments { method amount ${MONEY} tendered ${MONEY} change ${MONEY} }`;

/** The order GraphQL documents the e2e journeys send. */
export const ORDER_DOCUMENTS = {
  placePickupOrder: `mutation($input: PlacePickupOrderInput!) {
    placePickupOrder(input: $input) { __typename ... on Order { ${ORDER_FIELDS} } ${INSUFFICIENT} ${UNKNOWN_SKU} ${NO_CREDIT} ${ERROR} }
  }`,
  placeShipOrder: `mutation($input: PlaceShipOrderInput!) {
    placeShipOrder(input: $input) { __typename ... on Order { ${ORDER_FIELDS} shippingAddress { city } } ${INSUFFICIENT} ${UNKNOWN_SKU} ${NO_CREDIT} ${ERROR} }
  }`,
  startPicking: `mutation($id: ID!) { startPicking(orderId: $id) { __typename ... on Order { ${ORDER_FIELDS} } ${TRANSITION} ${ERROR} } }`,
  markReadyForPickup: `mutation($id: ID!) {
    markReadyForPickup(orderId: $id) { __typename ... on PickupCredentials { code qrToken qrPngBase64 qrSvg order { ${ORDER_FIELDS} } } ${TRANSITION} ${ERROR} }
  }`,
  collectPickupOrder: `mutation($input: CollectPickupOrderInput!) {
    collectPickupOrder(input: $input) { __typename ... on Order { ${ORDER_FIELDS} } ${TRANSITION} ${INVALID_CODE} ${LOCKED} ${ERROR} }
  }`,
  cancelOrder: `mutation($id: ID!, $reason: String!) { cancelOrder(orderId: $id, reason: $reason) { __typename ... on Order { ${ORDER_FIELDS} } ${TRANSITION} ${ERROR} } }`,
  markShipped: `mutation($id: ID!, $tracking: String!) { markShipped(orderId: $id, trackingNumber: $tracking) { __typename ... on Order { ${ORDER_FIELDS} } ${TRANSITION} ${ERROR} } }`,
  expireUncollectedOrders: 'mutation { expireUncollectedOrders }',
  recordSale: `mutation($input: RecordSaleInput!) {
    recordSale(input: $input) { __typename ... on Sale { replayed notices order { ${ORDER_FIELDS} } receipt { ${RECEIPT_FIELDS} qrSvg } } ${SHORTFALL} ${UNKNOWN_SKU} ${NO_CREDIT} ${ERROR} }
  }`,
  voidSale: `mutation($input: VoidSaleInput!) { voidSale(input: $input) { __typename ... on Order { ${ORDER_FIELDS} } ${TRANSITION} ${ERROR} } }`,
  order: `query($id: ID!) { order(id: $id) { ${ORDER_FIELDS} } }`,
  orderByNumber: `query($number: String!) { orderByNumber(number: $number) { ${ORDER_FIELDS} } }`,
  orderByReceiptToken: `query($token: String!) { orderByReceiptToken(token: $token) { ${ORDER_FIELDS} } }`,
  receipt: `query($id: ID!) { receipt(orderId: $id) { ${RECEIPT_FIELDS} } }`,
  pickupQueue: `query($storeId: ID!) { pickupQueue(storeId: $storeId) { items { id number state promisedAt } totalCount hasNextPage } }`,
  storeOrders: `query($storeId: ID!, $state: OrderState, $channel: OrderChannel, $day: String, $skip: Int, $take: Int) {
    storeOrders(storeId: $storeId, state: $state, channel: $channel, day: $day, skip: $skip, take: $take) { items { id number state channel occurredAt } totalCount hasNextPage }
  }`,
  myOrders: 'query { myOrders { items { id number customerId channel } totalCount } }',
  searchOrders: 'query($query: String!) { searchOrders(query: $query) { items { id number contact { email phone } } totalCount } }',
} as const;

export interface MoneyData {
  amount: number;
  currency: string;
}

/** An Order (or an error result) as ORDER_FIELDS selects it. */
export interface OrderData {
  __typename: string;
  errorCode?: string;
  message?: string;
  id: string;
  number: string;
  channel: string;
  fulfilment: string;
  state: string;
  storeId: string;
  terminalId: string | null;
  customerId: string | null;
  couponCode: string | null;
  paymentReference: string | null;
  contact: { email: string | null; phone: string | null; name: string | null } | null;
  subtotal: MoneyData;
  discount: MoneyData;
  tax: MoneyData;
  total: MoneyData;
  refundDue: MoneyData;
  occurredAt: string;
  placedAt: string;
  promisedAt: string | null;
  readyAt: string | null;
  pickedUpAt: string | null;
  shippedAt: string | null;
  cancelledAt: string | null;
  expiredAt: string | null;
  voidedAt: string | null;
  expiresAt: string | null;
  pickupLockedUntil: string | null;
  trackingNumber: string | null;
  lines: {
    id: string; lineNo: number; variantId: string; sku: string; name: string; quantity: number; unitPrice: MoneyData; listUnitPrice: MoneyData;
    priceOverrideReason: string | null; discount: MoneyData; taxRateBp: number; tax: MoneyData; total: MoneyData; refusedQuantity: number; returnedQuantity: number;
  }[];
  payments: { method: string; amount: MoneyData; tendered: MoneyData | null; change: MoneyData; externalReference: string | null }[];
  history: { fromState: string | null; toState: string; actor: string; reason: string | null; occurredAt: string }[];
  fromState?: string;
  toState?: string;
  reason?: string | null;
  attemptsRemaining?: number | null;
  lockedUntil?: string;
  references?: string[];
  dueAmount?: MoneyData;
  paidAmount?: MoneyData;
  shortLines?: { variantId: string; requested: number; available: number }[];
  alternatives?: { storeId: string; code: string; distanceKm: number }[];
}

export interface ReceiptData {
  orderId: string;
  number: string;
  storeCode: string;
  storeName: string;
  occurredAt: string;
  text: string;
  qrToken: string;
  qrSvg?: string;
  lines: { lineNo: number; sku: string; name: string; quantity: number; unitPrice: MoneyData; priceOverrideReason: string | null; discount: MoneyData; total: MoneyData; taxRateBp: number }[];
  subtotal: MoneyData;
  discount: MoneyData;
  tax: MoneyData;
  total: MoneyData;
  changeDue: MoneyData;
  taxes: { rateBp: number; gross: MoneyData; net: MoneyData; tax: MoneyData }[];
  payments: { method: string; amount: MoneyData; tendered: MoneyData | null; change: MoneyData }[];
}

export interface SaleData {
  __typename: string;
  errorCode?: string;
  message?: string;
  replayed: boolean;
  notices: string[];
  order: OrderData;
  receipt: ReceiptData;
  dueAmount?: MoneyData;
  paidAmount?: MoneyData;
  references?: string[];
  available?: MoneyData;
  requested?: MoneyData;
}

export interface PickupCredentialsData {
  __typename: string;
  errorCode?: string;
  code: string;
  qrToken: string;
  qrPngBase64: string;
  qrSvg: string;
  order: OrderData;
  fromState?: string;
  toState?: string;
}
