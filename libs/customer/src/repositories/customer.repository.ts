import { Injectable } from '@nestjs/common';
import { Brackets, DataSource } from 'typeorm';
import { entityManagerOf, escapeLike, findPrepared, Page, queryRows, RequestContext } from '@omnitill/common';
import { CustomerEntity } from '../entities/customer.entity';

export type CustomerInsert = Pick<
  CustomerEntity,
  'email' | 'phone' | 'firstName' | 'lastName' | 'loyaltyNumber' | 'passwordHash' | 'emailVerifiedAt' | 'createdChannel'
>;

export interface CustomerSearchQuery {
  /** Free text: matched against email and name (substring, case-insensitive). */
  readonly text?: string;
  /** Exact matches when the text also reads as one. */
  readonly phone?: string | null;
  readonly loyaltyNumber?: string | null;
  readonly skip: number;
  readonly take: number;
}

@Injectable()
export class CustomerRepository {
  constructor(private readonly dataSource: DataSource) {}

  findById(ctx: RequestContext, id: string): Promise<CustomerEntity | null> {
    return this.findOneBy(ctx, 'id', id);
  }

  findByIds(ctx: RequestContext, ids: readonly string[]): Promise<CustomerEntity[]> {
    if (ids.length === 0) {
      return Promise.resolve([]);
    }
    return entityManagerOf(ctx, this.dataSource).createQueryBuilder(CustomerEntity, 'c').where('c.id = ANY(:ids)', { ids }).getMany();
  }

  /** Index-backed (uq_customer_email); `email` must be normalised. */
  findByEmail(ctx: RequestContext, email: string): Promise<CustomerEntity | null> {
    return this.findOneBy(ctx, 'email', email);
  }

  /** Index-backed (uq_customer_phone); `phone` must be E.164. */
  findByPhone(ctx: RequestContext, phone: string): Promise<CustomerEntity | null> {
    return this.findOneBy(ctx, 'phone', phone);
  }

  findByLoyaltyNumber(ctx: RequestContext, loyaltyNumber: string): Promise<CustomerEntity | null> {
    return this.findOneBy(ctx, 'loyalty_number', loyaltyNumber);
  }

  /** Locks the rows in id order, so two merges of overlapping profiles never deadlock. */
  lockByIds(ctx: RequestContext, ids: readonly string[]): Promise<CustomerEntity[]> {
    return entityManagerOf(ctx, this.dataSource)
      .createQueryBuilder(CustomerEntity, 'c')
      .where('c.id = ANY(:ids)', { ids })
      .orderBy('c.id', 'ASC')
      .setLock('pessimistic_write')
      .getMany();
  }

  /** Profiles merged into `survivorId` (merge chains are kept one level deep). */
  async idsMergedInto(ctx: RequestContext, survivorId: string): Promise<string[]> {
    const rows = await entityManagerOf(ctx, this.dataSource).find(CustomerEntity, { select: { id: true }, where: { mergedIntoId: survivorId } });
    return rows.map((row) => row.id);
  }

  async search(ctx: RequestContext, query: CustomerSearchQuery): Promise<Page<CustomerEntity>> {
    const qb = entityManagerOf(ctx, this.dataSource).createQueryBuilder(CustomerEntity, 'c');
    if (query.text) {
      const pattern = `%${escapeLike(query.text)}%`;
      qb.andWhere(
        new Brackets((where) => {
          where
            .where('c.email ILIKE :pattern')
            .orWhere("concat_ws(' ', c.first_name, c.last_name) ILIKE :pattern");
          if (query.phone) {
            where.orWhere('c.phone = :phone', { phone: query.phone });
          }
          if (query.loyaltyNumber) {
            where.orWhere('c.loyalty_number = :loyaltyNumber', { loyaltyNumber: query.loyaltyNumber });
          }
        }),
        { pattern },
      );
    }
    const [items, totalCount] = await qb
      .orderBy('c.created_at', 'DESC')
      .addOrderBy('c.id', 'ASC')
      .offset(query.skip)
      .limit(query.take)
      .getManyAndCount();
    return { items, totalCount, skip: query.skip, take: query.take };
  }

  insert(ctx: RequestContext, customer: CustomerInsert): Promise<CustomerEntity> {
    const manager = entityManagerOf(ctx, this.dataSource);
    return manager.save(CustomerEntity, manager.create(CustomerEntity, { ...customer, erasedAt: null, mergedIntoId: null }));
  }

  save(ctx: RequestContext, customer: CustomerEntity): Promise<CustomerEntity> {
    return entityManagerOf(ctx, this.dataSource).save(CustomerEntity, customer);
  }

  /** Points `mergedId`, and every profile merged into it before, at the survivor. */
  async markMerged(ctx: RequestContext, mergedId: string, survivorId: string): Promise<void> {
    await queryRows(
      entityManagerOf(ctx, this.dataSource),
      'UPDATE customer SET merged_into_id = $2, updated_at = now() WHERE id = $1 OR merged_into_id = $1',
      [mergedId, survivorId],
    );
  }

  /** Removes the personal data of these profiles and marks them erased; the rows stay for the books. */
  async erase(ctx: RequestContext, ids: readonly string[], at: Date): Promise<void> {
    await queryRows(
      entityManagerOf(ctx, this.dataSource),
      `UPDATE customer
          SET email = NULL, phone = NULL, first_name = NULL, last_name = NULL, loyalty_number = NULL,
              password_hash = NULL, email_verified_at = NULL, erased_at = COALESCE(erased_at, $2), updated_at = now()
        WHERE id = ANY($1::uuid[])`,
      [ids, at],
    );
  }

  /**
   * One profile by a unique column, as a prepared statement (findPrepared): the till identifies a
   * customer on most sales, and TypeORM's statements are planned on every call.
   */
  private async findOneBy(ctx: RequestContext, column: 'id' | 'email' | 'phone' | 'loyalty_number', value: string): Promise<CustomerEntity | null> {
    const [customer] = await findPrepared(entityManagerOf(ctx, this.dataSource), CustomerEntity, `${column} = $1`, [value]);
    return customer ?? null;
  }
}
