import { validateSync } from 'class-validator';
import { IsGtin, isValidGtin, normaliseGtin } from './gtin.validator';

describe('isValidGtin', () => {
  it.each([
    ['4006381333931', 'EAN-13'],
    ['5901234123457', 'EAN-13'],
    ['0012345678905', 'EAN-13 with a leading zero'],
    ['036000291452', 'UPC-A'],
    ['012345678905', 'UPC-A'],
    ['0000000000000', 'all zeros (check digit 0)'],
  ])('accepts %s (%s)', (barcode) => {
    expect(isValidGtin(barcode)).toBe(true);
  });

  it.each([
    ['4006381333932', 'EAN-13, wrong check digit'],
    ['5901234123450', 'EAN-13, wrong check digit'],
    ['036000291453', 'UPC-A, wrong check digit'],
    ['4006381333913', 'EAN-13, transposed digits'],
  ])('rejects %s (%s)', (barcode) => {
    expect(isValidGtin(barcode)).toBe(false);
  });

  it.each([
    ['', 'empty'],
    ['96385074', 'EAN-8'],
    ['03600029145', '11 digits'],
    ['12345678901231', 'GTIN-14'],
    ['40063813339310', 'valid EAN-13 plus a digit'],
  ])('rejects a wrong length: %s (%s)', (barcode) => {
    expect(isValidGtin(barcode)).toBe(false);
  });

  it.each([
    ['400638133393A'],
    ['4006381-33393'],
    [' 4006381333931'],
    ['4006381333931\n'],
    ['４００６３８１３３３９３１'],
    ['+4006381333931'],
  ])('rejects non-digits: %j', (barcode) => {
    expect(isValidGtin(barcode)).toBe(false);
  });

  it('rejects values that are not strings', () => {
    expect(isValidGtin(4006381333931)).toBe(false);
    expect(isValidGtin(null)).toBe(false);
    expect(isValidGtin(undefined)).toBe(false);
  });
});

describe('normaliseGtin', () => {
  it('stores UPC-A as its GTIN-13 form and keeps EAN-13 as is', () => {
    expect(normaliseGtin('036000291452')).toBe('0036000291452');
    expect(normaliseGtin('4006381333931')).toBe('4006381333931');
  });

  it('returns null for an invalid barcode', () => {
    expect(normaliseGtin('4006381333932')).toBeNull();
  });
});

describe('@IsGtin', () => {
  class Sample {
    @IsGtin()
    barcode!: unknown;
  }

  function errorsFor(barcode: unknown) {
    return validateSync(Object.assign(new Sample(), { barcode }));
  }

  it('passes a valid barcode', () => {
    expect(errorsFor('4006381333931')).toEqual([]);
  });

  it('fails an invalid one, naming the property', () => {
    const [error] = errorsFor('4006381333932');
    expect(error.property).toBe('barcode');
    expect(error.constraints).toEqual({ isGtin: expect.stringContaining('check digit') });
  });
});
