import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Money } from '@omnitill/common';
import { ProductVariantEntity } from '../../entities/product-variant.entity';

@ObjectType('ProductVariant', { description: 'One sellable, stockable item of a product: a size, a colour.' })
export class ProductVariantType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  productId!: string;

  @Field(() => String, { description: 'Upper-cased, unique.' })
  sku!: string;

  @Field(() => String, { nullable: true, description: 'GTIN-13 (a UPC-A is shown with its leading 0).' })
  barcode!: string | null;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  size!: string | null;

  @Field(() => String, { nullable: true })
  colour!: string | null;

  @Field(() => Money)
  price!: Money;

  @Field(() => Boolean)
  active!: boolean;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;

  static fromEntity(entity: ProductVariantEntity): ProductVariantType {
    return Object.assign(new ProductVariantType(), {
      id: entity.id,
      productId: entity.productId,
      sku: entity.sku,
      barcode: entity.barcode,
      name: entity.name,
      size: entity.size,
      colour: entity.colour,
      price: new Money(entity.priceAmount, entity.currency),
      active: entity.active,
      createdAt: entity.createdAt,
      updatedAt: entity.updatedAt,
    });
  }
}
