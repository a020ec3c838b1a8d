import { StockMovementType, StockReservationState } from '../entities/stock.enums';
import { ReservationExpiredError, ReservationNotActiveError } from '../errors/inventory.errors';
import { Clock, RequestContext } from '@omnitill/common';
import { ReservationRepository } from '../repositories/reservation.repository';
import { StockLedgerRepository } from '../repositories/stock-ledger.repository';
import { StockLevelRepository } from '../repositories/stock-level.repository';
import { commitRefusal, InventoryReservationService } from './inventory-reservation.service';
import { StockTargetService } from './stock-target.service';

describe('commitRefusal', () => {
  const now = new Date('2030-01-01T12:00:00Z');
  const later = new Date('2030-01-01T12:00:01Z');

  it('lets an active, unexpired reservation commit', () => {
    expect(commitRefusal({ id: 'r', state: StockReservationState.ACTIVE, expiresAt: later }, now)).toBeNull();
  });

  it('treats a lapsed active reservation as expired, even before the sweeper ran', () => {
    expect(commitRefusal({ id: 'r', state: StockReservationState.ACTIVE, expiresAt: now }, now)).toBeInstanceOf(ReservationExpiredError);
    expect(commitRefusal({ id: 'r', state: StockReservationState.EXPIRED, expiresAt: now }, now)).toBeInstanceOf(ReservationExpiredError);
  });

  it.each([StockReservationState.COMMITTED, StockReservationState.RELEASED])('refuses a %s reservation with its state', (state) => {
    const sut = commitRefusal({ id: 'r', state, expiresAt: later }, now);
    expect(sut).toBeInstanceOf(ReservationNotActiveError);
    expect((sut as ReservationNotActiveError).state).toBe(state);
  });
});

describe('InventoryReservationService outside a transaction', () => {
  const unused = {} as never;
  const sut = new InventoryReservationService(
    unused as StockTargetService,
    unused as ReservationRepository,
    unused as StockLevelRepository,
    unused as StockLedgerRepository,
    unused as Clock,
  );
  const ctx = RequestContext.system('test');

  it('refuses to reserve, release, commit or sweep on the pool (a caller bug)', async () => {
    const lines = [{ variantId: 'a', quantity: 1 }];
    await expect(sut.reserve(ctx, { storeId: 's', lines, expiresAt: new Date(), referenceType: 'ORDER', referenceId: 'o' })).rejects.toThrow(/inside a transaction/);
    await expect(sut.release(ctx, 'r', 'x')).rejects.toThrow(/inside a transaction/);
    await expect(sut.commit(ctx, 'r', { movementType: StockMovementType.PICKUP })).rejects.toThrow(/inside a transaction/);
    await expect(sut.expireLapsed(ctx, new Date(), 10)).rejects.toThrow(/inside a transaction/);
  });
});
