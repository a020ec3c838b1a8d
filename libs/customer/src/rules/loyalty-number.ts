import { randomInt } from 'node:crypto';

const PREFIX = 'OT';
const PATTERN = /^OT(\d{11})$/;

/** The Luhn check digit for a string of digits (the one payment cards use: catches typos and swaps). */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    // Double every second digit from the right, counting the check digit's future place as first.
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) {
        digit -= 9;
      }
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** `OT` + 10 random digits (crypto RNG) + a Luhn check digit, e.g. OT48213370915. */
export function generateLoyaltyNumber(): string {
  let digits = '';
  for (let i = 0; i < 10; i++) {
    digits += String(randomInt(0, 10));
  }
  return `${PREFIX}${digits}${luhnCheckDigit(digits)}`;
}

/** The normalised (upper-case) loyalty number when the format and check digit are right, else null. */
export function parseLoyaltyNumber(raw: string): string | null {
  const value = raw.trim().toUpperCase();
  const match = PATTERN.exec(value);
  if (!match) {
    return null;
  }
  const body = match[1].slice(0, 10);
  return luhnCheckDigit(body) === Number(match[1][10]) ? value : null;
}
