import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ParseUUIDPipe } from '@nestjs/common';
import { Allow, Ctx, isErrorResult, PageArgs, Permission, RequestContext, toPaginated, Transaction } from '@omnitill/common';
import { CreateProductInput, ProductFilterArgs, UpdateProductInput } from './inputs/product.input';
import { CreateProductResult } from './results/catalog.result';
import { ProductList, ProductType } from './types/product.type';
import { CatalogAdminService } from '../services/catalog-admin.service';
import { CatalogQueryService } from '../services/catalog-query.service';

@Resolver(() => ProductType)
export class ProductResolver {
  constructor(
    private readonly catalog: CatalogQueryService,
    private readonly admin: CatalogAdminService,
  ) {}

  @Query(() => ProductList, { description: 'The catalog. Public; non-staff callers see active products and variants only.' })
  @Allow(Permission.PUBLIC)
  async products(@Ctx() ctx: RequestContext, @Args() page: PageArgs, @Args() filter: ProductFilterArgs): Promise<ProductList> {
    const result = await this.catalog.listProducts(ctx, { ...filter, skip: page.skip, take: page.take });
    return toPaginated(result, ProductType.fromEntity);
  }

  @Query(() => ProductType, { description: 'One product by id. Public; NOT_FOUND for an inactive product unless staff.' })
  @Allow(Permission.PUBLIC)
  async product(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }, ParseUUIDPipe) id: string): Promise<ProductType> {
    return ProductType.fromEntity(await this.catalog.getProduct(ctx, id));
  }

  @Mutation(() => CreateProductResult)
  @Allow(Permission.ADMIN)
  @Transaction()
  async createProduct(@Ctx() ctx: RequestContext, @Args('input') input: CreateProductInput): Promise<typeof CreateProductResult> {
    const result = await this.admin.createProduct(ctx, input);
    return isErrorResult(result) ? result : ProductType.fromEntity(result);
  }

  @Mutation(() => ProductType)
  @Allow(Permission.ADMIN)
  @Transaction()
  async updateProduct(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, ParseUUIDPipe) id: string,
    @Args('input') input: UpdateProductInput,
  ): Promise<ProductType> {
    return ProductType.fromEntity(await this.admin.updateProduct(ctx, id, input));
  }
}
