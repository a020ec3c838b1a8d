import { Injectable } from '@nestjs/common';
import { BadInputException, Clock, isUniqueViolation, MarketingConsent, NotFoundException, Page, RequestContext } from '@omnitill/common';
import { CustomerConsentEntity, CustomerProfile } from '../entities/customer-consent.entity';
import { CUSTOMER_EMAIL_UNIQUE_INDEX, CUSTOMER_PHONE_UNIQUE_INDEX, CustomerEntity, isLiveCustomer } from '../entities/customer.entity';
import { ConsentPurpose, CustomerChannel } from '../entities/customer.enums';
import { EmailTakenError, PhoneTakenError } from '../errors/customer.errors';
import { CustomerConsentRepository } from '../repositories/customer-consent.repository';
import { CustomerRepository } from '../repositories/customer.repository';
import { hashCustomerPassword } from '../rules/customer-password';
import { normaliseEmail } from '../rules/customer-identifier';
import { generateLoyaltyNumber, parseLoyaltyNumber } from '../rules/loyalty-number';
import { normalisePhone } from '../rules/phone-number';
import { marketingConsentOf } from './customer-events.service';

export interface ConsentChoice {
  readonly purpose: ConsentPurpose;
  readonly granted: boolean;
}

export interface NewCustomer {
  readonly email: string;
  readonly phone?: string | null;
  readonly phoneCountryCode?: string | null;
  readonly firstName?: string | null;
  readonly lastName?: string | null;
  /** Storefront sign-ups only. */
  readonly password?: string | null;
  readonly channel: CustomerChannel;
  readonly consents: readonly ConsentChoice[];
}

/** Consent choices from the optional booleans of an input; an omitted one records nothing. */
export function consentChoices(email: boolean | null | undefined, sms: boolean | null | undefined): ConsentChoice[] {
  const choices: ConsentChoice[] = [];
  if (typeof email === 'boolean') {
    choices.push({ purpose: ConsentPurpose.EMAIL_MARKETING, granted: email });
  }
  if (typeof sms === 'boolean') {
    choices.push({ purpose: ConsentPurpose.SMS_MARKETING, granted: sms });
  }
  return choices;
}

/** Creating, reading and searching profiles, and their consents. */
@Injectable()
export class CustomerProfileService {
  constructor(
    private readonly customers: CustomerRepository,
    private readonly consents: CustomerConsentRepository,
    private readonly clock: Clock,
  ) {}

  /** Must run in a transaction: a typed error rolls back the profile and its consents together. */
  async create(ctx: RequestContext, input: NewCustomer): Promise<CustomerEntity | EmailTakenError | PhoneTakenError> {
    const email = normaliseEmail(input.email);
    const phone = this.normalisePhoneOrThrow(input.phone, input.phoneCountryCode);
    if (await this.customers.findByEmail(ctx, email)) {
      return new EmailTakenError(email);
    }
    if (phone !== null && (await this.customers.findByPhone(ctx, phone))) {
      return new PhoneTakenError(phone);
    }
    let customer: CustomerEntity;
    try {
      customer = await this.customers.insert(ctx, {
        email,
        phone,
        firstName: input.firstName?.trim() ?? null,
        lastName: input.lastName?.trim() ?? null,
        // 10 random digits: a collision is a one-in-billions event, reported as an error if it happens.
        loyaltyNumber: generateLoyaltyNumber(),
        passwordHash: input.password ? await hashCustomerPassword(input.password) : null,
        emailVerifiedAt: null,
        createdChannel: input.channel,
      });
    } catch (error) {
      // A concurrent sign-up took the email or phone between our check and the insert.
      if (isUniqueViolation(error, CUSTOMER_EMAIL_UNIQUE_INDEX)) {
        return new EmailTakenError(email);
      }
      if (phone !== null && isUniqueViolation(error, CUSTOMER_PHONE_UNIQUE_INDEX)) {
        return new PhoneTakenError(phone);
      }
      throw error;
    }
    await this.recordConsents(ctx, customer.id, input.consents, input.channel);
    return customer;
  }

  async createProfile(ctx: RequestContext, input: NewCustomer): Promise<CustomerProfile | EmailTakenError | PhoneTakenError> {
    const created = await this.create(ctx, input);
    return created instanceof CustomerEntity ? this.profileOf(ctx, created) : created;
  }

  /** Any profile by id, erased or merged included (support sees them all). */
  async getProfile(ctx: RequestContext, id: string): Promise<CustomerProfile> {
    const customer = await this.customers.findById(ctx, id);
    if (!customer) {
      throw new NotFoundException('Customer', id);
    }
    return this.profileOf(ctx, customer);
  }

  async profileOf(ctx: RequestContext, customer: CustomerEntity): Promise<CustomerProfile> {
    const [profile] = await this.profilesOf(ctx, [customer]);
    return profile;
  }

