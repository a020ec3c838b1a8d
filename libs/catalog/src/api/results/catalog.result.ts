import { createResultUnion } from '@omnitill/common';
import { DuplicateBarcodeError, DuplicateSkuError } from '../../errors/catalog.errors';
import { ProductType } from '../types/product.type';
import { ProductVariantType } from '../types/product-variant.type';

export const CreateProductResult = createResultUnion('CreateProductResult', ProductType, [DuplicateSkuError, DuplicateBarcodeError]);

export const AddVariantResult = createResultUnion('AddVariantResult', ProductVariantType, [DuplicateSkuError, DuplicateBarcodeError]);

export const UpdateVariantResult = createResultUnion('UpdateVariantResult', ProductVariantType, [DuplicateBarcodeError]);
