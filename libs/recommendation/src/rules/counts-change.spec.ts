import { applyBasketDeltas } from './basket-change';
import { foldUnitsChanges, UnitsChange } from './counts-change';

const units = (entries: Record<string, number>) => new Map(Object.entries(entries));
const sale = (basketId: string, entries: Record<string, number>, storeId = 'store-1', day = '2026-11-30'): UnitsChange => ({ basketId, storeId, day, units: units(entries) });

describe('foldUnitsChanges', () => {
  it('one change writes exactly what applyBasketDeltas says it changes', () => {
    const before = units({ cap: 1 });
    const sut = foldUnitsChanges(new Map([['alice', before]]), [sale('alice', { shoes: 1, socks: 2 })]);
    const single = applyBasketDeltas(before, units({ shoes: 1, socks: 2 }));

    expect(sut.buyerDeltas).toEqual([...single.buyerDeltas]);
    expect(sut.pairDeltas).toEqual(single.pairDeltas);
    expect(sut.basketItemsSet).toEqual([['alice', 'shoes', 1], ['alice', 'socks', 2]]);
    expect(sut.basketItemsGone).toEqual([]);
    expect(sut.dailySales).toEqual([['store-1', '2026-11-30', 'shoes', 1], ['store-1', '2026-11-30', 'socks', 2]]);
  });

  it('sums buyers and pairs over baskets: two customers buying the same pair count it twice', () => {
    const sut = foldUnitsChanges(new Map(), [sale('bob', { shoes: 1, socks: 1 }), sale('alice', { socks: 1, shoes: 1 })]);

    expect(sut.buyerDeltas).toEqual([['shoes', 2], ['socks', 2]]);
    expect(sut.pairDeltas).toEqual([['shoes', 'socks', 2], ['socks', 'shoes', 2]]);
    expect(sut.basketItemsSet.map(([basketId]) => basketId)).toEqual(['alice', 'alice', 'bob', 'bob']);
    expect(sut.dailySales).toEqual([['store-1', '2026-11-30', 'shoes', 2], ['store-1', '2026-11-30', 'socks', 2]]);
  });

  it('folds two sales of one basket in order: the second pairs with the first, a repeat product counts once', () => {
    const sut = foldUnitsChanges(new Map(), [sale('alice', { shoes: 1 }), sale('alice', { shoes: 1, socks: 1 }, 'store-2', '2026-12-01')]);

    expect(sut.buyerDeltas).toEqual([['shoes', 1], ['socks', 1]]);
    expect(sut.pairDeltas).toEqual([['shoes', 'socks', 1], ['socks', 'shoes', 1]]);
    expect(sut.basketItemsSet).toEqual([['alice', 'shoes', 2], ['alice', 'socks', 1]]);
    expect(sut.dailySales).toEqual([
      ['store-1', '2026-11-30', 'shoes', 1],
      ['store-2', '2026-12-01', 'shoes', 1],
      ['store-2', '2026-12-01', 'socks', 1],
    ]);
  });

  it('a return of everything deletes the basket items and takes the buyers and pairs away', () => {
    const sut = foldUnitsChanges(new Map([['alice', units({ shoes: 1, socks: 1 })]]), [sale('alice', { shoes: -1, socks: -1 })]);

    expect(sut.basketItemsGone).toEqual([['alice', 'shoes'], ['alice', 'socks']]);
    expect(sut.basketItemsSet).toEqual([]);
    expect(sut.buyerDeltas).toEqual([['shoes', -1], ['socks', -1]]);
    expect(sut.pairDeltas).toEqual([['shoes', 'socks', -1], ['socks', 'shoes', -1]]);
    expect(sut.dailySales).toEqual([['store-1', '2026-11-30', 'shoes', -1], ['store-1', '2026-11-30', 'socks', -1]]);
  });

  it('leaves out rows whose net change is zero: items already held and units sold then taken back on one day', () => {
    const sut = foldUnitsChanges(new Map([['alice', units({ shoes: 1 })]]), [sale('alice', { socks: 1 }), sale('alice', { socks: -1 })]);

    expect(sut.buyerDeltas).toEqual([]);
    expect(sut.pairDeltas).toEqual([]);
    expect(sut.basketItemsSet).toEqual([]);
    expect(sut.basketItemsGone).toEqual([]);
    expect(sut.dailySales).toEqual([]);
  });
});
