import { Injectable } from '@nestjs/common';
import { Clock, DomainException, ErrorCode, RequestContext } from '@omnitill/common';
import { StoreService } from '@omnitill/store';
import { PaymentMethod } from '../entities/order.enums';
import { OrderDetails, OrderRepository } from '../repositories/order.repository';
import { PaymentInput } from '../rules/payments';
import { AlreadyRecordedSignal } from './idempotent-write';
import { LineRequest } from './order-line-pricer.service';
import { PosSaleRecorder, SaleRefusal } from './pos-sale.recorder';
import { tillOf } from './pos-sale.service';

/** The replacement sale of an exchange, recorded in the exchange's transaction on the caller's till. */
export interface ExchangeSaleRequest {
  readonly clientSaleId: string;
  readonly occurredAt: Date;
  readonly lines: readonly LineRequest[];
  /** What the returned goods are worth: a STORE_CREDIT tender applied first, up to the total. */
  readonly exchangeCredit: { readonly amount: number; readonly returnNumber: string };
  /** For what the credit does not cover (cash may give change). */
  readonly payments: readonly PaymentInput[];
  readonly customerId: string | null;
}

/**
 * For the returns lib (exchanges): records a POS sale INSIDE the caller's transaction, so the
 * return and the replacement sale commit or roll back together. Idempotent per till and
 * clientSaleId like any sale: a retry answers the sale recorded before; a concurrent duplicate
 * answers CONFLICT (retryable), which rolls the caller's transaction back.
 */
@Injectable()
export class ExchangeSaleService {
  constructor(
    private readonly recorder: PosSaleRecorder,
    private readonly orders: OrderRepository,
    private readonly stores: StoreService,
    private readonly clock: Clock,
  ) {}

  async recordInTransaction(tx: RequestContext, request: ExchangeSaleRequest): Promise<OrderDetails | SaleRefusal> {
    if (!tx.entityManager?.queryRunner?.isTransactionActive) {
      throw new Error('ExchangeSaleService.recordInTransaction must run inside the exchange transaction');
    }
    const till = tillOf(tx);
    // A retry answers the sale recorded before. Probed up front here: in the caller's transaction a
    // repeat cannot be rolled back on its own (the till's own sales find repeats at the insert).
    const recordedId = await this.orders.findIdByClientSale(tx, till.terminalId, request.clientSaleId.toLowerCase());
    if (recordedId) {
      const [details] = await this.orders.loadDetails(tx, [recordedId]);
      return details;
    }
    const store = await this.stores.getById(tx, till.storeId);
    try {
      const outcome = await this.recorder.record(tx, till, store, {
        clientSaleId: request.clientSaleId,
        occurredAt: request.occurredAt,
        lines: request.lines,
        payments: request.payments,
        customerId: request.customerId,
        creditTender: { method: PaymentMethod.STORE_CREDIT, amount: request.exchangeCredit.amount, externalReference: `exchange ${request.exchangeCredit.returnNumber}` },
      }, this.clock.now());
      return 'details' in outcome ? outcome.details : outcome;
    } catch (error) {
      if (error instanceof AlreadyRecordedSignal) {
        throw new DomainException(ErrorCode.CONFLICT, 'This sale is being recorded by another request; retry', [], true);
      }
      throw error;
    }
  }
}
