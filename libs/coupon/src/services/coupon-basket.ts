import { CouponChannel } from '../entities/coupon.enums';

/** One basket line as a till, a storefront or the order lib sends it. */
export interface CouponBasketLine {
  /** One of variantId and sku is required; both when the caller has them (saves a look-up). */
  readonly variantId?: string | null;
  readonly sku?: string | null;
  /** 1 or more. */
  readonly quantity: number;
  /** Minor units of the basket currency, 0 or more. */
  readonly unitPriceAmount: number;
}

export interface CouponBasket {
  /** A typed code or a scanned QR token. */
  readonly codeOrToken: string;
  /** The selling (or pickup) store; null for an online order without one. */
  readonly storeId: string | null;
  readonly channel: CouponChannel;
  /** The identified customer, if any (a customer caller is always itself). */
  readonly customerId: string | null;
  readonly currency: string;
  readonly lines: readonly CouponBasketLine[];
}

/** A line with its SKU (and variant, when the catalog knows it) resolved. */
export interface ResolvedLine {
  readonly lineIndex: number;
  readonly variantId: string | null;
  readonly sku: string;
  readonly quantity: number;
  readonly unitPriceAmount: number;
}
