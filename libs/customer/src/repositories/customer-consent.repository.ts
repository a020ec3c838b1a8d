import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { entityManagerOf, findPrepared, inList, queryRows, RequestContext } from '@omnitill/common';
import { CustomerConsentEntity } from '../entities/customer-consent.entity';

export type ConsentInsert = Omit<CustomerConsentEntity, 'id' | 'customer'>;

@Injectable()
export class CustomerConsentRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The current consent per purpose for each customer, in one query (latest row wins). */
  async currentFor(ctx: RequestContext, customerIds: readonly string[]): Promise<Map<string, CustomerConsentEntity[]>> {
    const byCustomer = new Map<string, CustomerConsentEntity[]>(customerIds.map((id) => [id, []]));
    if (customerIds.length === 0) {
      return byCustomer;
    }
    // Prepared (findPrepared, inList): every coupon redemption and sale event reads a consent.
    const customers = inList('customer_id', 'uuid', 1, customerIds);
    const rows = await findPrepared(
      entityManagerOf(ctx, this.dataSource),
      CustomerConsentEntity,
      `id IN (SELECT DISTINCT ON (customer_id, purpose) id FROM customer_consent WHERE ${customers.sql} ORDER BY customer_id, purpose, id DESC)`,
      customers.params,
      { orderBy: 'customer_id, purpose' },
    );
    for (const row of rows) {
      byCustomer.get(row.customerId)?.push(row);
    }
    return byCustomer;
  }

  async record(ctx: RequestContext, consents: readonly ConsentInsert[]): Promise<void> {
    if (consents.length > 0) {
      await entityManagerOf(ctx, this.dataSource).insert(CustomerConsentEntity, [...consents]);
    }
  }

  /** Every change, oldest first. */
  history(ctx: RequestContext, customerId: string): Promise<CustomerConsentEntity[]> {
    return entityManagerOf(ctx, this.dataSource).find(CustomerConsentEntity, { where: { customerId }, order: { id: 'ASC' } });
  }

  latest(ctx: RequestContext, customerId: string, limit: number): Promise<CustomerConsentEntity[]> {
    return entityManagerOf(ctx, this.dataSource).find(CustomerConsentEntity, { where: { customerId }, order: { id: 'DESC' }, take: limit });
  }

  count(ctx: RequestContext, customerId: string): Promise<number> {
    return entityManagerOf(ctx, this.dataSource).countBy(CustomerConsentEntity, { customerId });
  }

  /** Moves the history to the survivor. Ids keep their order, so the latest change stays current. */
  async reassign(ctx: RequestContext, fromCustomerId: string, toCustomerId: string): Promise<number> {
    const rows = await queryRows<{ id: string }>(
      entityManagerOf(ctx, this.dataSource),
      'UPDATE customer_consent SET customer_id = $2 WHERE customer_id = $1 RETURNING id',
      [fromCustomerId, toCustomerId],
    );
    return rows.length;
  }
}
