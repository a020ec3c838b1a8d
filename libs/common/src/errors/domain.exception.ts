/** Codes carried in `extensions.code` of GraphQL errors. */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

export interface FieldError {
  readonly field: string;
  readonly messages: readonly string[];
}

/**
 * A thrown failure that is not a bug: not found, forbidden, invalid input, an invariant the caller
 * broke. The one global filter maps it to a GraphQL error with `extensions.code`; anything else
 * thrown is treated as a bug and returned without internals.
 */
export class DomainException extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields: readonly FieldError[] = [],
    readonly retryable = false,
  ) {
    super(message);
    this.name = 'DomainException';
  }
}

export class NotFoundException extends DomainException {
  constructor(entity: string, id?: string) {
    super(ErrorCode.NOT_FOUND, id === undefined ? `${entity} not found` : `${entity} ${id} not found`);
  }
}

export class ForbiddenException extends DomainException {
  constructor(message = 'You are not allowed to do this') {
    super(ErrorCode.FORBIDDEN, message);
  }
}

export class BadInputException extends DomainException {
  constructor(message: string, fields: readonly FieldError[] = []) {
    super(ErrorCode.BAD_USER_INPUT, message, fields);
  }
}
