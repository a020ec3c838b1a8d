import { DynamicModule, Module, OnModuleInit } from '@nestjs/common';
import { CatalogModule } from '@omnitill/catalog';
import { CouponModule } from '@omnitill/coupon';
import { CustomerModule } from '@omnitill/customer';
import { InventoryModule } from '@omnitill/inventory';
import { OrderModule, StoreCreditTender } from '@omnitill/order';
import { StoreModule } from '@omnitill/store';
import { ExchangeResolver } from './api/exchange.resolver';
import { OrderReturnsResolver } from './api/order-returns.resolver';
import { ReturnPolicyResolver } from './api/return-policy.resolver';
import { ReturnResolver } from './api/return.resolver';
import { StoreCreditResolver } from './api/store-credit.resolver';
import { ReturnDataExporter, ReturnMergeParticipant, ReturnTimelineSource } from './participants/returns-customer.participants';
import { OrderDirectory } from './ports/order-directory';
import { RefundRepository } from './repositories/refund.repository';
import { ReturnPolicyRepository } from './repositories/return-policy.repository';
import { ReturnRequestRepository } from './repositories/return-request.repository';
import { StoreCreditRepository } from './repositories/store-credit.repository';
import { DEFAULT_RETURNS_OPTIONS, RETURNS_OPTIONS, ReturnsOptions } from './returns.options';
import { AuthorisedReturnReceiptService } from './services/authorised-return-receipt.service';
import { ExchangeService } from './services/exchange.service';
import { RefundIssuer } from './services/refund-issuer.service';
import { ReturnAuthorisationService } from './services/return-authorisation.service';
import { ReturnPolicyService } from './services/return-policy.service';
import { ReturnPreflightService } from './services/return-preflight.service';
import { ReturnQueryService } from './services/return-query.service';
import { ReturnSettlementService } from './services/return-settlement.service';
import { ReturnViewLoader } from './services/return-view.loader';
import { StoreCreditLedgerAdapter } from './services/store-credit-ledger.adapter';
import { StoreCreditService } from './services/store-credit.service';
import { StoreReturnService } from './services/store-return.service';
import { RETURN_MACHINE } from './state/return-machine';

/**
 * Cross-channel returns and exchanges: any order, any store, by store staff or support agents;
 * refunds to the original tender or as store credit on the customer profile.
 */
@Module({})
export class ReturnsModule implements OnModuleInit {
  constructor(
    private readonly tender: StoreCreditTender,
    private readonly ledger: StoreCreditLedgerAdapter,
  ) {}

  static forRoot(options: Partial<ReturnsOptions> = {}): DynamicModule {
    return {
      module: ReturnsModule,
      imports: [StoreModule, CatalogModule, CustomerModule, InventoryModule, CouponModule, OrderModule],
      providers: [
        { provide: RETURNS_OPTIONS, useValue: { ...DEFAULT_RETURNS_OPTIONS, ...options } },
        OrderDirectory,
        ReturnRequestRepository,
        RefundRepository,
        ReturnPolicyRepository,
        StoreCreditRepository,
        ReturnPolicyService,
        StoreCreditService,
        StoreCreditLedgerAdapter,
        RefundIssuer,
        ReturnPreflightService,
        ReturnSettlementService,
        ReturnViewLoader,
        ReturnQueryService,
        StoreReturnService,
        ReturnAuthorisationService,
        AuthorisedReturnReceiptService,
        ExchangeService,
        ReturnTimelineSource,
        ReturnMergeParticipant,
        ReturnDataExporter,
        ReturnResolver,
        StoreCreditResolver,
        ReturnPolicyResolver,
        ExchangeResolver,
        OrderReturnsResolver,
      ],
      exports: [StoreCreditService, ReturnQueryService],
    };
  }

  onModuleInit(): void {
    const problems = RETURN_MACHINE.validate();
    if (problems.length > 0) {
      throw new Error(`The return state machine is inconsistent:\n  ${problems.join('\n  ')}`);
    }
    // Sales and online orders spend store credit inside their own transactions through this ledger.
    this.tender.connect(this.ledger);
  }
}
