import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Paginated } from '@omnitill/common';
import { StoreEntity } from '../../entities/store.entity';

@ObjectType('OpeningHours')
export class OpeningHoursType {
  @Field(() => Int, { description: 'ISO day of week: 1 = Monday ... 7 = Sunday.' })
  dayOfWeek!: number;

  @Field(() => String, { description: 'Local opening time, HH:MM.' })
  opens!: string;

  @Field(() => String, { description: 'Local closing time, HH:MM.' })
  closes!: string;
}

@ObjectType('Address')
export class AddressType {
  @Field(() => String)
  line1!: string;

  @Field(() => String, { nullable: true })
  line2!: string | null;

  @Field(() => String)
  city!: string;

  @Field(() => String)
  postalCode!: string;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2.' })
  countryCode!: string;
}

@ObjectType('Store', { description: 'A physical location that may sell, hold stock and offer pickup.' })
export class StoreType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => AddressType)
  address!: AddressType;

  @Field(() => String, { description: 'IANA time zone, e.g. Europe/Berlin.' })
  timezone!: string;

  @Field(() => Float)
  latitude!: number;

  @Field(() => Float)
  longitude!: number;

  @Field(() => [OpeningHoursType])
  openingHours!: OpeningHoursType[];

  @Field(() => Boolean)
  sells!: boolean;

  @Field(() => Boolean)
  holdsStock!: boolean;

  @Field(() => Boolean)
  offersPickup!: boolean;

  @Field(() => Int, { description: 'Pickup orders are ready within this many minutes.' })
  pickupPromiseMinutes!: number;

  @Field(() => Int, { description: 'Uncollected pickup orders expire after this many days.' })
  holdPeriodDays!: number;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;

  static fromEntity(entity: StoreEntity): StoreType {
    return Object.assign(new StoreType(), {
      id: entity.id,
      code: entity.code,
      name: entity.name,
      address: {
        line1: entity.addressLine1,
        line2: entity.addressLine2,
        city: entity.city,
        postalCode: entity.postalCode,
        countryCode: entity.countryCode,
      },
      timezone: entity.timezone,
      latitude: entity.latitude,
      longitude: entity.longitude,
      openingHours: entity.openingHours,
      sells: entity.sells,
      holdsStock: entity.holdsStock,
      offersPickup: entity.offersPickup,
      pickupPromiseMinutes: entity.pickupPromiseMinutes,
      holdPeriodDays: entity.holdPeriodDays,
      createdAt: entity.createdAt,
      updatedAt: entity.updatedAt,
    });
  }
}

@ObjectType('StoreList')
export class StoreList extends Paginated(StoreType) {}
