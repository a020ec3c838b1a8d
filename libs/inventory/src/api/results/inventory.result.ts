import { createResultUnion } from '@omnitill/common';
import {
  InsufficientStockError, ReservationExpiredError, ReservationNotActiveError, StoreHoldsNoStockError, TransferNotInTransitError,
} from '../../errors/inventory.errors';
import { StockLevelType } from '../types/stock-level.type';
import { StockChangeType } from '../types/stock-movement.type';
import { StockReservationType } from '../types/stock-reservation.type';
import { StockTransferType } from '../types/stock-transfer.type';

export const StockChangeResult = createResultUnion('StockChangeResult', StockChangeType, [StoreHoldsNoStockError]);

export const StockSettingsResult = createResultUnion('StockSettingsResult', StockLevelType, [StoreHoldsNoStockError]);

export const TransferStockResult = createResultUnion('TransferStockResult', StockTransferType, [InsufficientStockError, StoreHoldsNoStockError]);

export const TransferUpdateResult = createResultUnion('TransferUpdateResult', StockTransferType, [TransferNotInTransitError]);

export const ReserveStockResult = createResultUnion('ReserveStockResult', StockReservationType, [InsufficientStockError]);

export const ReleaseReservationResult = createResultUnion('ReleaseReservationResult', StockReservationType, [ReservationNotActiveError]);

export const CommitReservationResult = createResultUnion('CommitReservationResult', StockReservationType, [
  ReservationNotActiveError,
  ReservationExpiredError,
]);
