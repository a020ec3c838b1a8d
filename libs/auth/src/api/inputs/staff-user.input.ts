import { Field, ID, InputType, ArgsType } from '@nestjs/graphql';
import { ArrayMaxSize, IsBoolean, IsEmail, IsEnum, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { StaffRole } from '@omnitill/common';

@InputType('LoginInput')
export class LoginInput {
  @Field(() => String)
  @IsString()
  @MaxLength(254)
  email!: string;

  @Field(() => String)
  @IsString()
  @MaxLength(200)
  password!: string;
}

@InputType('CreateStaffUserInput')
export class CreateStaffUserInput {
  @Field(() => String)
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @Field(() => String)
  @IsString()
  @Length(1, 120)
  name!: string;

  @Field(() => String, { description: 'At least 10 characters.' })
  @IsString()
  @Length(10, 200)
  password!: string;

  @Field(() => StaffRole)
  @IsEnum(StaffRole)
  role!: StaffRole;

  @Field(() => [ID], { defaultValue: [], description: 'Stores the user belongs to (store roles act only there).' })
  @IsUUID('all', { each: true })
  @ArrayMaxSize(500)
  storeIds: string[] = [];
}

@InputType('UpdateStaffUserInput')
export class UpdateStaffUserInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 120)
  name?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(10, 200)
  password?: string;

  @Field(() => StaffRole, { nullable: true })
  @IsOptional()
  @IsEnum(StaffRole)
  role?: StaffRole;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsUUID('all', { each: true })
  @ArrayMaxSize(500)
  storeIds?: string[];
}

@ArgsType()
export class StaffUserFilterArgs {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  search?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  storeId?: string;
}

@InputType('CreateStorefrontApiKeyInput')
export class CreateStorefrontApiKeyInput {
  @Field(() => String)
  @IsString()
  @Length(1, 80)
  name!: string;
}
