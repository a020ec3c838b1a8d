import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ErrorResult } from '@omnitill/common';

export enum RecommendationRefusal {
  /** The customer has not agreed to email marketing: the integration may not use their history. */
  NO_MARKETING_CONSENT = 'NO_MARKETING_CONSENT',
  /** The profile was erased: nothing is derived from it any more. */
  CUSTOMER_ERASED = 'CUSTOMER_ERASED',
}
registerEnumType(RecommendationRefusal, { name: 'RecommendationRefusal' });

@ObjectType('RecommendationsNotPermittedError', {
  implements: () => [ErrorResult],
  description: 'Recommendations for marketing use are not allowed for this customer; reason says why.',
})
export class RecommendationsNotPermittedError extends ErrorResult {
  @Field(() => ID)
  readonly customerId: string;

  @Field(() => RecommendationRefusal)
  readonly reason: RecommendationRefusal;

  constructor(customerId: string, reason: RecommendationRefusal) {
    super(
      reason,
      reason === RecommendationRefusal.CUSTOMER_ERASED
        ? 'The customer profile was erased'
        : 'The customer has not given email marketing consent',
    );
    this.customerId = customerId;
    this.reason = reason;
  }
}
