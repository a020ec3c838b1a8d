import { registerEnumType } from '@nestjs/graphql';
import { StockMovementType, StockReservationState, StockTransferState } from '../../entities/stock.enums';

registerEnumType(StockMovementType, { name: 'StockMovementType', description: 'Why on hand changed.' });
registerEnumType(StockReservationState, { name: 'StockReservationState' });
registerEnumType(StockTransferState, { name: 'StockTransferState' });

/** The movement a committed reservation becomes. */
export enum ReservationCommitType {
  PICKUP = 'PICKUP',
  SALE = 'SALE',
}
registerEnumType(ReservationCommitType, { name: 'ReservationCommitType' });

export { StockMovementType, StockReservationState, StockTransferState };
