export const RETURNS_OPTIONS = Symbol('RETURNS_OPTIONS');

/** Settings of the returns lib (from AppConfig; see the README's Configuration). */
export interface ReturnsOptions {
  /** Days a customer has to return goods, from sale, pickup or shipping, where a store sets none (RETURN_WINDOW_DAYS). */
  readonly returnWindowDays: number;
  /** Days an authorised return stays open when support gives no expiry (RETURN_AUTHORISATION_DAYS). */
  readonly authorisationDays: number;
}

export const DEFAULT_RETURNS_OPTIONS: ReturnsOptions = { returnWindowDays: 30, authorisationDays: 14 };
