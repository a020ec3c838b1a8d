import { applyBasketDeltas, cosineSimilarity } from './basket-change';

const basket = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe('applyBasketDeltas', () => {
  it('a first purchase of two products adds both buyers and the pair in both directions', () => {
    const sut = applyBasketDeltas(basket({}), basket({ shoes: 1, socks: 2 }));
    expect([...sut.after]).toEqual([['shoes', 1], ['socks', 2]]);
    expect([...sut.buyerDeltas]).toEqual([['shoes', 1], ['socks', 1]]);
    expect(sut.pairDeltas).toEqual([['shoes', 'socks', 1], ['socks', 'shoes', 1]]);
  });

  it('a new product pairs with everything the customer already holds, a repeat purchase changes nothing', () => {
    const sut = applyBasketDeltas(basket({ shoes: 1, cap: 1 }), basket({ shoes: 1, socks: 1 }));
    expect(sut.after.get('shoes')).toBe(2);
    expect([...sut.buyerDeltas]).toEqual([['socks', 1]]);
    expect(sut.pairDeltas).toEqual([['cap', 'socks', 1], ['shoes', 'socks', 1], ['socks', 'cap', 1], ['socks', 'shoes', 1]]);
  });

  it('returning some units keeps the product; returning the last unit removes it and its pairs', () => {
    const partly = applyBasketDeltas(basket({ shoes: 2, socks: 1 }), basket({ shoes: -1 }));
    expect(partly.buyerDeltas.size).toBe(0);
    expect(partly.pairDeltas).toEqual([]);

    const fully = applyBasketDeltas(basket({ shoes: 2, socks: 1, cap: 1 }), basket({ shoes: -2 }));
    expect([...fully.after.keys()]).toEqual(['socks', 'cap']);
    expect([...fully.buyerDeltas]).toEqual([['shoes', -1]]);
    expect(fully.pairDeltas).toEqual([['cap', 'shoes', -1], ['shoes', 'cap', -1], ['shoes', 'socks', -1], ['socks', 'shoes', -1]]);
  });

  it('removing two products at once removes their pair once per direction', () => {
    const sut = applyBasketDeltas(basket({ a: 1, b: 1 }), basket({ a: -1, b: -1 }));
    expect(sut.after.size).toBe(0);
    expect(sut.pairDeltas).toEqual([['a', 'b', -1], ['b', 'a', -1]]);
  });

  it('never goes below zero units', () => {
    const sut = applyBasketDeltas(basket({ a: 1 }), basket({ a: -3, b: -1 }));
    expect(sut.after.size).toBe(0);
    expect([...sut.buyerDeltas]).toEqual([['a', -1]]);
  });
});

describe('cosineSimilarity', () => {
  it('normalises by both products\' buyers', () => {
    expect(cosineSimilarity(3, 5, 3)).toBeCloseTo(3 / Math.sqrt(15), 12);
    expect(cosineSimilarity(2, 2, 2)).toBe(1);
  });

  it('a best-seller bought by everyone scores below a niche companion with fewer co-purchases', () => {
    expect(cosineSimilarity(10, 20, 1000)).toBeLessThan(cosineSimilarity(4, 20, 5));
  });

  it('is zero without co-purchases or buyers', () => {
    expect(cosineSimilarity(0, 5, 5)).toBe(0);
    expect(cosineSimilarity(1, 0, 5)).toBe(0);
  });
});
