import { registerDecorator, ValidationOptions } from 'class-validator';

const GTIN_DIGITS = /^(\d{12}|\d{13})$/;

/** The GS1 mod-10 check digit for the digits before it (weights 3,1,3,... from the right). */
function gs1CheckDigit(payload: string): number {
  let sum = 0;
  for (let i = payload.length - 1, weight = 3; i >= 0; i--, weight = 4 - weight) {
    sum += Number(payload[i]) * weight;
  }
  return (10 - (sum % 10)) % 10;
}

/** True for an EAN-13 (13 digits) or UPC-A (12 digits) barcode whose GS1 check digit is correct. */
export function isValidGtin(barcode: unknown): barcode is string {
  if (typeof barcode !== 'string' || !GTIN_DIGITS.test(barcode)) {
    return false;
  }
  return gs1CheckDigit(barcode.slice(0, -1)) === Number(barcode[barcode.length - 1]);
}

/**
 * The stored form of a barcode: GTIN-13. A UPC-A code is the same GTIN as its EAN-13 form with a
 * leading zero (scanners report either), so both spellings must find and collide with one row.
 * Returns null when the barcode is not a valid GTIN.
 */
export function normaliseGtin(barcode: string): string | null {
  if (!isValidGtin(barcode)) {
    return null;
  }
  return barcode.length === 12 ? `0${barcode}` : barcode;
}

/** An EAN-13 or UPC-A barcode with a correct check digit. */
export function IsGtin(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isGtin',
      target: target.constructor,
      propertyName,
      options: {
        message: `${propertyName} must be an EAN-13 (13 digits) or UPC-A (12 digits) barcode with a correct check digit`,
        ...options,
      },
      validator: { validate: isValidGtin },
    });
}
