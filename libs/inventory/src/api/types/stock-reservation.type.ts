import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ReservationEntity } from '../../entities/stock-reservation.entity';
import { StockReservationState } from './stock-enums.type';

@ObjectType('StockReservationLine')
export class StockReservationLineType {
  @Field(() => ID)
  variantId!: string;

  @Field(() => Int)
  quantity!: number;
}

@ObjectType('StockReservation', { description: 'Units held at a store for an order.' })
export class StockReservationType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  storeId!: string;

  @Field(() => String)
  referenceType!: string;

  @Field(() => String)
  referenceId!: string;

  @Field(() => StockReservationState)
  state!: StockReservationState;

  @Field(() => Date)
  expiresAt!: Date;

  @Field(() => [StockReservationLineType])
  lines!: StockReservationLineType[];

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;

  static fromEntity(entity: ReservationEntity): StockReservationType {
    return Object.assign(new StockReservationType(), {
      id: entity.id,
      storeId: entity.storeId,
      referenceType: entity.referenceType,
      referenceId: entity.referenceId,
      state: entity.state,
      expiresAt: entity.expiresAt,
      lines: entity.lines.map((line) => Object.assign(new StockReservationLineType(), { variantId: line.variantId, quantity: line.quantity })),
      createdAt: entity.createdAt,
      updatedAt: entity.updatedAt,
    });
  }
}
