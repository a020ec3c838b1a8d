import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Paginated } from '@omnitill/common';
import { ProductWithVariants } from '../../entities/product-variant.entity';
import { ProductVariantType } from './product-variant.type';

@ObjectType('Product', { description: 'A product as sold in every channel, with its variants.' })
export class ProductType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => String, { nullable: true })
  brand!: string | null;

  @Field(() => Boolean, { description: 'Inactive products are visible to staff only.' })
  active!: boolean;

  @Field(() => [ProductVariantType], { description: 'Non-staff callers see active variants only.' })
  variants!: ProductVariantType[];

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;

  static fromEntity({ product, variants }: ProductWithVariants): ProductType {
    return Object.assign(new ProductType(), {
      id: product.id,
      name: product.name,
      description: product.description,
      brand: product.brand,
      active: product.active,
      variants: variants.map(ProductVariantType.fromEntity),
      createdAt: product.createdAt,
      updatedAt: product.updatedAt,
    });
  }
}

@ObjectType('ProductList')
export class ProductList extends Paginated(ProductType) {}
