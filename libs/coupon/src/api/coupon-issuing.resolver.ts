import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ParseUUIDPipe } from '@nestjs/common';
import { Allow, Ctx, ForbiddenException, isErrorResult, Permission, RequestContext, Transaction } from '@omnitill/common';
import { QrCodeType } from '@omnitill/customer';
import { IssueCouponResult } from './results/coupon.result';
import { IssuedCouponType, MyCouponType } from './types/coupon.type';
import { CouponIssuingService } from '../services/coupon-issuing.service';

/** Issuing codes to customers (storefront after an ad sign-up, or admins) and the customer's own coupons. */
@Resolver(() => MyCouponType)
export class CouponIssuingResolver {
  constructor(private readonly issuing: CouponIssuingService) {}

  @Mutation(() => IssueCouponResult, {
    description: 'Issues an unused single-use code of the campaign to the customer, with its QR code. Idempotent: an unused code already issued comes back.',
  })
  @Allow(Permission.STOREFRONT, Permission.ADMIN)
  @Transaction()
  async issueCoupon(
    @Ctx() ctx: RequestContext,
    @Args('campaignId', { type: () => ID }, ParseUUIDPipe) campaignId: string,
    @Args('customerId', { type: () => ID }, ParseUUIDPipe) customerId: string,
  ): Promise<typeof IssueCouponResult> {
    const result = await this.issuing.issue(ctx, campaignId, customerId);
    return isErrorResult(result) ? result : IssuedCouponType.from(result);
  }

  @Query(() => [MyCouponType], { description: "The signed-in customer's coupons, newest first (at most 100)." })
  @Allow(Permission.CUSTOMER)
  async myCoupons(@Ctx() ctx: RequestContext): Promise<MyCouponType[]> {
    if (ctx.actor.kind !== 'customer') {
      throw new ForbiddenException();
    }
    return (await this.issuing.myCoupons(ctx, ctx.actor.customerId)).map(MyCouponType.fromEntity);
  }

  @ResolveField(() => QrCodeType)
  async qr(@Parent() coupon: MyCouponType): Promise<QrCodeType> {
    return QrCodeType.from(await this.issuing.qrCodeFor(coupon.code));
  }
}