  /** Attaches current consents to each profile with ONE query. */
  async profilesOf(ctx: RequestContext, customers: readonly CustomerEntity[]): Promise<CustomerProfile[]> {
    const consents = await this.consents.currentFor(ctx, customers.map((customer) => customer.id));
    return customers.map((customer) => ({ customer, consents: consents.get(customer.id) ?? [] }));
  }

  /**
   * The live profile this id stands for: itself, or the survivor it was merged into; null when it
   * is unknown or erased. Old sessions, QR cards and loyalty numbers of a merged profile keep working.
   */
  async resolveLive(ctx: RequestContext, id: string): Promise<CustomerEntity | null> {
    const customer = await this.customers.findById(ctx, id);
    return customer ? this.followMerge(ctx, customer) : null;
  }

  async followMerge(ctx: RequestContext, customer: CustomerEntity): Promise<CustomerEntity | null> {
    // Merges keep chains one level deep (see CustomerRepository.markMerged).
    const live = customer.mergedIntoId === null ? customer : await this.customers.findById(ctx, customer.mergedIntoId);
    return live && isLiveCustomer(live) ? live : null;
  }

  /** Like resolveLive, but NOT_FOUND when there is no live profile. */
  async getLive(ctx: RequestContext, id: string): Promise<CustomerEntity> {
    const customer = await this.resolveLive(ctx, id);
    if (!customer) {
      throw new NotFoundException('Customer', id);
    }
    return customer;
  }

  /** Of `ids`, those that are live profiles themselves: not erased, not merged into another. */
  async liveAmong(ctx: RequestContext, ids: readonly string[]): Promise<Set<string>> {
    return new Set((await this.customers.findByIds(ctx, ids)).filter(isLiveCustomer).map((customer) => customer.id));
  }

  /** The marketing consent of a customer as events carry it (null customer: none). */
  async marketingConsentOf(ctx: RequestContext, customerId: string | null): Promise<MarketingConsent | null> {
    return customerId === null ? null : ((await this.marketingConsentsOf(ctx, [customerId])).get(customerId) ?? null);
  }

  /** The marketing consent of each of `customerIds` as events carry it, in one read. */
  async marketingConsentsOf(ctx: RequestContext, customerIds: readonly string[]): Promise<Map<string, MarketingConsent>> {
    const consents = await this.consents.currentFor(ctx, customerIds);
    return new Map(customerIds.map((id) => [id, marketingConsentOf(consents.get(id) ?? [])]));
  }

  async getLiveProfile(ctx: RequestContext, id: string): Promise<CustomerProfile> {
    return this.profileOf(ctx, await this.getLive(ctx, id));
  }

  /**
   * The live profile whose verified email this is, or null. For claiming guest orders: only a
   * verified address proves the signed-in customer owns orders placed with it.
   */
  async findByVerifiedEmail(ctx: RequestContext, email: string): Promise<CustomerEntity | null> {
    const customer = await this.customers.findByEmail(ctx, normaliseEmail(email));
    if (!customer || customer.emailVerifiedAt === null) {
      return null;
    }
    return this.followMerge(ctx, customer);
  }

  async search(ctx: RequestContext, search: string | undefined, skip: number, take: number): Promise<Page<CustomerProfile>> {
    const text = search?.trim();
    const page = await this.customers.search(ctx, {
      text: text || undefined,
      phone: text ? normalisePhone(text) : null,
      loyaltyNumber: text ? parseLoyaltyNumber(text) : null,
      skip,
      take,
    });
    return { ...page, items: await this.profilesOf(ctx, page.items) };
  }

  /** Records only real changes (a repeated choice adds no history row). Returns the updated profile. */
  async updateConsents(ctx: RequestContext, customerId: string, choices: readonly ConsentChoice[], channel: CustomerChannel): Promise<CustomerProfile> {
    const customer = await this.getLive(ctx, customerId);
    await this.recordConsents(ctx, customer.id, choices, channel);
    return this.profileOf(ctx, customer);
  }

  private async recordConsents(ctx: RequestContext, customerId: string, choices: readonly ConsentChoice[], channel: CustomerChannel): Promise<void> {
    const current = (await this.consents.currentFor(ctx, [customerId])).get(customerId) ?? [];
    const recordedAt = this.clock.now();
    const changes = choices.filter((choice) => !current.some((row: CustomerConsentEntity) => row.purpose === choice.purpose && row.granted === choice.granted));
    await this.consents.record(ctx, changes.map((choice) => ({ customerId, purpose: choice.purpose, granted: choice.granted, channel, recordedAt })));
  }

  private normalisePhoneOrThrow(raw: string | null | undefined, callingCode: string | null | undefined): string | null {
    if (raw === undefined || raw === null || raw.trim() === '') {
      return null;
    }
    const phone = normalisePhone(raw, callingCode ?? undefined);
    if (phone === null) {
      throw new BadInputException('phone is not a valid phone number', [
        { field: 'phone', messages: ['phone must be an international number (+49 170 1234567) or a national one starting with 0'] },
      ]);
    }
    return phone;
  }
}
