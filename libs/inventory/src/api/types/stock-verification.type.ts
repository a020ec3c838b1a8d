import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { LedgerMismatch, ReservedMismatch } from '../../repositories/verification.repository';

@ObjectType('StockLedgerMismatch', { description: 'A level whose on hand is not the sum of its movements.' })
export class StockLedgerMismatchType {
  @Field(() => ID)
  storeId!: string;

  @Field(() => ID)
  variantId!: string;

  @Field(() => Int, { nullable: true, description: 'null: movements without a level.' })
  onHand!: number | null;

  @Field(() => Int)
  ledgerSum!: number;

  @Field(() => Int, { nullable: true, description: 'on_hand_after of the newest movement.' })
  lastOnHandAfter!: number | null;

  static from(value: LedgerMismatch): StockLedgerMismatchType {
    return Object.assign(new StockLedgerMismatchType(), value);
  }
}

@ObjectType('StockReservedMismatch', { description: 'A level whose reserved is not what its active reservations hold.' })
export class StockReservedMismatchType {
  @Field(() => ID)
  storeId!: string;

  @Field(() => ID)
  variantId!: string;

  @Field(() => Int, { nullable: true })
  reserved!: number | null;

  @Field(() => Int)
  heldByActiveReservations!: number;

  static from(value: ReservedMismatch): StockReservedMismatchType {
    return Object.assign(new StockReservedMismatchType(), value);
  }
}
