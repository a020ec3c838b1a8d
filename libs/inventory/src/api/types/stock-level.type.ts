import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Paginated } from '@omnitill/common';
import { StockLevelView } from '../../repositories/stock-level.repository';
import { availableOf, isLowStock } from '../../rules/availability';
import { VariantAvailability } from '../../services/availability.service';

@ObjectType('StockLevel', { description: 'Stock of one variant at one store, as staff see it.' })
export class StockLevelType {
  @Field(() => ID)
  storeId!: string;

  @Field(() => ID)
  variantId!: string;

  @Field(() => String)
  sku!: string;

  @Field(() => String)
  variantName!: string;

  @Field(() => Int, { description: 'May be negative after POS sales of uncounted stock (then needsRecount).' })
  onHand!: number;

  @Field(() => Int, { description: 'Held for pickup and ship orders.' })
  reserved!: number;

  @Field(() => Int)
  safetyStock!: number;

  @Field(() => Int, { description: 'on hand − reserved − safety stock, at least 0.' })
  available!: number;

  @Field(() => Boolean)
  inStock!: boolean;

  @Field(() => Int, { nullable: true })
  lowStockThreshold!: number | null;

  @Field(() => Boolean, { description: 'A threshold is set and available is at or below it.' })
  lowStock!: boolean;

  @Field(() => Boolean, { description: 'On hand went below zero: count this variant.' })
  needsRecount!: boolean;

  @Field(() => Date)
  updatedAt!: Date;

  static fromView(view: StockLevelView): StockLevelType {
    const available = availableOf(view);
    return Object.assign(new StockLevelType(), {
      storeId: view.storeId,
      variantId: view.variantId,
      sku: view.sku,
      variantName: view.variantName,
      onHand: view.onHand,
      reserved: view.reserved,
      safetyStock: view.safetyStock,
      available,
      inStock: available > 0,
      lowStockThreshold: view.lowStockThreshold,
      lowStock: isLowStock(view),
      needsRecount: view.needsRecount,
      updatedAt: view.updatedAt,
    });
  }
}

@ObjectType('StockLevelList')
export class StockLevelList extends Paginated(StockLevelType) {}

@ObjectType('StockAvailability', { description: 'Whether a variant can be promised at a store right now.' })
export class StockAvailabilityType {
  @Field(() => ID)
  variantId!: string;

  @Field(() => String)
  sku!: string;

  @Field(() => Int)
  onHand!: number;

  @Field(() => Int)
  reserved!: number;

  @Field(() => Int)
  safetyStock!: number;

  @Field(() => Int, { description: 'on hand − reserved − safety stock, at least 0.' })
  available!: number;

  @Field(() => Boolean)
  inStock!: boolean;

  static from(value: VariantAvailability): StockAvailabilityType {
    return Object.assign(new StockAvailabilityType(), value);
  }
}
