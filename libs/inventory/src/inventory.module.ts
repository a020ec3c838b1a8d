import { Module } from '@nestjs/common';
import { CatalogModule } from '@omnitill/catalog';
import { StoreModule } from '@omnitill/store';
import { AvailabilityResolver } from './api/availability.resolver';
import { ReservationResolver } from './api/reservation.resolver';
import { StockManagementResolver } from './api/stock-management.resolver';
import { StockQueryResolver } from './api/stock-query.resolver';
import { StockTransferResolver } from './api/stock-transfer.resolver';
import { StockVerificationResolver } from './api/stock-verification.resolver';
import { AvailabilityRepository } from './repositories/availability.repository';
import { ReservationRepository } from './repositories/reservation.repository';
import { StockLedgerRepository } from './repositories/stock-ledger.repository';
import { StockLevelRepository } from './repositories/stock-level.repository';
import { StockMovementRepository } from './repositories/stock-movement.repository';
import { TransferRepository } from './repositories/transfer.repository';
import { VerificationRepository } from './repositories/verification.repository';
import { readSweepOptions, RESERVATION_SWEEP_OPTIONS } from './rules/sweep-options';
import { AvailabilityService } from './services/availability.service';
import { InventoryReservationService } from './services/inventory-reservation.service';
import { ReservationExpiryJob } from './services/reservation-expiry.job';
import { StockLedgerService } from './services/stock-ledger.service';
import { StockManagementService } from './services/stock-management.service';
import { StockQueryService } from './services/stock-query.service';
import { StockTargetService } from './services/stock-target.service';
import { StockTransferService } from './services/stock-transfer.service';
import { StockVerificationService } from './services/stock-verification.service';

/** Stock per store: levels, the movement ledger, reservations, transfers and availability. */
@Module({
  imports: [StoreModule, CatalogModule],
  providers: [
    { provide: RESERVATION_SWEEP_OPTIONS, useFactory: () => readSweepOptions(process.env) },
    AvailabilityRepository,
    ReservationRepository,
    StockLedgerRepository,
    StockLevelRepository,
    StockMovementRepository,
    TransferRepository,
    VerificationRepository,
    StockTargetService,
    AvailabilityService,
    InventoryReservationService,
    StockLedgerService,
    StockManagementService,
    StockQueryService,
    StockTransferService,
    StockVerificationService,
    ReservationExpiryJob,
    AvailabilityResolver,
    ReservationResolver,
    StockManagementResolver,
    StockQueryResolver,
    StockTransferResolver,
    StockVerificationResolver,
  ],
  exports: [AvailabilityService, InventoryReservationService, StockLedgerService, StockVerificationService],
})
export class InventoryModule {}
