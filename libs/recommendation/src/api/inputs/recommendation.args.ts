import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

@ArgsType()
export class MyRecommendationsArgs {
  @Field(() => Int, { defaultValue: 10, description: '1 to 50.' })
  @IsInt()
  @Min(1)
  @Max(50)
  limit: number = 10;
}

@ArgsType()
export class CustomerRecommendationsArgs extends MyRecommendationsArgs {
  @Field(() => ID)
  @IsUUID()
  customerId!: string;

  @Field(() => ID, { nullable: true, description: "Recommend for this store instead of the customer's usual store." })
  @IsOptional()
  @IsUUID()
  storeId?: string | null;
}
