import { Field, ObjectType } from '@nestjs/graphql';
import { Money } from '@omnitill/common';
import { OrderType } from '@omnitill/order';
import { CompletedExchange } from '../../services/exchange.service';
import { ReturnType } from './return.type';

@ObjectType('Exchange', { description: 'A return and its replacement sale, recorded together.' })
export class ExchangeType {
  @Field(() => ReturnType)
  return!: ReturnType;

  @Field(() => OrderType)
  replacementOrder!: OrderType;

  @Field(() => Money, { description: 'Paid on top of the returned goods.' })
  collected!: Money;

  @Field(() => Money, { description: 'Returned value the replacement did not use, refunded to the original tender.' })
  refunded!: Money;

  static from(exchange: CompletedExchange): ExchangeType {
    return Object.assign(new ExchangeType(), {
      return: ReturnType.from(exchange.completed),
      replacementOrder: OrderType.from(exchange.replacement),
      collected: exchange.collected,
      refunded: exchange.refunded,
    });
  }
}
