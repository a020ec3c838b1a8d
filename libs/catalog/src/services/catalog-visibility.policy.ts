import { RequestContext } from '@omnitill/common';
import { VariantWithProduct } from '../entities/product-variant.entity';

/**
 * Staff (any role, back office or POS) see inactive products and variants, so they can manage them
 * and still ring up a retired item; storefronts, customers and anonymous callers see active ones only.
 */
export function seesInactive(ctx: RequestContext): boolean {
  return ctx.staff !== null;
}

/** A variant is visible when the caller sees inactive items, or both it and its product are active. */
export function isVariantVisible(ctx: RequestContext, variant: VariantWithProduct): boolean {
  return seesInactive(ctx) || (variant.active && variant.product.active);
}
