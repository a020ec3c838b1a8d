import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ErrorResult } from '@omnitill/common';

@ObjectType('EmailTakenError', { implements: () => [ErrorResult], description: 'Another customer profile already has this email.' })
export class EmailTakenError extends ErrorResult {
  @Field(() => String, { description: 'The email, normalised as stored.' })
  readonly email: string;

  constructor(email: string) {
    super('EMAIL_TAKEN', `A customer with email ${email} already exists`);
    this.email = email;
  }
}

@ObjectType('PhoneTakenError', { implements: () => [ErrorResult], description: 'Another customer profile already has this phone number.' })
export class PhoneTakenError extends ErrorResult {
  @Field(() => String, { description: 'The number in E.164.' })
  readonly phone: string;

  constructor(phone: string) {
    super('PHONE_TAKEN', `A customer with phone ${phone} already exists`);
    this.phone = phone;
  }
}

@ObjectType('CustomerInvalidCredentialsError', { implements: () => [ErrorResult] })
export class CustomerInvalidCredentialsError extends ErrorResult {
  constructor() {
    super('CUSTOMER_INVALID_CREDENTIALS', 'Email or password is wrong');
  }
}

@ObjectType('CustomerNotFoundError', {
  implements: () => [ErrorResult],
  description: 'No customer matches; the same answer for unknown, malformed, erased and forged identifiers.',
})
export class CustomerNotFoundError extends ErrorResult {
  constructor() {
    super('CUSTOMER_NOT_FOUND', 'No customer matches this identifier');
  }
}

@ObjectType('InvalidEmailVerificationTokenError', {
  implements: () => [ErrorResult],
  description: 'The token is forged, expired, or for an email the profile no longer has.',
})
export class InvalidEmailVerificationTokenError extends ErrorResult {
  constructor() {
    super('INVALID_EMAIL_VERIFICATION_TOKEN', 'The email verification link is invalid or has expired');
  }
}

@ObjectType('CustomerSignInThrottledError', { implements: () => [ErrorResult], description: 'Too many failed sign-ins for this email; wait and retry.' })
export class CustomerSignInThrottledError extends ErrorResult {
  @Field(() => Int)
  readonly retryAfterSeconds: number;

  constructor(retryAfterSeconds: number) {
    super('CUSTOMER_SIGN_IN_THROTTLED', `Too many failed attempts; try again in ${retryAfterSeconds} seconds`);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
