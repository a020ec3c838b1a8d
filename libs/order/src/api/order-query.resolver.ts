import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { Allow, AnyStaff, Ctx, PageArgs, Permission, RequestContext, StoreStaff, toPaginated } from '@omnitill/common';
import { CustomerOrdersArgs, StoreOrdersArgs, SearchOrdersArgs } from './inputs/order-query.input';
import { PickupQueueArgs } from './inputs/pickup.input';
import { OrderList, OrderType } from './types/order.type';
import { ReceiptType } from './types/receipt.type';
import { OrderQueryService } from '../services/order-query.service';

@Resolver(() => OrderType)
export class OrderQueryResolver {
  constructor(private readonly queries: OrderQueryService) {}

  @Query(() => OrderType, {
    description: 'Staff of its store, cross-store roles, its customer, or a storefront (online orders). NOT_FOUND otherwise.',
  })
  @Allow(...AnyStaff, Permission.CUSTOMER, Permission.STOREFRONT)
  async order(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }, ParseUUIDPipe) id: string): Promise<OrderType> {
    return OrderType.from(await this.queries.getById(ctx, id));
  }

  @Query(() => OrderType, { description: 'By number, e.g. BER-MITTE-P-000123 (any case). NOT_FOUND for missing and not-yours alike.' })
  @Allow(...AnyStaff, Permission.CUSTOMER)
  async orderByNumber(@Ctx() ctx: RequestContext, @Args('number', { type: () => String }) number: string): Promise<OrderType> {
    return OrderType.from(await this.queries.getByNumber(ctx, number.slice(0, 64)));
  }

  @Query(() => OrderType, { description: 'The sale behind a scanned receipt QR (returns in any store). NOT_FOUND for a forged token.' })
  @Allow(...AnyStaff)
  async orderByReceiptToken(@Ctx() ctx: RequestContext, @Args('token', { type: () => String }) token: string): Promise<OrderType> {
    return OrderType.from(await this.queries.getByReceiptToken(ctx, token.slice(0, 1024)));
  }

  @Query(() => ReceiptType, { description: "A POS sale's receipt again (reprint, digital receipt)." })
  @Allow(...AnyStaff, Permission.CUSTOMER)
  async receipt(@Ctx() ctx: RequestContext, @Args('orderId', { type: () => ID }, ParseUUIDPipe) orderId: string): Promise<ReceiptType> {
    return ReceiptType.from(await this.queries.receipt(ctx, orderId));
  }

  @Query(() => OrderList, { description: "A store's orders, newest first, by state, channel and local day. Staff of the store." })
  @Allow(...AnyStaff)
  async storeOrders(@Ctx() ctx: RequestContext, @Args() args: StoreOrdersArgs): Promise<OrderList> {
    return toPaginated(await this.queries.storeOrders(ctx, args), OrderType.from);
  }

  @Query(() => OrderList, { description: "A store's open pickup orders (placed, picking, ready), the earliest promise first." })
  @Allow(...StoreStaff)
  async pickupQueue(@Ctx() ctx: RequestContext, @Args() args: PickupQueueArgs): Promise<OrderList> {
    return toPaginated(await this.queries.pickupQueue(ctx, args.storeId, args.skip, args.take), OrderType.from);
  }

  @Query(() => OrderList, { description: "The signed-in customer's orders in every channel, newest first." })
  @Allow(Permission.CUSTOMER)
  async myOrders(@Ctx() ctx: RequestContext, @Args() page: PageArgs): Promise<OrderList> {
    return toPaginated(await this.queries.myOrders(ctx, page.skip, page.take), OrderType.from);
  }

  @Query(() => OrderList, { description: "A customer's orders in every channel and store, newest first: staff at any counter (returns) and support." })
  @Allow(...AnyStaff)
  async customerOrders(@Ctx() ctx: RequestContext, @Args() args: CustomerOrdersArgs): Promise<OrderList> {
    return toPaginated(await this.queries.customerOrders(ctx, args.customerId, args.skip, args.take), OrderType.from);
  }

  @Query(() => OrderList, { description: 'Support: orders by exact order number, contact email or phone.' })
  @Allow(Permission.SUPPORT_AGENT, Permission.ADMIN)
  async searchOrders(@Ctx() ctx: RequestContext, @Args() args: SearchOrdersArgs): Promise<OrderList> {
    return toPaginated(await this.queries.search(ctx, args.query, args.skip, args.take), OrderType.from);
  }
}
