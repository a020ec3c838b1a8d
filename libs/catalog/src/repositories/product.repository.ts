import { Injectable } from '@nestjs/common';
import { Brackets, DataSource } from 'typeorm';
import { entityManagerOf, escapeLike, Page, RequestContext, SortDirection } from '@omnitill/common';
import { ProductEntity } from '../entities/product.entity';
import { ProductSortField } from '../api/inputs/product.input';

export interface ProductListQuery {
  readonly search?: string;
  readonly active?: boolean;
  /** Restrict to active products, and match search terms against active variants only. */
  readonly visibleOnly: boolean;
  readonly sortBy: ProductSortField;
  readonly sortDirection: SortDirection;
  readonly skip: number;
  readonly take: number;
}

const SORT_COLUMNS: Readonly<Record<ProductSortField, string>> = {
  [ProductSortField.NAME]: 'p.name',
  [ProductSortField.CREATED_AT]: 'p.created_at',
};

export type ProductInsert = Pick<ProductEntity, 'name' | 'description' | 'brand' | 'active'>;

@Injectable()
export class ProductRepository {
  constructor(private readonly dataSource: DataSource) {}

  findById(ctx: RequestContext, id: string): Promise<ProductEntity | null> {
    return entityManagerOf(ctx, this.dataSource).findOneBy(ProductEntity, { id });
  }

  async list(ctx: RequestContext, query: ProductListQuery): Promise<Page<ProductEntity>> {
    const qb = entityManagerOf(ctx, this.dataSource).createQueryBuilder(ProductEntity, 'p');
    if (query.visibleOnly) {
      qb.andWhere('p.active = true');
    }
    if (query.active !== undefined) {
      qb.andWhere('p.active = :active', { active: query.active });
    }
    if (query.search) {
      const pattern = `%${escapeLike(query.search)}%`;
      const variantVisibility = query.visibleOnly ? 'AND v.active = true' : '';
      qb.andWhere(
        new Brackets((where) =>
          where
            .where('p.name ILIKE :pattern')
            .orWhere('p.brand ILIKE :pattern')
            .orWhere(
              `EXISTS (SELECT 1 FROM product_variant v WHERE v.product_id = p.id ${variantVisibility} AND (v.sku ILIKE :pattern OR v.barcode LIKE :pattern))`,
            ),
        ),
        { pattern },
      );
    }
    const [items, totalCount] = await qb
      .orderBy(SORT_COLUMNS[query.sortBy], query.sortDirection)
      .addOrderBy('p.id', 'ASC')
      .offset(query.skip)
      .limit(query.take)
      .getManyAndCount();
    return { items, totalCount, skip: query.skip, take: query.take };
  }

  insert(ctx: RequestContext, product: ProductInsert): Promise<ProductEntity> {
    const manager = entityManagerOf(ctx, this.dataSource);
    return manager.save(ProductEntity, manager.create(ProductEntity, product));
  }

  save(ctx: RequestContext, product: ProductEntity): Promise<ProductEntity> {
    return entityManagerOf(ctx, this.dataSource).save(ProductEntity, product);
  }
}
