import { planSettlement } from './settlement';

const held = [
  { variantId: 'a', quantity: 2 },
  { variantId: 'b', quantity: 3 },
];

describe('planSettlement', () => {
  it('takes everything held by default', () => {
    expect(planSettlement(held)).toEqual([
      { variantId: 'a', take: 2, release: 2 },
      { variantId: 'b', take: 3, release: 3 },
    ]);
  });

  it('takes what is listed and releases the rest', () => {
    expect(planSettlement(held, [{ variantId: 'B', quantity: 1 }])).toEqual([
      { variantId: 'a', take: 0, release: 2 },
      { variantId: 'b', take: 1, release: 3 },
    ]);
  });

  it.each([
    [[{ variantId: 'a', quantity: 3 }], /from 0 to 2/],
    [[{ variantId: 'a', quantity: -1 }], /from 0 to 2/],
    [[{ variantId: 'z', quantity: 1 }], /not part of this reservation/],
    [[{ variantId: 'a', quantity: 1 }, { variantId: 'A', quantity: 1 }], /listed twice/],
  ])('refuses %j', (quantities, message) => {
    expect(() => planSettlement(held, quantities)).toThrow(message);
  });
});
