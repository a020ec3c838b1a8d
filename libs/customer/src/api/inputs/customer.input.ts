import { ArgsType, Field, InputType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { MAX_PAGE_SIZE } from '@omnitill/common';
import { CALLING_CODE_PATTERN } from '../../rules/phone-number';

const NOT_BLANK = /\S/;
/** Surrounding spaces (a pasted address) are not part of an email. */
const Trim = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
const CALLING_CODE_MESSAGE = 'phoneCountryCode must be + and 1-3 digits, e.g. +43';

/** Fields shared by every way a profile is created. */
@InputType({ isAbstract: true })
abstract class CustomerDetailsInput {
  @Field(() => String, { description: 'Stored trimmed and lower-cased; unique.' })
  @Trim()
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @Field(() => String, {
    nullable: true,
    description: 'International (+43 664 1234567, 0043...) or national with a leading 0 (then phoneCountryCode, default +49, applies). Stored as E.164.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'Calling code for a national phone number; default +49.' })
  @IsOptional()
  @Matches(CALLING_CODE_PATTERN, { message: CALLING_CODE_MESSAGE })
  phoneCountryCode?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Recorded as consent history when given (true or false).' })
  @IsOptional()
  @IsBoolean()
  marketingEmailConsent?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  marketingSmsConsent?: boolean | null;
}

@InputType('CustomerSignUpInput')
export class CustomerSignUpInput extends CustomerDetailsInput {
  @Field(() => String, { description: 'At least 10 characters.' })
  @IsString()
  @Length(10, 200)
  password!: string;

  @Field(() => String)
  @IsString()
  @Length(1, 100)
  @Matches(NOT_BLANK, { message: 'firstName must not be blank' })
  firstName!: string;

  @Field(() => String)
  @IsString()
  @Length(1, 100)
  @Matches(NOT_BLANK, { message: 'lastName must not be blank' })
  lastName!: string;
}

@InputType('CreateCustomerAtTillInput')
export class CreateCustomerAtTillInput extends CustomerDetailsInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  @Matches(NOT_BLANK, { message: 'firstName must not be blank' })
  firstName?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  @Matches(NOT_BLANK, { message: 'lastName must not be blank' })
  lastName?: string | null;
}

@InputType('CustomerSignInInput')
export class CustomerSignInInput {
  @Field(() => String)
  @IsString()
  @MaxLength(254)
  email!: string;

  @Field(() => String)
  @IsString()
  @MaxLength(200)
  password!: string;
}

@InputType('UpdateMyConsentsInput', { description: 'An omitted purpose is left unchanged.' })
export class UpdateMyConsentsInput {
  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  emailMarketing?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  smsMarketing?: boolean | null;
}

@ArgsType()
export class IdentifyCustomerArgs {
  @Field(() => String, { description: 'A scanned personal QR token, a loyalty number, an email or a phone number.' })
  @IsString()
  @Length(1, 512)
  identifier!: string;

  @Field(() => String, { nullable: true, description: 'Calling code for a national phone number; default +49.' })
  @IsOptional()
  @Matches(CALLING_CODE_PATTERN, { message: CALLING_CODE_MESSAGE })
  phoneCountryCode?: string | null;
}

@ArgsType()
export class VerifyCustomerEmailArgs {
  @Field(() => String)
  @IsString()
  @Length(1, 1024)
  token!: string;
}

@ArgsType()
export class CustomerSearchArgs {
  @Field(() => String, {
    nullable: true,
    description: 'Matches email or name (substring, case-insensitive), or exactly a phone number or loyalty number.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 254)
  search?: string;
}

/** Timeline pages: the merge reads skip + take entries from every source, so skip is bounded. */
@ArgsType()
export class TimelinePageArgs {
  @Field(() => Int, { defaultValue: 0 })
  @IsInt()
  @Min(0)
  @Max(10_000)
  skip: number = 0;

  @Field(() => Int, { defaultValue: 25 })
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  take: number = 25;
}
