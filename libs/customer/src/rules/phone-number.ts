/** Used when a national number (leading 0) comes without a country: our first market is Germany. */
export const DEFAULT_CALLING_CODE = '+49';

/** A country calling code as callers may pass it: `+` and 1-3 digits, e.g. +43. */
export const CALLING_CODE_PATTERN = /^\+[1-9]\d{0,2}$/;

const E164 = /^\+[1-9]\d{6,14}$/;
const SEPARATORS = /[\s().\-/]/g;

/**
 * Normalises a phone number to E.164 (`+` and 7-15 digits), or null for anything else.
 *
 * Accepted: `+4917012345678`, `0049 170 1234567` (00 = international prefix), `+49 (0)170 123`
 * (the German "(0)" trunk hint is dropped), and national numbers starting with one 0
 * (`0170 1234567`), which get `defaultCallingCode` in place of the 0. Spaces, dots, dashes,
 * slashes and brackets are ignored. Rejected: letters, bare digits without `+`/`0` (we cannot tell
 * `4917...` from a national number) and lengths E.164 does not allow.
 */
export function normalisePhone(raw: string, defaultCallingCode: string = DEFAULT_CALLING_CODE): string | null {
  if (typeof raw !== 'string' || raw.length > 40 || !CALLING_CODE_PATTERN.test(defaultCallingCode)) {
    return null;
  }
  let value = raw.trim().replace(/\(0\)/g, '').replace(SEPARATORS, '');
  if (value.startsWith('00')) {
    value = `+${value.slice(2)}`;
  } else if (/^0[1-9]/.test(value)) {
    value = `${defaultCallingCode}${value.slice(1)}`;
  }
  return E164.test(value) ? value : null;
}
