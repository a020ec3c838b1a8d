import { TestApp } from './test-app';
import { unique } from './builders';

export interface StockVariant {
  readonly id: string;
  readonly sku: string;
}

export interface StockLineValue {
  readonly variantId: string;
  readonly quantity: number;
}

/** One product with `count` variants to put stock on (admin token). */
export async function createStockVariants(app: TestApp, adminToken: string, count = 1): Promise<StockVariant[]> {
  const variants = Array.from({ length: count }, (_, index) => ({
    sku: unique(`INV-${index}-`),
    name: `Stock variant ${index}`,
    priceAmount: 1000 + index,
    currency: 'EUR',
  }));
  const data = await app.ok<{ createProduct: { __typename: string; variants?: StockVariant[] } }>(
    `mutation($input: CreateProductInput!) {
      createProduct(input: $input) { __typename ... on Product { variants { id sku } } }
    }`,
    { input: { name: 'Stocked product', variants } },
    { token: adminToken },
  );
  if (!data.createProduct.variants) {
    throw new Error(`createProduct failed: ${data.createProduct.__typename}`);
  }
  return data.createProduct.variants;
}

/** Books stock in (manager or admin token); fails the test on any error. */
export async function receiveStockLines(app: TestApp, token: string, storeId: string, lines: readonly StockLineValue[]): Promise<void> {
  const data = await app.ok<{ receiveStock: { __typename: string } }>(
    'mutation($input: ReceiveStockInput!) { receiveStock(input: $input) { __typename } }',
    { input: { storeId, lines } },
    { token },
  );
  if (data.receiveStock.__typename !== 'StockChange') {
    throw new Error(`receiveStock failed: ${data.receiveStock.__typename}`);
  }
}

export interface StockInvariantReport {
  readonly ledger: unknown[];
  readonly reserved: unknown[];
}

/** Both stock audits through the API (admin token): empty lists when on hand and reserved are consistent. */
export async function stockInvariantViolations(app: TestApp, adminToken: string): Promise<StockInvariantReport> {
  const data = await app.ok<{ stockLedgerMismatches: unknown[]; stockReservedMismatches: unknown[] }>(
    `query {
      stockLedgerMismatches { storeId variantId onHand ledgerSum lastOnHandAfter }
      stockReservedMismatches { storeId variantId reserved heldByActiveReservations }
    }`,
    {},
    { token: adminToken },
  );
  return { ledger: data.stockLedgerMismatches, reserved: data.stockReservedMismatches };
}

const LEVEL_FIELDS = 'storeId variantId sku onHand reserved safetyStock available inStock lowStockThreshold lowStock needsRecount';
const MOVEMENT_FIELDS = 'id storeId variantId type quantity onHandAfter actor reason referenceType referenceId occurredAt';
const TRANSFER_FIELDS = 'id fromStoreId toStoreId state lines { variantId quantity } createdBy receivedBy receivedAt cancelledAt';
const RESERVATION_FIELDS = 'id storeId referenceType referenceId state expiresAt lines { variantId quantity }';
const ERROR = '... on ErrorResult { errorCode message }';
const INSUFFICIENT = '... on InsufficientStockError { shortLines: lines { variantId requested available } alternatives { storeId } }';
const NOT_ACTIVE = '... on ReservationNotActiveError { state }';
const NOT_IN_TRANSIT = '... on TransferNotInTransitError { transferState: state }';
const CHANGE_FIELDS = `__typename ... on StockChange { storeId levels { ${LEVEL_FIELDS} } movements { ${MOVEMENT_FIELDS} } } ${ERROR}`;

