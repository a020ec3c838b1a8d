import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, ValidateNested } from 'class-validator';
import { MAX_SALES_PER_BATCH } from '../../services/pos-sale-batch.service';
import { RecordSaleInput } from './pos.input';

@InputType('RecordSalesInput')
export class RecordSalesInput {
  @Field(() => [RecordSaleInput], { description: `The till's queue, oldest first (at most ${MAX_SALES_PER_BATCH}). Recorded in this order.` })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_SALES_PER_BATCH)
  @ValidateNested({ each: true })
  @Type(() => RecordSaleInput)
  sales!: RecordSaleInput[];
}
