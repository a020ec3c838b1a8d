import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ErrorResult } from '@omnitill/common';

@ObjectType('InvalidCredentialsError', { implements: () => [ErrorResult] })
export class InvalidCredentialsError extends ErrorResult {
  constructor() {
    super('INVALID_CREDENTIALS', 'Email or password is wrong');
  }
}

@ObjectType('LoginThrottledError', { implements: () => [ErrorResult] })
export class LoginThrottledError extends ErrorResult {
  @Field(() => Int)
  readonly retryAfterSeconds: number;

  constructor(retryAfterSeconds: number) {
    super('LOGIN_THROTTLED', `Too many failed attempts; try again in ${retryAfterSeconds} seconds`);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

@ObjectType('InvalidTerminalKeyError', { implements: () => [ErrorResult] })
export class InvalidTerminalKeyError extends ErrorResult {
  constructor() {
    super('INVALID_TERMINAL_KEY', 'The x-terminal-key header is missing, unknown or revoked');
  }
}

@ObjectType('NotStoreMemberError', { implements: () => [ErrorResult] })
export class NotStoreMemberError extends ErrorResult {
  constructor() {
    super('NOT_STORE_MEMBER', "You do not belong to this terminal's store");
  }
}

@ObjectType('DuplicateEmailError', { implements: () => [ErrorResult] })
export class DuplicateEmailError extends ErrorResult {
  @Field(() => String)
  readonly email: string;

  constructor(email: string) {
    super('DUPLICATE_EMAIL', `A user with email ${email} already exists`);
    this.email = email;
  }
}
