import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

/** A pickup-enabled store that has a basket available, and how far it is. */
export interface PickupStoreOption {
  readonly storeId: string;
  readonly code: string;
  readonly name: string;
  readonly city: string;
  readonly latitude: number;
  readonly longitude: number;
  readonly pickupPromiseMinutes: number;
  readonly distanceKm: number;
}

@ObjectType('PickupStoreOption', { description: 'A store where the whole basket can be picked up, with its distance.' })
export class PickupStoreOptionType implements PickupStoreOption {
  @Field(() => ID)
  storeId!: string;

  @Field(() => String)
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  city!: string;

  @Field(() => Float)
  latitude!: number;

  @Field(() => Float)
  longitude!: number;

  @Field(() => Int, { description: 'Pickup orders are ready within this many minutes.' })
  pickupPromiseMinutes!: number;

  @Field(() => Float, { description: 'Great-circle distance from the given point, in km, rounded to 0.1.' })
  distanceKm!: number;

  static from(option: PickupStoreOption): PickupStoreOptionType {
    return Object.assign(new PickupStoreOptionType(), option);
  }
}
