import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('PickupQueueChange', { description: "A change to a store's pickup queue: an order entered, moved or left it." })
export class PickupQueueChangeType {
  @Field(() => ID)
  storeId!: string;

  @Field(() => ID)
  orderId!: string;

  @Field(() => ID, { description: 'The event behind the change.' })
  eventId!: string;

  @Field(() => String, { description: 'e.g. order.placed, order.ready_for_pickup, order.picked_up.' })
  eventType!: string;

  @Field(() => String, { description: "The order's new state." })
  state!: string;

  @Field(() => Date)
  occurredAt!: Date;
}

@ObjectType('OrderStatusChange')
export class OrderStatusChangeType {
  @Field(() => ID)
  orderId!: string;

  @Field(() => String)
  state!: string;

  @Field(() => Date)
  occurredAt!: Date;
}
