import { Injectable } from '@nestjs/common';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { entityManagerOf, Page, RequestContext } from '@omnitill/common';
import { OrderEntity } from '../entities/order.entity';
import { OrderChannel, OrderState } from '../entities/order.enums';

export interface StoreOrderFilter {
  readonly storeId: string;
  readonly state?: OrderState;
  readonly channel?: OrderChannel;
  /** A calendar day (YYYY-MM-DD) in `timeZone`, matched against occurred_at. */
  readonly day?: string;
  readonly timeZone: string;
  readonly skip: number;
  readonly take: number;
}

/** At least one is set; each is matched exactly (number upper-cased, email lower-cased, phone normalised). */
export interface OrderSearch {
  readonly number?: string;
  readonly email?: string;
  readonly phone?: string;
}

export const OPEN_PICKUP_STATES = [OrderState.PLACED, OrderState.PICKING, OrderState.READY_FOR_PICKUP] as const;

/** Lists of orders (ids and order rows); details are loaded per page by OrderRepository.loadDetails. */
@Injectable()
export class OrderListRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Open pickup orders of a store, the most urgent promise first (idx_order_store_state_placed_at). */
  pickupQueue(ctx: RequestContext, storeId: string, skip: number, take: number): Promise<Page<OrderEntity>> {
    const qb = this.base(ctx)
      .where('o.store_id = :storeId', { storeId })
      .andWhere('o.fulfilment = :fulfilment', { fulfilment: 'PICKUP' })
      .andWhere('o.state IN (:...states)', { states: OPEN_PICKUP_STATES })
      .orderBy('o.promised_at', 'ASC', 'NULLS LAST')
      .addOrderBy('o.placed_at', 'ASC')
      .addOrderBy('o.id', 'ASC');
    return this.page(qb, skip, take);
  }

  byStore(ctx: RequestContext, filter: StoreOrderFilter): Promise<Page<OrderEntity>> {
    const qb = this.base(ctx).where('o.store_id = :storeId', { storeId: filter.storeId });
    if (filter.state) {
      qb.andWhere('o.state = :state', { state: filter.state });
    }
    if (filter.channel) {
      qb.andWhere('o.channel = :channel', { channel: filter.channel });
    }
    if (filter.day) {
      qb.andWhere('o.occurred_at >= (CAST(:day AS date)::timestamp AT TIME ZONE :tz)', { day: filter.day, tz: filter.timeZone })
        .andWhere('o.occurred_at < ((CAST(:day AS date) + 1)::timestamp AT TIME ZONE :tz)');
    }
    return this.page(qb.orderBy('o.occurred_at', 'DESC').addOrderBy('o.id', 'DESC'), filter.skip, filter.take);
  }

  byCustomer(ctx: RequestContext, customerId: string, skip: number, take: number): Promise<Page<OrderEntity>> {
    const qb = this.base(ctx).where('o.customer_id = :customerId', { customerId }).orderBy('o.occurred_at', 'DESC').addOrderBy('o.id', 'DESC');
    return this.page(qb, skip, take);
  }

  /** Exact matches on indexed columns only (uq_order_number, idx_order_guest_email, idx_order_guest_phone). */
  search(ctx: RequestContext, search: OrderSearch, skip: number, take: number): Promise<Page<OrderEntity>> {
    const clauses: string[] = [];
    if (search.number) {
      clauses.push('o.number = :number');
    }
    if (search.email) {
      clauses.push('o.guest_email = :email');
    }
    if (search.phone) {
      clauses.push('o.guest_phone = :phone');
    }
    const qb = this.base(ctx)
      .where(clauses.length > 0 ? `(${clauses.join(' OR ')})` : 'false', { ...search })
      .orderBy('o.occurred_at', 'DESC')
      .addOrderBy('o.id', 'DESC');
    return this.page(qb, skip, take);
  }

  /** A customer's newest orders for the timeline (idx_order_customer_id). */
  latestOfCustomer(ctx: RequestContext, customerId: string, limit: number): Promise<OrderEntity[]> {
    return this.base(ctx).where('o.customer_id = :customerId', { customerId }).orderBy('o.occurred_at', 'DESC').addOrderBy('o.id', 'DESC').take(limit).getMany();
  }

  countOfCustomer(ctx: RequestContext, customerId: string): Promise<number> {
    return this.base(ctx).where('o.customer_id = :customerId', { customerId }).getCount();
  }

  private base(ctx: RequestContext): SelectQueryBuilder<OrderEntity> {
    return entityManagerOf(ctx, this.dataSource).createQueryBuilder(OrderEntity, 'o');
  }

  private async page(qb: SelectQueryBuilder<OrderEntity>, skip: number, take: number): Promise<Page<OrderEntity>> {
    const [items, totalCount] = await qb.skip(skip).take(take).getManyAndCount();
    return { items, totalCount, skip, take };
  }
}
