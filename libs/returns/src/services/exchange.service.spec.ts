import { exchangeDifference } from './exchange.service';

describe('exchangeDifference', () => {
  it('uses the returned value for the replacement first, then collects or refunds the difference', () => {
    expect(exchangeDifference(5999, 5999)).toEqual({ credit: 5999, collect: 0, refund: 0 });
    expect(exchangeDifference(5999, 7999)).toEqual({ credit: 5999, collect: 2000, refund: 0 });
    expect(exchangeDifference(5999, 2500)).toEqual({ credit: 2500, collect: 0, refund: 3499 });
    expect(exchangeDifference(0, 1000)).toEqual({ credit: 0, collect: 1000, refund: 0 });
  });
});
