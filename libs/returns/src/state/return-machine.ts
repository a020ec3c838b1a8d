import { ReturnState } from '../entities/return.enums';
import { StateMachine } from '@omnitill/common';

/** What the guards look at, built from the return and the clock. */
export interface ReturnGuardSubject {
  readonly now: Date;
  /** Authorised returns: when the authorisation lapses. */
  readonly authorisedExpiresAt: Date | null;
}

const { AUTHORISED, RECEIVED, REFUNDED, REJECTED, EXPIRED } = ReturnState;

function authorisationValid(subject: ReturnGuardSubject): string | null {
  return subject.authorisedExpiresAt !== null && subject.now.getTime() >= subject.authorisedExpiresAt.getTime()
    ? `the authorisation expired at ${subject.authorisedExpiresAt.toISOString()}`
    : null;
}

function authorisationLapsed(subject: ReturnGuardSubject): string | null {
  return subject.authorisedExpiresAt === null || subject.now.getTime() < subject.authorisedExpiresAt.getTime()
    ? 'the authorisation has not expired yet'
    : null;
}

/**
 * A return starts AUTHORISED (support, online) or RECEIVED (taken at a till). A store receives an
 * authorised return before it lapses; support may reject it instead. Receiving refunds at once in
 * the same transaction (RECEIVED -> REFUNDED), so RECEIVED is only ever seen inside it.
 */
export const RETURN_MACHINE = new StateMachine<ReturnState, ReturnGuardSubject>({
  name: 'return',
  initial: [AUTHORISED, RECEIVED],
  transitions: {
    [AUTHORISED]: [RECEIVED, REJECTED, EXPIRED],
    [RECEIVED]: [REFUNDED],
  },
  terminal: [REFUNDED, REJECTED, EXPIRED],
  guards: {
    [RECEIVED]: authorisationValid,
    [EXPIRED]: authorisationLapsed,
  },
});
