import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ParseUUIDPipe } from '@nestjs/common';
import { Allow, Ctx, isErrorResult, Permission, RequestContext, Transaction } from '@omnitill/common';
import { AddVariantInput, UpdateVariantInput, VariantByBarcodeArgs, VariantBySkuArgs } from './inputs/product-variant.input';
import { AddVariantResult, UpdateVariantResult } from './results/catalog.result';
import { ProductVariantType } from './types/product-variant.type';
import { CatalogAdminService } from '../services/catalog-admin.service';
import { CatalogQueryService } from '../services/catalog-query.service';

@Resolver(() => ProductVariantType)
export class ProductVariantResolver {
  constructor(
    private readonly catalog: CatalogQueryService,
    private readonly admin: CatalogAdminService,
  ) {}

  @Query(() => ProductVariantType, { description: 'A variant by SKU (any case). Public; NOT_FOUND when missing or inactive for non-staff.' })
  @Allow(Permission.PUBLIC)
  async variantBySku(@Ctx() ctx: RequestContext, @Args() args: VariantBySkuArgs): Promise<ProductVariantType> {
    return ProductVariantType.fromEntity(await this.catalog.getVariantBySku(ctx, args.sku));
  }

  @Query(() => ProductVariantType, {
    description: 'A variant by scanned EAN-13 or UPC-A barcode. Public; NOT_FOUND when missing or inactive for non-staff.',
  })
  @Allow(Permission.PUBLIC)
  async variantByBarcode(@Ctx() ctx: RequestContext, @Args() args: VariantByBarcodeArgs): Promise<ProductVariantType> {
    return ProductVariantType.fromEntity(await this.catalog.getVariantByBarcode(ctx, args.barcode));
  }

  @Mutation(() => AddVariantResult)
  @Allow(Permission.ADMIN)
  @Transaction()
  async addVariant(@Ctx() ctx: RequestContext, @Args('input') input: AddVariantInput): Promise<typeof AddVariantResult> {
    const result = await this.admin.addVariant(ctx, input);
    return isErrorResult(result) ? result : ProductVariantType.fromEntity(result);
  }

  @Mutation(() => UpdateVariantResult, { description: 'The SKU cannot change; retire the variant and add a new one instead.' })
  @Allow(Permission.ADMIN)
  @Transaction()
  async updateVariant(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, ParseUUIDPipe) id: string,
    @Args('input') input: UpdateVariantInput,
  ): Promise<typeof UpdateVariantResult> {
    const result = await this.admin.updateVariant(ctx, id, input);
    return isErrorResult(result) ? result : ProductVariantType.fromEntity(result);
  }
}
