import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { PageArgs } from '@omnitill/common';
import { OrderChannel, OrderState } from '../../entities/order.enums';
import '../types/order-enums.type';

@ArgsType()
export class StoreOrdersArgs extends PageArgs {
  @Field(() => ID)
  @IsUUID()
  storeId!: string;

  @Field(() => OrderState, { nullable: true })
  @IsOptional()
  @IsEnum(OrderState)
  state?: OrderState | null;

  @Field(() => OrderChannel, { nullable: true })
  @IsOptional()
  @IsEnum(OrderChannel)
  channel?: OrderChannel | null;

  @Field(() => String, { nullable: true, description: "A day (YYYY-MM-DD) in the store's time zone, matched on when the sale happened." })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'day must be YYYY-MM-DD' })
  day?: string | null;
}

@ArgsType()
export class SearchOrdersArgs extends PageArgs {
  @Field(() => String, { description: 'An order number, email or phone, matched exactly (case-insensitive).' })
  @IsString()
  @Length(3, 254)
  query!: string;
}

@ArgsType()
export class CustomerOrdersArgs extends PageArgs {
  @Field(() => ID)
  @IsUUID()
  customerId!: string;
}

@ArgsType()
export class CancelOrderArgs {
  @Field(() => ID)
  @IsUUID()
  orderId!: string;

  @Field(() => String)
  @IsString()
  @Length(3, 200)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason!: string;
}

@ArgsType()
export class MarkShippedArgs {
  @Field(() => ID)
  @IsUUID()
  orderId!: string;

  @Field(() => String)
  @IsString()
  @Length(1, 100)
  @Matches(/\S/, { message: 'trackingNumber must not be blank' })
  trackingNumber!: string;
}
