import { Module, OnModuleInit } from '@nestjs/common';
import { CatalogModule } from '@omnitill/catalog';
import { CouponModule } from '@omnitill/coupon';
import { CustomerModule } from '@omnitill/customer';
import { InventoryModule } from '@omnitill/inventory';
import { StoreModule } from '@omnitill/store';
import { CheckoutResolver } from './api/checkout.resolver';
import { OrderQueryResolver } from './api/order-query.resolver';
import { PickupResolver } from './api/pickup.resolver';
import { PosResolver } from './api/pos.resolver';
import { PickupCredentialsQrResolver, ReceiptQrResolver } from './api/receipt-qr.resolver';
import { ORDER_OPTIONS, readOrderOptions } from './order.options';
import { CustomerLibDirectory } from './ports/customer-lib.directory';
import { OrderCustomerDirectory } from './ports/order-customer.directory';
import { OrderDataExporter, OrderErasureParticipant, OrderMergeParticipant, OrderTimelineSource } from './ports/order-customer.participants';
import { StoreCreditTender } from './ports/store-credit.ledger';
import { OrderCustomerRepository } from './repositories/order-customer.repository';
import { OrderListRepository } from './repositories/order-list.repository';
import { OrderStateRepository } from './repositories/order-state.repository';
import { OrderRepository } from './repositories/order.repository';
import { PickupAttemptRepository } from './repositories/pickup-attempt.repository';
import { CheckoutService } from './services/checkout.service';
import { OnlineOrderPlacementService } from './services/online-order-placement.service';
import { OrderCancellationService } from './services/order-cancellation.service';
import { ExchangeSaleService } from './services/exchange-sale.service';
import { OrderEventsService } from './services/order-events.service';
import { OrderExpiryJob } from './services/order-expiry.job';
import { OrderExpiryService } from './services/order-expiry.service';
import { OrderLinePricer } from './services/order-line-pricer.service';
import { OrderQueryService } from './services/order-query.service';
import { OrderReturnLedgerService } from './services/order-return-ledger.service';
import { OrderStockService } from './services/order-stock.service';
import { OrderTransitionService } from './services/order-transition.service';
import { PickupCredentialsService } from './services/pickup-credentials.service';
import { PickupHandoverService } from './services/pickup-handover.service';
import { PickupPreparationService } from './services/pickup-preparation.service';
import { PickupVerificationService } from './services/pickup-verification.service';
import { PosSaleBatchService } from './services/pos-sale-batch.service';
import { PosSaleRecorder } from './services/pos-sale.recorder';
import { PosSaleService } from './services/pos-sale.service';
import { ReceiptService } from './services/receipt.service';
import { SaleCouponService } from './services/sale-coupon.service';
import { SaleVoidService } from './services/sale-void.service';
import { ShippingService } from './services/shipping.service';
import { StandardVatRatePolicy, TaxRatePolicy } from './services/tax-rate.policy';
import { validateOrderMachines } from './state/order-machines';

/** One order model for every channel: click-and-collect, ship orders and POS sales. */
@Module({
  imports: [StoreModule, CatalogModule, CustomerModule, InventoryModule, CouponModule],
  providers: [
    { provide: ORDER_OPTIONS, useFactory: () => readOrderOptions(process.env) },
    { provide: TaxRatePolicy, useClass: StandardVatRatePolicy },
    StoreCreditTender,
    { provide: OrderCustomerDirectory, useClass: CustomerLibDirectory },
    OrderRepository,
    OrderStateRepository,
    OrderListRepository,
    PickupAttemptRepository,
    OrderCustomerRepository,
    OrderEventsService,
    OrderTransitionService,
    OrderLinePricer,
    OrderStockService,
    OnlineOrderPlacementService,
    CheckoutService,
    PickupCredentialsService,
    PickupPreparationService,
    PickupVerificationService,
    PickupHandoverService,
    OrderCancellationService,
    ShippingService,
    OrderExpiryService,
    OrderExpiryJob,
    ReceiptService,
    PosSaleRecorder,
    PosSaleService,
    PosSaleBatchService,
    SaleVoidService,
    ExchangeSaleService,
    SaleCouponService,
    OrderQueryService,
    OrderReturnLedgerService,
    OrderMergeParticipant,
    OrderErasureParticipant,
    OrderDataExporter,
    OrderTimelineSource,
    OrderQueryResolver,
    CheckoutResolver,
    PickupResolver,
    PosResolver,
    ReceiptQrResolver,
    PickupCredentialsQrResolver,
  ],
  exports: [OrderQueryService, OrderReturnLedgerService, OrderExpiryService, ReceiptService, ExchangeSaleService, StoreCreditTender],
})
export class OrderModule implements OnModuleInit {
  onModuleInit(): void {
    const problems = validateOrderMachines();
    if (problems.length > 0) {
      throw new Error(`Order state machines are inconsistent:\n  ${problems.join('\n  ')}`);
    }
  }
}
