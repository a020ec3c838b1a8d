import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Paginated } from '@omnitill/common';
import { TransferWithLines } from '../../entities/stock-transfer.entity';
import { StockTransferState } from './stock-enums.type';

@ObjectType('StockTransferLine')
export class StockTransferLineType {
  @Field(() => ID)
  variantId!: string;

  @Field(() => Int)
  quantity!: number;
}

@ObjectType('StockTransfer', { description: 'Stock sent from one store to another.' })
export class StockTransferType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  fromStoreId!: string;

  @Field(() => ID)
  toStoreId!: string;

  @Field(() => StockTransferState)
  state!: StockTransferState;

  @Field(() => [StockTransferLineType])
  lines!: StockTransferLineType[];

  @Field(() => String)
  createdBy!: string;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => String, { nullable: true })
  receivedBy!: string | null;

  @Field(() => Date, { nullable: true })
  receivedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  cancelledAt!: Date | null;

  static fromEntity(entity: TransferWithLines): StockTransferType {
    return Object.assign(new StockTransferType(), {
      id: entity.id,
      fromStoreId: entity.fromStoreId,
      toStoreId: entity.toStoreId,
      state: entity.state,
      lines: entity.lines.map((line) => Object.assign(new StockTransferLineType(), { variantId: line.variantId, quantity: line.quantity })),
      createdBy: entity.createdBy,
      createdAt: entity.createdAt,
      receivedBy: entity.receivedBy,
      receivedAt: entity.receivedAt,
      cancelledAt: entity.cancelledAt,
    });
  }
}

@ObjectType('StockTransferList')
export class StockTransferList extends Paginated(StockTransferType) {}
