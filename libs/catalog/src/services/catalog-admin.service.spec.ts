import { NotFoundException, RequestContext } from '@omnitill/common';
import { ProductEntity } from '../entities/product.entity';
import { ProductVariantEntity, VariantWithProduct } from '../entities/product-variant.entity';
import { CreateProductInput } from '../api/inputs/product.input';
import { CreateVariantInput } from '../api/inputs/product-variant.input';
import { DuplicateBarcodeError, DuplicateSkuError } from '../errors/catalog.errors';
import { ProductInsert, ProductRepository } from '../repositories/product.repository';
import { ProductVariantRepository, VariantInsert } from '../repositories/product-variant.repository';
import { CatalogAdminService } from './catalog-admin.service';

const NOW = new Date('2025-01-01T00:00:00Z');

/** In-memory stand-ins for the two repositories: just the methods the service uses. */
class FakeProducts {
  readonly rows: ProductEntity[] = [];

  async findById(_ctx: RequestContext, id: string): Promise<ProductEntity | null> {
    return this.rows.find((row) => row.id === id) ?? null;
  }

  async insert(_ctx: RequestContext, product: ProductInsert): Promise<ProductEntity> {
    const row = Object.assign(new ProductEntity(), product, { id: `p${this.rows.length + 1}`, createdAt: NOW, updatedAt: NOW });
    this.rows.push(row);
    return row;
  }

  async save(_ctx: RequestContext, product: ProductEntity): Promise<ProductEntity> {
    return product;
  }
}

class FakeVariants {
  readonly rows: VariantWithProduct[] = [];
  /** When set, the next insert fails as if a concurrent transaction had taken a key. */
  failNextInsertWith: unknown = null;

  constructor(private readonly products: FakeProducts) {}

  async findById(_ctx: RequestContext, id: string): Promise<ProductVariantEntity | null> {
    return this.rows.find((row) => row.id === id) ?? null;
  }

  async findByProductIds(_ctx: RequestContext, productIds: readonly string[]): Promise<ProductVariantEntity[]> {
    return this.rows.filter((row) => productIds.includes(row.productId));
  }

  async findBySkusWithProduct(_ctx: RequestContext, skus: readonly string[]): Promise<VariantWithProduct[]> {
    return this.rows.filter((row) => skus.includes(row.sku));
  }

  async findByBarcodesWithProduct(_ctx: RequestContext, barcodes: readonly string[]): Promise<VariantWithProduct[]> {
    return this.rows.filter((row) => row.barcode !== null && barcodes.includes(row.barcode));
  }

  async insertMany(_ctx: RequestContext, variants: readonly VariantInsert[]): Promise<ProductVariantEntity[]> {
    if (this.failNextInsertWith !== null) {
      const error = this.failNextInsertWith;
      this.failNextInsertWith = null;
      throw error;
    }
    return variants.map((variant) => {
      const product = this.products.rows.find((row) => row.id === variant.productId);
      if (!product) {
        throw new Error('foreign key violation');
      }
      const row = Object.assign(new ProductVariantEntity(), variant, {
        id: `v${this.rows.length + 1}`,
        product,
        createdAt: NOW,
        updatedAt: NOW,
      }) as VariantWithProduct;
      this.rows.push(row);
      return row;
    });
  }

  async save(_ctx: RequestContext, variant: ProductVariantEntity): Promise<ProductVariantEntity> {
    return variant;
  }
}

function variant(overrides: Partial<CreateVariantInput> = {}): CreateVariantInput {
  return Object.assign(new CreateVariantInput(), {
    sku: 'run-42',
    name: 'Runner 42',
    size: '42',
    priceAmount: 8999,
    currency: 'EUR',
    active: true,
    ...overrides,
  });
}

function productInput(variants: CreateVariantInput[]): CreateProductInput {
  return Object.assign(new CreateProductInput(), { name: 'Runner', active: true, variants });
}

function uniqueViolation(constraint: string, detail: string): Error {
  return Object.assign(new Error('duplicate key value violates unique constraint'), {
    driverError: { code: '23505', constraint, detail },
  });
}

