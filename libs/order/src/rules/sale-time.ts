import { BadInputException } from '@omnitill/common';

/** Tills' clocks drift: a sale may claim to be this far in the future. */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;
/** An offline till must sync within this long; older sales are refused (book them manually). */
export const MAX_OFFLINE_AGE_MS = 30 * 24 * 60 * 60 * 1000;

/** Refuses a sale time too far in the future (clock skew) or too old (stale offline queue). */
export function assertSaleTime(occurredAt: Date, now: Date): void {
  const age = now.getTime() - occurredAt.getTime();
  if (Number.isNaN(age)) {
    throw new BadInputException('occurredAt is not a valid time', [{ field: 'occurredAt', messages: ['invalid'] }]);
  }
  if (age < -MAX_CLOCK_SKEW_MS) {
    throw new BadInputException('occurredAt is in the future; check the till clock', [{ field: 'occurredAt', messages: ['more than 5 minutes in the future'] }]);
  }
  if (age > MAX_OFFLINE_AGE_MS) {
    throw new BadInputException('occurredAt is more than 30 days ago', [{ field: 'occurredAt', messages: ['more than 30 days ago'] }]);
  }
}
