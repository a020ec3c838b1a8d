import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsDate, IsEnum, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { AuditAction } from '@omnitill/common';

@ArgsType()
export class AuditTrailFilterArgs {
  @Field(() => Date, { nullable: true, description: 'Entries at or after this time.' })
  @IsOptional()
  @IsDate()
  from?: Date;

  @Field(() => Date, { nullable: true, description: 'Entries before this time.' })
  @IsOptional()
  @IsDate()
  to?: Date;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  storeId?: string;

  @Field(() => AuditAction, { nullable: true })
  @IsOptional()
  @IsEnum(AuditAction)
  action?: AuditAction;

  @Field(() => String, { nullable: true, description: 'The staff user id (or customer / storefront key id) who acted.' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  actorId?: string;

  @Field(() => String, { nullable: true, description: 'order, stock_level, customer, staff_user, terminal, storefront_api_key, return, ...' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  subjectType?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  subjectId?: string;
}
