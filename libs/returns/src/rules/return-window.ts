const DAY_MS = 24 * 60 * 60 * 1000;

/** The order facts the window depends on. */
export interface WindowFacts {
  /** When the sale happened (the till's time for POS sales), or the online order was placed. */
  readonly occurredAt: Date;
  readonly pickedUpAt: Date | null;
  readonly shippedAt: Date | null;
}

/** The window runs from when the customer got the goods: pickup or shipping, else the sale. */
export function windowStartOf(order: WindowFacts): Date {
  return order.pickedUpAt ?? order.shippedAt ?? order.occurredAt;
}

/** Windows are whole days of 24 hours from the start (the same instant N days later). */
export function windowEndOf(order: WindowFacts, windowDays: number): Date {
  if (!Number.isSafeInteger(windowDays) || windowDays < 0) {
    throw new Error(`windowDays must be a non-negative integer, got ${windowDays}`);
  }
  return new Date(windowStartOf(order).getTime() + windowDays * DAY_MS);
}

export type WindowDecision =
  | { readonly kind: 'WITHIN' }
  | { readonly kind: 'OVERRIDDEN'; readonly reason: string }
  | { readonly kind: 'EXPIRED' }
  | { readonly kind: 'OVERRIDE_NOT_ALLOWED' };

export interface WindowQuestion {
  readonly now: Date;
  readonly windowEndsAt: Date;
  /** The reason given for accepting a late return, if any. */
  readonly overrideReason: string | null | undefined;
  /** Whether the caller's role may accept late returns (store manager, admin; support when authorising). */
  readonly mayOverride: boolean;
}

/**
 * Within the window (its last instant included) a return needs nothing more and an override
 * reason is ignored. After it, only someone who may override, with a reason, can accept it.
 */
export function decideWindow(question: WindowQuestion): WindowDecision {
  if (question.now.getTime() <= question.windowEndsAt.getTime()) {
    return { kind: 'WITHIN' };
  }
  const reason = question.overrideReason?.trim() ?? '';
  if (reason === '') {
    return { kind: 'EXPIRED' };
  }
  return question.mayOverride ? { kind: 'OVERRIDDEN', reason } : { kind: 'OVERRIDE_NOT_ALLOWED' };
}
