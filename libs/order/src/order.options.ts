import { integerSetting } from '@omnitill/common';

export const ORDER_OPTIONS = Symbol('ORDER_OPTIONS');

export interface OrderOptions {
  /** Pause between expiry runs in ms; 0 disables the background job (ORDER_EXPIRY_INTERVAL_MS). */
  readonly expiryIntervalMs: number;
  /** Orders expired per transaction (ORDER_EXPIRY_BATCH_SIZE). */
  readonly expiryBatchSize: number;
  /** VAT rate for stores in countries without a known standard rate (ORDER_DEFAULT_TAX_RATE_BP). */
  readonly defaultTaxRateBp: number;
  /** How long stock stays reserved for a ship order that is not shipped (ORDER_SHIP_HOLD_DAYS). */
  readonly shipHoldDays: number;
}

/** Reads and validates the order settings; a bad value stops the boot. */
export function readOrderOptions(env: NodeJS.ProcessEnv): OrderOptions {
  return {
    expiryIntervalMs: integerSetting(env, 'ORDER_EXPIRY_INTERVAL_MS', 60_000, 0, 86_400_000),
    expiryBatchSize: integerSetting(env, 'ORDER_EXPIRY_BATCH_SIZE', 200, 1, 10_000),
    defaultTaxRateBp: integerSetting(env, 'ORDER_DEFAULT_TAX_RATE_BP', 0, 0, 10_000),
    shipHoldDays: integerSetting(env, 'ORDER_SHIP_HOLD_DAYS', 14, 1, 365),
  };
}
