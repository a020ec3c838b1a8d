import { Module } from '@nestjs/common';
import { ProductResolver } from './api/product.resolver';
import { ProductVariantResolver } from './api/product-variant.resolver';
import { ProductRepository } from './repositories/product.repository';
import { ProductVariantRepository } from './repositories/product-variant.repository';
import { CatalogAdminService } from './services/catalog-admin.service';
import { CatalogQueryService } from './services/catalog-query.service';

/** The single product source for every channel: products, variants, SKUs, barcodes and prices. */
@Module({
  providers: [
    ProductRepository,
    ProductVariantRepository,
    CatalogQueryService,
    CatalogAdminService,
    ProductResolver,
    ProductVariantResolver,
  ],
  exports: [CatalogQueryService, CatalogAdminService],
})
export class CatalogModule {}
