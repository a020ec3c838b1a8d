import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

@InputType('SetStoreReturnPolicyInput')
export class SetStoreReturnPolicyInput {
  @Field(() => ID)
  @IsUUID()
  storeId!: string;

  @Field(() => Int, { nullable: true, description: '0 to 365 days; null goes back to RETURN_WINDOW_DAYS.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(365)
  windowDays?: number | null;
}
