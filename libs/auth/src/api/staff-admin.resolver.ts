import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ParseUUIDPipe } from '@nestjs/common';
import { Allow, Ctx, PageArgs, Permission, RequestContext, Transaction, createResultUnion, isErrorResult, toPaginated } from '@omnitill/common';
import { CreateStaffUserInput, CreateStorefrontApiKeyInput, StaffUserFilterArgs, UpdateStaffUserInput } from './inputs/staff-user.input';
import { CreatedStorefrontApiKey, StaffUserList, StaffUserType, StorefrontApiKeyType } from './types/auth.type';
import { DuplicateEmailError } from '../errors/auth.errors';
import { StaffAdminService } from '../services/staff-admin.service';
import { StorefrontKeyService } from '../services/storefront-key.service';

export const CreateStaffUserResult = createResultUnion('CreateStaffUserResult', StaffUserType, [DuplicateEmailError]);

@Resolver()
export class StaffAdminResolver {
  constructor(
    private readonly staff: StaffAdminService,
    private readonly storefrontKeys: StorefrontKeyService,
  ) {}

  @Query(() => StaffUserList)
  @Allow(Permission.ADMIN)
  async staffUsers(@Ctx() ctx: RequestContext, @Args() page: PageArgs, @Args() filter: StaffUserFilterArgs): Promise<StaffUserList> {
    return toPaginated(await this.staff.list(ctx, { ...filter, ...page }), StaffUserType.from);
  }

  @Mutation(() => CreateStaffUserResult)
  @Allow(Permission.ADMIN)
  @Transaction()
  async createStaffUser(@Ctx() ctx: RequestContext, @Args('input') input: CreateStaffUserInput): Promise<typeof CreateStaffUserResult> {
    const result = await this.staff.create(ctx, input);
    return isErrorResult(result) ? result : StaffUserType.from(result);
  }

  @Mutation(() => StaffUserType)
  @Allow(Permission.ADMIN)
  @Transaction()
  async updateStaffUser(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, ParseUUIDPipe) id: string,
    @Args('input') input: UpdateStaffUserInput,
  ): Promise<StaffUserType> {
    return StaffUserType.from(await this.staff.update(ctx, id, input));
  }

  @Query(() => [StorefrontApiKeyType])
  @Allow(Permission.ADMIN)
  async storefrontApiKeys(@Ctx() ctx: RequestContext): Promise<StorefrontApiKeyType[]> {
    return (await this.storefrontKeys.list(ctx)).map(StorefrontApiKeyType.fromEntity);
  }

  @Mutation(() => CreatedStorefrontApiKey)
  @Allow(Permission.ADMIN)
  @Transaction()
  async createStorefrontApiKey(@Ctx() ctx: RequestContext, @Args('input') input: CreateStorefrontApiKeyInput): Promise<CreatedStorefrontApiKey> {
    const { apiKey, key } = await this.storefrontKeys.create(ctx, input.name);
    return { apiKey: StorefrontApiKeyType.fromEntity(apiKey), key };
  }

  @Mutation(() => CreatedStorefrontApiKey, { description: 'Replaces the key of a storefront key (same id); the old key stops working. The new key is shown once.' })
  @Allow(Permission.ADMIN)
  @Transaction()
  async rotateStorefrontApiKey(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }, ParseUUIDPipe) id: string): Promise<CreatedStorefrontApiKey> {
    const { apiKey, key } = await this.storefrontKeys.rotate(ctx, id);
    return { apiKey: StorefrontApiKeyType.fromEntity(apiKey), key };
  }

  @Mutation(() => StorefrontApiKeyType)
  @Allow(Permission.ADMIN)
  @Transaction()
  async revokeStorefrontApiKey(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }, ParseUUIDPipe) id: string): Promise<StorefrontApiKeyType> {
    return StorefrontApiKeyType.fromEntity(await this.storefrontKeys.revoke(ctx, id));
  }
}
