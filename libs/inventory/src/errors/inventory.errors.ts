import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ErrorResult } from '@omnitill/common';
import { PickupStoreOption, PickupStoreOptionType } from '../api/types/pickup-store.type';
import { LineAvailability } from '../rules/availability';
import '../api/types/stock-enums.type';
import { StockReservationState, StockTransferState } from '../entities/stock.enums';

@ObjectType('InsufficientStockLine')
export class InsufficientStockLine implements LineAvailability {
  @Field(() => ID)
  variantId!: string;

  @Field(() => Int)
  requested!: number;

  @Field(() => Int, { description: 'Available at the store right now (on hand − reserved − safety stock, at least 0).' })
  available!: number;
}

@ObjectType('InsufficientStockError', {
  implements: () => [ErrorResult],
  description: 'Not every line is available at the store; nothing was reserved or moved.',
})
export class InsufficientStockError extends ErrorResult {
  @Field(() => ID)
  readonly storeId: string;

  @Field(() => [InsufficientStockLine], { description: 'Every requested line with what is available.' })
  readonly lines: InsufficientStockLine[];

  @Field(() => [PickupStoreOptionType], { description: 'Nearby stores that have everything, when the caller looked them up.' })
  alternatives: PickupStoreOptionType[];

  constructor(storeId: string, lines: readonly LineAvailability[], alternatives: readonly PickupStoreOption[] = []) {
    super('INSUFFICIENT_STOCK', 'Not enough stock available at this store');
    this.storeId = storeId;
    this.lines = lines.map((line) => Object.assign(new InsufficientStockLine(), line));
    this.alternatives = alternatives.map(PickupStoreOptionType.from);
  }

  /** A copy carrying alternatives (the order lib fills them from AvailabilityService.nearbyPickupStores). */
  withAlternatives(alternatives: readonly PickupStoreOption[]): InsufficientStockError {
    return new InsufficientStockError(this.storeId, this.lines, alternatives);
  }
}

@ObjectType('StoreHoldsNoStockError', { implements: () => [ErrorResult], description: 'The store is set up not to hold stock.' })
export class StoreHoldsNoStockError extends ErrorResult {
  @Field(() => ID)
  readonly storeId: string;

  constructor(storeId: string) {
    super('STORE_HOLDS_NO_STOCK', `Store ${storeId} does not hold stock`);
    this.storeId = storeId;
  }
}

@ObjectType('ReservationNotActiveError', { implements: () => [ErrorResult], description: 'The reservation was already committed or released.' })
export class ReservationNotActiveError extends ErrorResult {
  @Field(() => ID)
  readonly reservationId: string;

  @Field(() => StockReservationState)
  readonly state: StockReservationState;

  constructor(reservationId: string, state: StockReservationState) {
    super('RESERVATION_NOT_ACTIVE', `Reservation ${reservationId} is ${state}`);
    this.reservationId = reservationId;
    this.state = state;
  }
}

@ObjectType('ReservationExpiredError', { implements: () => [ErrorResult], description: 'The hold lapsed; its units are (or will be) back on the shelf.' })
export class ReservationExpiredError extends ErrorResult {
  @Field(() => ID)
  readonly reservationId: string;

  @Field(() => Date)
  readonly expiredAt: Date;

  constructor(reservationId: string, expiredAt: Date) {
    super('RESERVATION_EXPIRED', `Reservation ${reservationId} expired at ${expiredAt.toISOString()}`);
    this.reservationId = reservationId;
    this.expiredAt = expiredAt;
  }
}

@ObjectType('TransferNotInTransitError', { implements: () => [ErrorResult], description: 'The transfer was already received or cancelled.' })
export class TransferNotInTransitError extends ErrorResult {
  @Field(() => ID)
  readonly transferId: string;

  @Field(() => StockTransferState)
  readonly state: StockTransferState;

  constructor(transferId: string, state: StockTransferState) {
    super('TRANSFER_NOT_IN_TRANSIT', `Transfer ${transferId} is ${state}`);
    this.transferId = transferId;
    this.state = state;
  }
}
