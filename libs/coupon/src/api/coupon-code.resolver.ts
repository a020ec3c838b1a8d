import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ParseUUIDPipe } from '@nestjs/common';
import { Allow, AnyStaff, Ctx, isErrorResult, PageArgs, Permission, RequestContext, toPaginated, Transaction } from '@omnitill/common';
import { QrCodeType } from '@omnitill/customer';
import { CreateSharedCodeArgs, GenerateCouponCodesArgs } from './inputs/campaign.input';
import { CouponQrArgs } from './inputs/coupon-basket.input';
import { CreateSharedCodeResult } from './results/coupon.result';
import { CouponCodeList, CouponCodeType } from './types/coupon.type';
import { CouponCodeAdminService } from '../services/coupon-code-admin.service';

/** Codes of campaigns: bulk generation, shared codes, listings, QR codes. */
@Resolver(() => CouponCodeType)
export class CouponCodeResolver {
  constructor(private readonly codes: CouponCodeAdminService) {}

  @Mutation(() => Int, { description: 'Adds 1 to 10,000 single-use codes to the campaign in one statement; returns how many.' })
  @Allow(Permission.ADMIN)
  @Transaction()
  async generateCouponCodes(@Ctx() ctx: RequestContext, @Args() args: GenerateCouponCodesArgs): Promise<number> {
    return this.codes.generate(ctx, args.campaignId, args.count);
  }

  @Mutation(() => CreateSharedCodeResult, { description: 'A code many people can type, such as WELCOME10.' })
  @Allow(Permission.ADMIN)
  @Transaction()
  async createSharedCode(@Ctx() ctx: RequestContext, @Args() args: CreateSharedCodeArgs): Promise<typeof CreateSharedCodeResult> {
    const result = await this.codes.createShared(ctx, args.campaignId, args.code, args.maxUses ?? null);
    return isErrorResult(result) ? result : CouponCodeType.fromEntity(result);
  }

  @Query(() => CouponCodeList, { description: 'Oldest first.' })
  @Allow(Permission.ADMIN)
  async couponCodes(
    @Ctx() ctx: RequestContext,
    @Args('campaignId', { type: () => ID }, ParseUUIDPipe) campaignId: string,
    @Args() page: PageArgs,
  ): Promise<CouponCodeList> {
    return toPaginated(await this.codes.list(ctx, campaignId, page.skip, page.take), CouponCodeType.fromEntity);
  }

  @Query(() => QrCodeType, { description: 'The QR code of a code, to print or re-send. NOT_FOUND for an unknown code.' })
  @Allow(...AnyStaff)
  async couponQr(@Ctx() ctx: RequestContext, @Args() args: CouponQrArgs): Promise<QrCodeType> {
    return QrCodeType.from(await this.codes.qrCode(ctx, args.code));
  }
}
