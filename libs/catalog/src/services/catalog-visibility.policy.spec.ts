import { RequestContext } from '@omnitill/common';
import { ProductEntity } from '../entities/product.entity';
import { ProductVariantEntity, VariantWithProduct } from '../entities/product-variant.entity';
import { isVariantVisible, seesInactive } from './catalog-visibility.policy';

function variantOf(variantActive: boolean, productActive: boolean): VariantWithProduct {
  return Object.assign(new ProductVariantEntity(), {
    active: variantActive,
    product: Object.assign(new ProductEntity(), { active: productActive }),
  }) as VariantWithProduct;
}

describe('catalog visibility', () => {
  const staff = RequestContext.system();
  const storefront = new RequestContext({ kind: 'storefront', apiKeyId: 'k1' }, 'r1');
  const customer = new RequestContext({ kind: 'customer', customerId: 'c1' }, 'r2');
  const anonymous = RequestContext.anonymous();

  it('lets staff see inactive items and nobody else', () => {
    expect(seesInactive(staff)).toBe(true);
    for (const ctx of [storefront, customer, anonymous]) {
      expect(seesInactive(ctx)).toBe(false);
    }
  });

  it.each([
    [true, true, true],
    [false, true, false],
    [true, false, false],
    [false, false, false],
  ])('variant active=%s, product active=%s: visible to non-staff = %s', (variantActive, productActive, visible) => {
    const sut = variantOf(variantActive, productActive);
    expect(isVariantVisible(anonymous, sut)).toBe(visible);
    expect(isVariantVisible(staff, sut)).toBe(true);
  });
});
