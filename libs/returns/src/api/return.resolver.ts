import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, AnyStaff, Ctx, isErrorResult, Permission, RequestContext, StoreStaff, Transaction } from '@omnitill/common';
import { AuthorisedReturnReceiptService } from '../services/authorised-return-receipt.service';
import { ReturnAuthorisationService } from '../services/return-authorisation.service';
import { ReturnQueryService } from '../services/return-query.service';
import { StoreReturnService } from '../services/store-return.service';
import { AuthoriseReturnInput, ReceiveAuthorisedReturnInput, RejectReturnInput, ReturnItemsInput } from './inputs/return.input';
import { AuthoriseReturnResult, ReceiveAuthorisedReturnResult, RejectReturnResult, ReturnItemsResult } from './results/returns.result';
import { ReturnableOrderType } from './types/returnable-order.type';
import { ReturnType } from './types/return.type';

const Support = [Permission.SUPPORT_AGENT, Permission.ADMIN] as const;

/** Returns at a store's till, and support's authorisations. */
@Resolver(() => ReturnType)
export class ReturnResolver {
  constructor(
    private readonly storeReturns: StoreReturnService,
    private readonly authorisations: ReturnAuthorisationService,
    private readonly receipts: AuthorisedReturnReceiptService,
    private readonly queries: ReturnQueryService,
  ) {}

  @Query(() => ReturnableOrderType, {
    description: "Any store's sale or any online order by number or receipt QR, with what can still come back. NOT_FOUND otherwise.",
  })
  @Allow(...StoreStaff, Permission.SUPPORT_AGENT)
  async findReturnableOrder(@Ctx() ctx: RequestContext, @Args('numberOrReceiptToken', { type: () => String }) numberOrReceiptToken: string): Promise<ReturnableOrderType> {
    return ReturnableOrderType.from(await this.queries.returnableOrder(ctx, numberOrReceiptToken.slice(0, 2048)));
  }

  @Query(() => [ReturnType], { description: 'Every return of an order, oldest first. Customers: their own orders only.' })
  @Allow(...AnyStaff, Permission.CUSTOMER)
  async returnsForOrder(@Ctx() ctx: RequestContext, @Args('orderId', { type: () => ID }, ParseUUIDPipe) orderId: string): Promise<ReturnType[]> {
    return (await this.queries.forOrder(ctx, orderId)).map(ReturnType.from);
  }

  @Query(() => ReturnType)
  @Allow(...AnyStaff)
  async returnRequest(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }, ParseUUIDPipe) id: string): Promise<ReturnType> {
    return ReturnType.from(await this.queries.byId(ctx, id));
  }

  @Mutation(() => ReturnItemsResult, {
    description: 'Takes units of any order back at this store (the terminal\'s): restock or write-off here, refund at once.',
  })
  @Allow(...StoreStaff)
  @Transaction()
  async returnItems(@Ctx() ctx: RequestContext, @Args('input') input: ReturnItemsInput): Promise<typeof ReturnItemsResult> {
    const result = await this.storeReturns.returnItems(ctx, input);
    return isErrorResult(result) ? result : ReturnType.from(result);
  }

  @Mutation(() => AuthoriseReturnResult, { description: 'Support: authorises a return online; a store receives the goods before it expires.' })
  @Allow(...Support)
  @Transaction()
  async authoriseReturn(@Ctx() ctx: RequestContext, @Args('input') input: AuthoriseReturnInput): Promise<typeof AuthoriseReturnResult> {
    const result = await this.authorisations.authorise(ctx, input);
    return isErrorResult(result) ? result : ReturnType.from(result);
  }

  @Mutation(() => ReceiveAuthorisedReturnResult, { description: 'A store receives an authorised return: restock or write-off here, refund at once.' })
  @Allow(...StoreStaff)
  @Transaction()
  async receiveAuthorisedReturn(@Ctx() ctx: RequestContext, @Args('input') input: ReceiveAuthorisedReturnInput): Promise<typeof ReceiveAuthorisedReturnResult> {
    const result = await this.receipts.receive(ctx, input);
    return isErrorResult(result) ? result : ReturnType.from(result);
  }

  @Mutation(() => RejectReturnResult, { description: 'Support: rejects an authorised return; it can no longer be received.' })
  @Allow(...Support)
  @Transaction()
  async rejectReturn(@Ctx() ctx: RequestContext, @Args('input') input: RejectReturnInput): Promise<typeof RejectReturnResult> {
    const result = await this.authorisations.reject(ctx, input.returnId, input.reason);
    return isErrorResult(result) ? result : ReturnType.from(result);
  }

  @Mutation(() => Int, { description: 'Moves lapsed authorisations to EXPIRED; returns how many.' })
  @Allow(...Support)
  @Transaction()
  expireReturnAuthorisations(@Ctx() ctx: RequestContext): Promise<number> {
    return this.authorisations.expireLapsed(ctx);
  }
}
