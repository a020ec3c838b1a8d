import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { isErrorResult } from '@omnitill/common';
import { BatchedSaleOutcome } from '../../services/pos-sale-batch.service';
import { RecordedSale } from '../../services/pos-sale.service';
import { BatchedSaleResult } from '../results/sale-batch.result';
import { OrderType } from './order.type';
import { ReceiptType, SaleType } from './receipt.type';

export function saleTypeFrom(sale: RecordedSale): SaleType {
  return Object.assign(new SaleType(), { order: OrderType.from(sale.details), receipt: ReceiptType.from(sale.receipt), replayed: sale.replayed, notices: sale.notices });
}

@ObjectType('BatchedSale', { description: 'The answer for one sale of a batch.' })
export class BatchedSaleType {
  @Field(() => ID)
  clientSaleId!: string;

  @Field(() => BatchedSaleResult)
  result!: typeof BatchedSaleResult;
}

@ObjectType('SaleBatch', { description: 'A till\'s offline queue as recorded: one answer per sale, in the order sent.' })
export class SaleBatchType {
  @Field(() => [BatchedSaleType])
  sales!: BatchedSaleType[];

  @Field(() => Int, { description: 'Sales recorded by this call.' })
  recordedCount!: number;

  @Field(() => Int, { description: 'Sales recorded before (an earlier upload or retry): answered with the original, nothing changed.' })
  replayedCount!: number;

  @Field(() => Int, { description: 'Sales answered with an error result: nothing of them was recorded.' })
  refusedCount!: number;

  static from(outcomes: readonly BatchedSaleOutcome[]): SaleBatchType {
    const sales = outcomes.map(({ clientSaleId, outcome }) =>
      Object.assign(new BatchedSaleType(), { clientSaleId, result: isErrorResult(outcome) ? outcome : saleTypeFrom(outcome) }),
    );
    const recorded = outcomes.filter(({ outcome }) => !isErrorResult(outcome) && !outcome.replayed).length;
    const refused = outcomes.filter(({ outcome }) => isErrorResult(outcome)).length;
    return Object.assign(new SaleBatchType(), {
      sales,
      recordedCount: recorded,
      replayedCount: outcomes.length - recorded - refused,
      refusedCount: refused,
    });
  }
}
