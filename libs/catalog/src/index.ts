import { ProductEntity } from './entities/product.entity';
import { ProductVariantEntity } from './entities/product-variant.entity';

export { CatalogModule } from './catalog.module';
export { CatalogQueryService } from './services/catalog-query.service';
export { CatalogAdminService } from './services/catalog-admin.service';
export { ProductEntity } from './entities/product.entity';
export { ProductVariantEntity } from './entities/product-variant.entity';
export type { ProductWithVariants, VariantWithProduct } from './entities/product-variant.entity';
export { ProductType } from './api/types/product.type';
export { CreateProductInput } from './api/inputs/product.input';
export { ProductVariantType } from './api/types/product-variant.type';
export { DuplicateSkuError, DuplicateBarcodeError } from './errors/catalog.errors';
export { isValidGtin } from './validation/gtin.validator';

export const CATALOG_ENTITIES = [ProductEntity, ProductVariantEntity];