/** The inventory GraphQL documents the e2e journeys send. */
export const INVENTORY_DOCUMENTS = {
  receiveStock: `mutation($input: ReceiveStockInput!) { receiveStock(input: $input) { ${CHANGE_FIELDS} } }`,
  adjustStock: `mutation($input: AdjustStockInput!) { adjustStock(input: $input) { ${CHANGE_FIELDS} } }`,
  recordStockCount: `mutation($input: RecordStockCountInput!) { recordStockCount(input: $input) { ${CHANGE_FIELDS} } }`,
  updateStockSettings: `mutation($input: UpdateStockSettingsInput!) {
    updateStockSettings(input: $input) { __typename ... on StockLevel { ${LEVEL_FIELDS} } ${ERROR} }
  }`,
  transferStock: `mutation($input: TransferStockInput!) {
    transferStock(input: $input) { __typename ... on StockTransfer { ${TRANSFER_FIELDS} } ${ERROR} ${INSUFFICIENT} }
  }`,
  receiveTransfer: `mutation($id: ID!) { receiveTransfer(transferId: $id) { __typename ... on StockTransfer { ${TRANSFER_FIELDS} } ${ERROR} ${NOT_IN_TRANSIT} } }`,
  cancelTransfer: `mutation($id: ID!) { cancelTransfer(transferId: $id) { __typename ... on StockTransfer { ${TRANSFER_FIELDS} } ${ERROR} ${NOT_IN_TRANSIT} } }`,
  stockTransfers: `query($storeId: ID!, $state: StockTransferState) {
    stockTransfers(storeId: $storeId, state: $state) { items { ${TRANSFER_FIELDS} } totalCount hasNextPage }
  }`,
  stockLevels: `query($storeId: ID!, $skip: Int, $take: Int, $lowStockOnly: Boolean, $negativeOnly: Boolean, $needsRecountOnly: Boolean, $sku: String) {
    stockLevels(storeId: $storeId, skip: $skip, take: $take, lowStockOnly: $lowStockOnly, negativeOnly: $negativeOnly,
      needsRecountOnly: $needsRecountOnly, sku: $sku) { items { ${LEVEL_FIELDS} } totalCount hasNextPage }
  }`,
  lowStock: `query($storeId: ID!) { lowStock(storeId: $storeId) { ${LEVEL_FIELDS} } }`,
  stockMovements: `query($storeId: ID!, $variantId: ID!, $skip: Int, $take: Int) {
    stockMovements(storeId: $storeId, variantId: $variantId, skip: $skip, take: $take) { items { ${MOVEMENT_FIELDS} } totalCount hasNextPage }
  }`,
  availability: `query($storeId: ID!, $variantIds: [ID!], $skus: [String!]) {
    availability(storeId: $storeId, variantIds: $variantIds, skus: $skus) { variantId sku onHand reserved safetyStock available inStock }
  }`,
  pickupStores: `query($lines: [StockLineInput!]!, $latitude: Float!, $longitude: Float!, $limit: Int) {
    pickupStores(lines: $lines, latitude: $latitude, longitude: $longitude, limit: $limit) {
      storeId code name city latitude longitude pickupPromiseMinutes distanceKm
    }
  }`,
  reserveStock: `mutation($input: ReserveStockInput!) {
    reserveStock(input: $input) { __typename ... on StockReservation { ${RESERVATION_FIELDS} } ${ERROR} ${INSUFFICIENT} }
  }`,
  releaseReservation: `mutation($id: ID!) {
    releaseReservation(id: $id) { __typename ... on StockReservation { ${RESERVATION_FIELDS} } ${ERROR} ${NOT_ACTIVE} }
  }`,
  commitReservation: `mutation($input: CommitReservationInput!) {
    commitReservation(input: $input) { __typename ... on StockReservation { ${RESERVATION_FIELDS} } ${ERROR} ${NOT_ACTIVE} }
  }`,
  stockReservation: `query($id: ID!) { stockReservation(id: $id) { ${RESERVATION_FIELDS} } }`,
  expireLapsedReservations: 'mutation { expireLapsedReservations }',
} as const;

export interface StockLevelData {
  storeId: string;
  variantId: string;
  sku: string;
  onHand: number;
  reserved: number;
  safetyStock: number;
  available: number;
  inStock: boolean;
  lowStockThreshold: number | null;
  lowStock: boolean;
  needsRecount: boolean;
}

export interface StockMovementData {
  id: string;
  storeId: string;
  variantId: string;
  type: string;
  quantity: number;
  onHandAfter: number;
  actor: string;
  reason: string | null;
  referenceType: string | null;
  referenceId: string | null;
  occurredAt: string;
}

export interface StockLineData {
  variantId: string;
  quantity: number;
}

/** Any inventory mutation result: the success fields or the error fields, told apart by __typename. */
export interface InventoryResultData {
  __typename: string;
  errorCode?: string;
  message?: string;
  storeId?: string;
  levels?: StockLevelData[];
  movements?: StockMovementData[];
  id?: string;
  state?: string;
  transferState?: string;
  fromStoreId?: string;
  toStoreId?: string;
  lines?: StockLineData[];
  shortLines?: { variantId: string; requested: number; available: number }[];
  alternatives?: { storeId: string }[];
  expiresAt?: string;
}
