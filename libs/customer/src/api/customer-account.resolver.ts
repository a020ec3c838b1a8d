import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, ForbiddenException, isErrorResult, Permission, RequestContext, Transaction } from '@omnitill/common';
import { customerChannelOf } from '../entities/customer.enums';
import { CustomerSignInInput, CustomerSignUpInput, UpdateMyConsentsInput, VerifyCustomerEmailArgs } from './inputs/customer.input';
import { CustomerSignInResult, CustomerSignUpResult, VerifyCustomerEmailResult } from './results/customer.result';
import { CustomerSessionType, CustomerType } from './types/customer.type';
import { QrCodeType } from './types/qr-code.type';
import { CustomerAccountService, CustomerSession } from '../services/customer-account.service';
import { CustomerIdentificationService } from '../services/customer-identification.service';
import { consentChoices, CustomerProfileService } from '../services/customer-profile.service';

function toSession(session: CustomerSession): CustomerSessionType {
  return Object.assign(new CustomerSessionType(), {
    token: session.token,
    expiresAt: session.expiresAt,
    customer: CustomerType.from(session.profile),
    emailVerificationToken: session.emailVerificationToken,
  });
}

/** The signed-in customer's id; only CUSTOMER callers reach the operations using it. */
function customerIdOf(ctx: RequestContext): string {
  if (ctx.actor.kind !== 'customer') {
    throw new ForbiddenException();
  }
  return ctx.actor.customerId;
}

/** Storefront accounts (x-api-key) and the signed-in customer's own profile (customer Bearer token). */
@Resolver(() => CustomerType)
export class CustomerAccountResolver {
  constructor(
    private readonly accounts: CustomerAccountService,
    private readonly profiles: CustomerProfileService,
    private readonly identification: CustomerIdentificationService,
  ) {}

  @Mutation(() => CustomerSignUpResult, { description: 'Creates an online account (email unverified) and signs it in.' })
  @Allow(Permission.STOREFRONT)
  @Transaction()
  async customerSignUp(@Ctx() ctx: RequestContext, @Args('input') input: CustomerSignUpInput): Promise<typeof CustomerSignUpResult> {
    const result = await this.accounts.signUp(ctx, { ...input, consents: consentChoices(input.marketingEmailConsent, input.marketingSmsConsent) });
    return isErrorResult(result) ? result : toSession(result);
  }

  @Mutation(() => CustomerSignInResult)
  @Allow(Permission.STOREFRONT)
  async customerSignIn(@Ctx() ctx: RequestContext, @Args('input') input: CustomerSignInInput): Promise<typeof CustomerSignInResult> {
    const result = await this.accounts.signIn(ctx, input.email, input.password);
    return isErrorResult(result) ? result : toSession(result);
  }

  @Mutation(() => VerifyCustomerEmailResult, { description: 'Marks the email verified with the token from the verification link.' })
  @Allow(Permission.STOREFRONT, Permission.CUSTOMER)
  @Transaction()
  async verifyCustomerEmail(@Ctx() ctx: RequestContext, @Args() args: VerifyCustomerEmailArgs): Promise<typeof VerifyCustomerEmailResult> {
    const result = await this.accounts.verifyEmail(ctx, args.token);
    return isErrorResult(result) ? result : CustomerType.from(result);
  }

  @Query(() => CustomerType, { description: "The signed-in customer's profile." })
  @Allow(Permission.CUSTOMER)
  async myProfile(@Ctx() ctx: RequestContext): Promise<CustomerType> {
    return CustomerType.from(await this.profiles.getLiveProfile(ctx, customerIdOf(ctx)));
  }

  @Mutation(() => CustomerType, { description: 'Gives or withdraws marketing consents; each change is kept in the history.' })
  @Allow(Permission.CUSTOMER)
  @Transaction()
  async updateMyConsents(@Ctx() ctx: RequestContext, @Args('input') input: UpdateMyConsentsInput): Promise<CustomerType> {
    const choices = consentChoices(input.emailMarketing, input.smsMarketing);
    return CustomerType.from(await this.profiles.updateConsents(ctx, customerIdOf(ctx), choices, customerChannelOf(ctx)));
  }

  @Query(() => QrCodeType, { description: 'The personal QR code to show at the till: staff scan it to attach the sale to this profile.' })
  @Allow(Permission.CUSTOMER)
  async myQrCode(@Ctx() ctx: RequestContext): Promise<QrCodeType> {
    return QrCodeType.from(await this.identification.personalQrCode(ctx, customerIdOf(ctx)));
  }
}
