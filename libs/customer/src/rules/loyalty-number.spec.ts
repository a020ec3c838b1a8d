import { generateLoyaltyNumber, luhnCheckDigit, parseLoyaltyNumber } from './loyalty-number';

describe('loyalty numbers', () => {
  it('computes the Luhn check digit of a known number', () => {
    // 7992739871 -> 3 is the textbook example.
    expect(luhnCheckDigit('7992739871')).toBe(3);
  });

  it('generates valid, distinct numbers', () => {
    const numbers = new Set(Array.from({ length: 200 }, generateLoyaltyNumber));
    expect(numbers.size).toBe(200);
    for (const number of numbers) {
      expect(number).toMatch(/^OT\d{11}$/);
      expect(parseLoyaltyNumber(number)).toBe(number);
    }
  });

  it('accepts lower case and surrounding spaces, rejects a wrong check digit or format', () => {
    const number = generateLoyaltyNumber();
    expect(parseLoyaltyNumber(` ${number.toLowerCase()} `)).toBe(number);
    const wrong = `${number.slice(0, 12)}${(Number(number[12]) + 1) % 10}`;
    expect(parseLoyaltyNumber(wrong)).toBeNull();
    for (const junk of ['', 'OT', 'OT123', 'XX12345678901', `${number}0`]) {
      expect(parseLoyaltyNumber(junk)).toBeNull();
    }
  });
});