describe('CatalogAdminService', () => {
  const ctx = RequestContext.system();
  let products: FakeProducts;
  let variants: FakeVariants;
  let sut: CatalogAdminService;

  beforeEach(() => {
    products = new FakeProducts();
    variants = new FakeVariants(products);
    sut = new CatalogAdminService(products as unknown as ProductRepository, variants as unknown as ProductVariantRepository);
  });

  describe('createProduct', () => {
    it('stores SKUs upper-cased and UPC-A barcodes as GTIN-13', async () => {
      const result = await sut.createProduct(ctx, productInput([variant({ sku: 'run-42', barcode: '036000291452' })]));

      expect(result).toEqual({ product: expect.objectContaining({ name: 'Runner' }), variants: [expect.objectContaining({ sku: 'RUN-42', barcode: '0036000291452' })] });
    });

    it('rejects a SKU repeated within the input, whatever its case, before writing', async () => {
      const result = await sut.createProduct(ctx, productInput([variant({ sku: 'run-42' }), variant({ sku: 'RUN-42' })]));

      expect(result).toEqual(new DuplicateSkuError('RUN-42'));
      expect(products.rows).toHaveLength(0);
    });

    it('rejects a barcode repeated within the input, even spelt as UPC-A and EAN-13', async () => {
      const result = await sut.createProduct(
        ctx,
        productInput([variant({ sku: 'A', barcode: '036000291452' }), variant({ sku: 'B', barcode: '0036000291452' })]),
      );

      expect(result).toEqual(new DuplicateBarcodeError('0036000291452'));
      expect(products.rows).toHaveLength(0);
    });

    it('rejects a SKU or barcode another product already uses', async () => {
      await sut.createProduct(ctx, productInput([variant({ sku: 'RUN-42', barcode: '4006381333931' })]));

      await expect(sut.createProduct(ctx, productInput([variant({ sku: 'run-42' })]))).resolves.toEqual(new DuplicateSkuError('RUN-42'));
      await expect(sut.createProduct(ctx, productInput([variant({ sku: 'OTHER', barcode: '4006381333931' })]))).resolves.toEqual(
        new DuplicateBarcodeError('4006381333931'),
      );
      expect(products.rows).toHaveLength(1);
    });

    it('maps a unique violation from a concurrent insert to the same typed errors', async () => {
      variants.failNextInsertWith = uniqueViolation('uq_product_variant_sku', 'Key (sku)=(RUN-43) already exists.');
      await expect(sut.createProduct(ctx, productInput([variant({ sku: 'run-42' }), variant({ sku: 'run-43' })]))).resolves.toEqual(
        new DuplicateSkuError('RUN-43'),
      );

      variants.failNextInsertWith = uniqueViolation('uq_product_variant_barcode', 'Key (barcode)=(4006381333931) already exists.');
      await expect(sut.createProduct(ctx, productInput([variant({ barcode: '4006381333931' })]))).resolves.toEqual(
        new DuplicateBarcodeError('4006381333931'),
      );
    });

    it('rethrows any other failure', async () => {
      variants.failNextInsertWith = uniqueViolation('uq_something_else', 'Key (x)=(1) already exists.');
      await expect(sut.createProduct(ctx, productInput([variant()]))).rejects.toThrow('duplicate key');
    });
  });

  describe('addVariant', () => {
    it('refuses an unknown product', async () => {
      await expect(sut.addVariant(ctx, Object.assign(variant(), { productId: 'nope' }))).rejects.toBeInstanceOf(NotFoundException);
    });

    it('adds to an existing product and checks the SKU', async () => {
      const created = await sut.createProduct(ctx, productInput([variant({ sku: 'RUN-42' })]));
      const productId = 'product' in created ? created.product.id : '';

      await expect(sut.addVariant(ctx, Object.assign(variant({ sku: 'run-43' }), { productId }))).resolves.toEqual(
        expect.objectContaining({ sku: 'RUN-43', productId }),
      );
      await expect(sut.addVariant(ctx, Object.assign(variant({ sku: 'run-43' }), { productId }))).resolves.toEqual(
        new DuplicateSkuError('RUN-43'),
      );
    });
  });

  describe('updateVariant', () => {
    beforeEach(async () => {
      await sut.createProduct(
        ctx,
        productInput([variant({ sku: 'A', barcode: '4006381333931', colour: 'red' }), variant({ sku: 'B', barcode: '5901234123457' })]),
      );
    });

    it("refuses another variant's barcode", async () => {
      await expect(sut.updateVariant(ctx, 'v2', { barcode: '4006381333931' })).resolves.toEqual(new DuplicateBarcodeError('4006381333931'));
    });

    it('keeps its own barcode, clears nullable fields with null and ignores null on required ones', async () => {
      const result = await sut.updateVariant(ctx, 'v1', { barcode: '4006381333931', colour: null, name: null, priceAmount: 100 });

      expect(result).toEqual(expect.objectContaining({ barcode: '4006381333931', colour: null, name: 'Runner 42', priceAmount: 100, sku: 'A' }));
      await expect(sut.updateVariant(ctx, 'v1', { barcode: null })).resolves.toEqual(expect.objectContaining({ barcode: null }));
    });

    it('refuses an unknown variant', async () => {
      await expect(sut.updateVariant(ctx, 'nope', {})).rejects.toBeInstanceOf(NotFoundException);
    });
  });
});
