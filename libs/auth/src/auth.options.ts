export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');

export interface AuthOptions {
  /** Failed logins per email within `loginWindowSeconds` before further attempts are refused. */
  readonly loginMaxFailures: number;
  readonly loginWindowSeconds: number;
  /** How long a staff session's standing (account, role, stores, terminal) is cached before it is read again. */
  readonly sessionCheckSeconds: number;
}
