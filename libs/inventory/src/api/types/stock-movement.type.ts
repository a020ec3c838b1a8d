import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Paginated } from '@omnitill/common';
import { StockMovementEntity } from '../../entities/stock-movement.entity';
import { StockLevelView } from '../../repositories/stock-level.repository';
import { StockChange } from '../../services/stock-management.service';
import { StockMovementType } from './stock-enums.type';
import { StockLevelType } from './stock-level.type';

@ObjectType('StockMovement', { description: 'One row of the append-only stock ledger.' })
export class StockMovementEntryType {
  @Field(() => ID, { description: 'Increasing: a later movement has a larger id.' })
  id!: string;

  @Field(() => ID)
  storeId!: string;

  @Field(() => ID)
  variantId!: string;

  @Field(() => StockMovementType)
  type!: StockMovementType;

  @Field(() => Int, { description: 'Signed change of on hand.' })
  quantity!: number;

  @Field(() => Int)
  onHandAfter!: number;

  @Field(() => String)
  actor!: string;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field(() => String, { nullable: true })
  referenceType!: string | null;

  @Field(() => String, { nullable: true })
  referenceId!: string | null;

  @Field(() => Date)
  occurredAt!: Date;

  static fromEntity(entity: StockMovementEntity): StockMovementEntryType {
    return Object.assign(new StockMovementEntryType(), {
      id: entity.id,
      storeId: entity.storeId,
      variantId: entity.variantId,
      type: entity.type,
      quantity: entity.quantity,
      onHandAfter: entity.onHandAfter,
      actor: entity.actor,
      reason: entity.reason,
      referenceType: entity.referenceType,
      referenceId: entity.referenceId,
      occurredAt: entity.occurredAt,
    });
  }
}

@ObjectType('StockMovementList')
export class StockMovementList extends Paginated(StockMovementEntryType) {}

@ObjectType('StockChange', { description: 'What a stock operation changed.' })
export class StockChangeType {
  @Field(() => ID)
  storeId!: string;

  @Field(() => [StockLevelType], { description: 'The touched levels as they are now.' })
  levels!: StockLevelType[];

  @Field(() => [StockMovementEntryType], { description: 'The movements written (none when a count matched).' })
  movements!: StockMovementEntryType[];

  static from(change: StockChange): StockChangeType {
    return Object.assign(new StockChangeType(), {
      storeId: change.storeId,
      levels: change.levels.map((level: StockLevelView) => StockLevelType.fromView(level)),
      movements: change.movements.map((movement) => StockMovementEntryType.fromEntity(movement)),
    });
  }
}
