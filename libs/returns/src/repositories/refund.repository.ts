import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { entityManagerOf, queryRows, RequestContext } from '@omnitill/common';
import { RefundEntity } from '../entities/refund.entity';
import { sumsById } from './sql-rows';

export type NewRefund = Omit<RefundEntity, 'returnRequest' | 'orderPayment'>;

@Injectable()
export class RefundRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insertMany(ctx: RequestContext, refunds: readonly NewRefund[]): Promise<RefundEntity[]> {
    if (refunds.length > 0) {
      await entityManagerOf(ctx, this.dataSource).insert(RefundEntity, [...refunds]);
    }
    return refunds.map((refund) => Object.assign(new RefundEntity(), refund));
  }

  byReturns(ctx: RequestContext, returnIds: readonly string[]): Promise<RefundEntity[]> {
    if (returnIds.length === 0) {
      return Promise.resolve([]);
    }
    return entityManagerOf(ctx, this.dataSource).find(RefundEntity, { where: { returnId: In([...returnIds]) }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Refunded so far to each payment of the order. */
  async refundedByPayment(ctx: RequestContext, orderId: string): Promise<Map<string, number>> {
    const rows = await queryRows<{ id: string; amount: string }>(
      entityManagerOf(ctx, this.dataSource),
      `SELECT f.order_payment_id AS id, sum(f.amount) AS amount
       FROM refund f JOIN return_request r ON r.id = f.return_id
       WHERE r.order_id = $1 AND f.order_payment_id IS NOT NULL
       GROUP BY f.order_payment_id`,
      [orderId],
    );
    return sumsById(rows);
  }
}
