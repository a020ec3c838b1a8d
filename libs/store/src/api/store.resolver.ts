import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ParseUUIDPipe } from '@nestjs/common';
import { Allow, Ctx, Managers, PageArgs, Permission, RequestContext, toPaginated, Transaction, createResultUnion } from '@omnitill/common';
import { CreateStoreInput, StoreFilterArgs, UpdateStoreInput } from './inputs/store.input';
import { StoreList, StoreType } from './types/store.type';
import { DuplicateStoreCodeError } from '../errors/store.errors';
import { StoreService } from '../services/store.service';
import { StoreEntity } from '../entities/store.entity';

export const StoreResult = createResultUnion('StoreResult', StoreType, [DuplicateStoreCodeError]);

function toResult(result: StoreEntity | DuplicateStoreCodeError): StoreType | DuplicateStoreCodeError {
  return result instanceof DuplicateStoreCodeError ? result : StoreType.fromEntity(result);
}

@Resolver(() => StoreType)
export class StoreResolver {
  constructor(private readonly storeService: StoreService) {}

  @Query(() => StoreList, { description: 'Stores, for store locators and back office. Public.' })
  @Allow(Permission.PUBLIC)
  async stores(@Ctx() ctx: RequestContext, @Args() page: PageArgs, @Args() filter: StoreFilterArgs): Promise<StoreList> {
    const result = await this.storeService.list(ctx, { ...filter, skip: page.skip, take: page.take });
    return toPaginated(result, StoreType.fromEntity);
  }

  @Query(() => StoreType, { description: 'One store by id. Public.' })
  @Allow(Permission.PUBLIC)
  async store(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }, ParseUUIDPipe) id: string): Promise<StoreType> {
    return StoreType.fromEntity(await this.storeService.getById(ctx, id));
  }

  @Mutation(() => StoreResult)
  @Allow(Permission.ADMIN)
  @Transaction()
  async createStore(@Ctx() ctx: RequestContext, @Args('input') input: CreateStoreInput): Promise<typeof StoreResult> {
    return toResult(await this.storeService.create(ctx, input));
  }

  @Mutation(() => StoreResult, { description: 'Admins, or managers of this store.' })
  @Allow(...Managers)
  @Transaction()
  async updateStore(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, ParseUUIDPipe) id: string,
    @Args('input') input: UpdateStoreInput,
  ): Promise<typeof StoreResult> {
    return toResult(await this.storeService.update(ctx, id, input));
  }
}
