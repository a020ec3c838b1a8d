import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, isErrorResult, RequestContext, StoreStaff, Transaction } from '@omnitill/common';
import { customerChannelOf } from '../entities/customer.enums';
import { CreateCustomerAtTillInput, IdentifyCustomerArgs } from './inputs/customer.input';
import { CreateCustomerResult, IdentifyCustomerResult } from './results/customer.result';
import { CustomerType } from './types/customer.type';
import { CustomerIdentificationService } from '../services/customer-identification.service';
import { consentChoices, CustomerProfileService } from '../services/customer-profile.service';

/** Store staff attach customers to sales: identify one, or create one at the till. */
@Resolver(() => CustomerType)
export class CustomerPosResolver {
  constructor(
    private readonly identification: CustomerIdentificationService,
    private readonly profiles: CustomerProfileService,
  ) {}

  @Query(() => IdentifyCustomerResult, {
    description: 'Resolves a scanned personal QR code, a loyalty number, an email or a phone number. A merged profile resolves to its survivor.',
  })
  @Allow(...StoreStaff)
  async identifyCustomer(@Ctx() ctx: RequestContext, @Args() args: IdentifyCustomerArgs): Promise<typeof IdentifyCustomerResult> {
    const result = await this.identification.identifyProfile(ctx, args.identifier, args.phoneCountryCode);
    return isErrorResult(result) ? result : CustomerType.from(result);
  }

  @Mutation(() => CreateCustomerResult, { description: 'A profile without an online account; the channel is POS on a terminal, else BACK_OFFICE.' })
  @Allow(...StoreStaff)
  @Transaction()
  async createCustomerAtTill(@Ctx() ctx: RequestContext, @Args('input') input: CreateCustomerAtTillInput): Promise<typeof CreateCustomerResult> {
    const result = await this.profiles.createProfile(ctx, {
      ...input,
      channel: customerChannelOf(ctx),
      consents: consentChoices(input.marketingEmailConsent, input.marketingSmsConsent),
    });
    return isErrorResult(result) ? result : CustomerType.from(result);
  }
}
