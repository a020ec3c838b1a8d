import { allocateProportionally, Money } from './money';

describe('Money', () => {
  it('adds and multiplies in minor units', () => {
    const sut = new Money(1999, 'EUR');
    expect(sut.multiply(3).add(new Money(3, 'EUR'))).toEqual(new Money(6000, 'EUR'));
  });

  it('refuses fractional amounts and mixed currencies', () => {
    expect(() => new Money(10.5, 'EUR')).toThrow('integer');
    expect(() => new Money(1, 'EUR').add(new Money(1, 'USD'))).toThrow('Currency mismatch');
  });

  it('formats with the currency exponent', () => {
    expect(new Money(1999, 'EUR').format()).toBe('19.99 EUR');
    expect(new Money(-5, 'EUR').format()).toBe('-0.05 EUR');
    expect(new Money(1200, 'JPY').format()).toBe('1200 JPY');
  });
});

describe('allocateProportionally', () => {
  it('always sums to the total', () => {
    expect(allocateProportionally(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocateProportionally(1000, [5000, 3000, 2000])).toEqual([500, 300, 200]);
    expect(allocateProportionally(7, [3, 3])).toEqual([4, 3]);
  });

  it('gives everything to the first weight when all weights are zero', () => {
    expect(allocateProportionally(5, [0, 0])).toEqual([5, 0]);
  });
});
