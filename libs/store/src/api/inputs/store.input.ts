import { ArgsType, Field, Float, ID, InputType, Int, PartialType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, IsBoolean, IsEnum, IsInt, IsLatitude, IsLongitude, IsOptional, IsString, IsUUID, Length, Matches, Max, Min,
  ValidateNested,
} from 'class-validator';
import { IsTimeZone, SortDirection } from '@omnitill/common';

const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

@InputType('OpeningHoursInput')
export class OpeningHoursInput {
  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(7)
  dayOfWeek!: number;

  @Field(() => String)
  @Matches(TIME_OF_DAY, { message: 'opens must be HH:MM' })
  opens!: string;

  @Field(() => String)
  @Matches(TIME_OF_DAY, { message: 'closes must be HH:MM' })
  closes!: string;
}

@InputType('AddressInput')
export class AddressInput {
  @Field(() => String)
  @IsString()
  @Length(1, 200)
  line1!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(0, 200)
  line2?: string | null;

  @Field(() => String)
  @IsString()
  @Length(1, 100)
  city!: string;

  @Field(() => String)
  @IsString()
  @Length(1, 20)
  postalCode!: string;

  @Field(() => String)
  @Matches(/^[A-Z]{2}$/, { message: 'countryCode must be an ISO 3166-1 alpha-2 code such as DE' })
  countryCode!: string;
}

@InputType('CreateStoreInput')
export class CreateStoreInput {
  @Field(() => String, { description: 'Unique short code, upper case letters, digits and dashes, e.g. BER-01.' })
  @Matches(/^[A-Z0-9][A-Z0-9-]{1,31}$/, { message: 'code must be 2-32 upper case letters, digits or dashes' })
  code!: string;

  @Field(() => String)
  @IsString()
  @Length(1, 120)
  name!: string;

  @Field(() => AddressInput)
  @ValidateNested()
  @Type(() => AddressInput)
  address!: AddressInput;

  @Field(() => String)
  @IsTimeZone()
  timezone!: string;

  @Field(() => Float)
  @IsLatitude()
  latitude!: number;

  @Field(() => Float)
  @IsLongitude()
  longitude!: number;

  @Field(() => [OpeningHoursInput], { defaultValue: [] })
  @ValidateNested({ each: true })
  @ArrayMaxSize(21)
  @Type(() => OpeningHoursInput)
  openingHours: OpeningHoursInput[] = [];

  @Field(() => Boolean, { defaultValue: true })
  @IsBoolean()
  sells: boolean = true;

  @Field(() => Boolean, { defaultValue: true })
  @IsBoolean()
  holdsStock: boolean = true;

  @Field(() => Boolean, { defaultValue: false })
  @IsBoolean()
  offersPickup: boolean = false;

  @Field(() => Int, { defaultValue: 120 })
  @IsInt()
  @Min(0)
  @Max(10_080)
  pickupPromiseMinutes: number = 120;

  @Field(() => Int, { defaultValue: 7 })
  @IsInt()
  @Min(1)
  @Max(90)
  holdPeriodDays: number = 7;
}

@InputType('UpdateStoreInput')
export class UpdateStoreInput extends PartialType(CreateStoreInput, InputType) {}

export enum StoreSortField {
  CODE = 'code',
  NAME = 'name',
  CREATED_AT = 'createdAt',
}
registerEnumType(StoreSortField, { name: 'StoreSortField' });

@ArgsType()
export class StoreFilterArgs {
  @Field(() => String, { nullable: true, description: 'Matches code, name or city (case-insensitive).' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  search?: string;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  offersPickup?: boolean;

  @Field(() => StoreSortField, { defaultValue: StoreSortField.CODE })
  @IsEnum(StoreSortField)
  sortBy: StoreSortField = StoreSortField.CODE;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  @IsEnum(SortDirection)
  sortDirection: SortDirection = SortDirection.ASC;
}

@InputType('RegisterTerminalInput')
export class RegisterTerminalInput {
  @Field(() => ID)
  @IsUUID()
  storeId!: string;

  @Field(() => String)
  @IsString()
  @Length(1, 80)
  name!: string;
}
