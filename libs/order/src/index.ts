import { OrderLineEntity } from './entities/order-line.entity';
import { OrderNumberSequenceEntity } from './entities/order-number-sequence.entity';
import { OrderPaymentEntity } from './entities/order-payment.entity';
import { OrderStateChangeEntity } from './entities/order-state-change.entity';
import { OrderEntity } from './entities/order.entity';

export { OrderModule } from './order.module';
export { OrderQueryService } from './services/order-query.service';
export { OrderReturnLedgerService, RETURNABLE_STATES } from './services/order-return-ledger.service';
export type { ReturnableLine, ReturnedUnits } from './services/order-return-ledger.service';
export { OrderExpiryService } from './services/order-expiry.service';
export { ReceiptService } from './services/receipt.service';
export { ExchangeSaleService } from './services/exchange-sale.service';
export type { ExchangeSaleRequest } from './services/exchange-sale.service';
export type { SaleRefusal } from './services/pos-sale.recorder';
export type { LineRequest } from './services/order-line-pricer.service';
export type { OrderDetails } from './repositories/order.repository';
export type { Receipt } from './receipts/receipt';
export { OrderEntity, OrderLineEntity, OrderPaymentEntity, OrderStateChangeEntity, OrderNumberSequenceEntity };
export type { ShippingAddress } from './entities/order.entity';
export { OrderChannel, OrderFulfilment, OrderState, PaymentMethod, ORDER_REFERENCE_TYPE } from './entities/order.enums';
export { OrderType, OrderLineType, OrderList } from './api/types/order.type';
export {
  OrderStateTransitionError, UnknownSkuError, StoreDoesNotOfferPickupError, InvalidPickupCodeError, PickupLockedError,
  PaymentShortfallError, PriceOverrideNotAllowedError, InsufficientStoreCreditError, StoreCreditNeedsSignedInCustomerError,
} from './errors/order.errors';
export { StoreCreditTender } from './ports/store-credit.ledger';
export type { StoreCreditLedger, OrderHoldingCredit } from './ports/store-credit.ledger';
export { paidAmountForUnits } from './rules/refund';
export { includedTax, priceOrder } from './rules/pricing';
export { OrderCustomerDirectory } from './ports/order-customer.directory';
export { machineFor, PICKUP_ORDER_MACHINE, SHIP_ORDER_MACHINE, POS_SALE_MACHINE } from './state/order-machines';

export const ORDER_ENTITIES = [OrderEntity, OrderLineEntity, OrderPaymentEntity, OrderStateChangeEntity, OrderNumberSequenceEntity];
