export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');

export interface AuthOptions {
  /** Failed logins per email within `loginWindowSeconds` before further attempts are refused. */
  readonly loginMaxFailures: number;
  readonly loginWindowSeconds: number;
}
