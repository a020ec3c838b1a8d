import { StockLevelEntity } from './entities/stock-level.entity';
import { StockMovementEntity } from './entities/stock-movement.entity';
import { StockReservationEntity, StockReservationLineEntity } from './entities/stock-reservation.entity';
import { StockTransferEntity, StockTransferLineEntity } from './entities/stock-transfer.entity';

export { InventoryModule } from './inventory.module';
export { InventoryReservationService } from './services/inventory-reservation.service';
export type { ReservationRequest, CommitOptions } from './services/inventory-reservation.service';
export { StockLedgerService } from './services/stock-ledger.service';
export type { SaleRecord, MovementRequest } from './services/stock-ledger.service';
export type { LedgerStatementPart } from './repositories/stock-ledger.repository';
export { StockVerificationService } from './services/stock-verification.service';
export type { LedgerMismatch, ReservedMismatch } from './repositories/verification.repository';
export { AvailabilityService } from './services/availability.service';
export type { VariantAvailability } from './services/availability.service';
export type { PickupStoreOption } from './api/types/pickup-store.type';
export type { StockLine } from './rules/stock-lines';
export { StockMovementType, StockReservationState, StockTransferState } from './entities/stock.enums';
export type { ReservationCommitMovement } from './entities/stock.enums';
export { StockLevelEntity, StockMovementEntity, StockReservationEntity, StockReservationLineEntity, StockTransferEntity, StockTransferLineEntity };
export type { ReservationEntity } from './entities/stock-reservation.entity';
export type { TransferWithLines } from './entities/stock-transfer.entity';
export {
  InsufficientStockError,
  InsufficientStockLine,
  StoreHoldsNoStockError,
  ReservationNotActiveError,
  ReservationExpiredError,
  TransferNotInTransitError,
} from './errors/inventory.errors';

export const INVENTORY_ENTITIES = [
  StockLevelEntity,
  StockMovementEntity,
  StockReservationEntity,
  StockReservationLineEntity,
  StockTransferEntity,
  StockTransferLineEntity,
];
