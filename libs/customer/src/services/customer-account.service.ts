import { Injectable, Logger } from '@nestjs/common';
import { Clock, IssuedSession, isErrorResult, RequestContext, SessionTokenService } from '@omnitill/common';
import { CustomerProfile } from '../entities/customer-consent.entity';
import { CustomerChannel } from '../entities/customer.enums';
import {
  CustomerInvalidCredentialsError, CustomerSignInThrottledError, EmailTakenError, InvalidEmailVerificationTokenError, PhoneTakenError,
} from '../errors/customer.errors';
import { CustomerSignInAttemptRepository } from '../repositories/customer-sign-in-attempt.repository';
import { CustomerRepository } from '../repositories/customer.repository';
import { DUMMY_CUSTOMER_PASSWORD_HASH, verifyCustomerPassword } from '../rules/customer-password';
import { normaliseEmail } from '../rules/customer-identifier';
import { ConsentChoice, CustomerProfileService } from './customer-profile.service';

const EMAIL_VERIFY_PURPOSE = 'email-verify';
const EMAIL_VERIFY_TTL_SECONDS = 7 * 24 * 3600;
/** Failed sign-ins per email within the window before further attempts are refused (as for staff). */
export const CUSTOMER_SIGN_IN_MAX_FAILURES = 5;
export const CUSTOMER_SIGN_IN_WINDOW_SECONDS = 15 * 60;

interface EmailVerifyClaims {
  /** Customer id. */
  readonly c: string;
  /** The email the token proves; a changed email needs a new token. */
  readonly e: string;
  readonly exp: number;
}

export interface CustomerSession extends IssuedSession {
  readonly profile: CustomerProfile;
  /** Sign-up only: what the verification email's link carries. */
  readonly emailVerificationToken: string | null;
}

export interface SignUp {
  readonly email: string;
  readonly password: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly phone?: string | null;
  readonly phoneCountryCode?: string | null;
  readonly consents: readonly ConsentChoice[];
}

/**
 * Storefront accounts: sign-up, sign-in and email verification. A new account's email is
 * unverified; sign-up returns a signed verification token that the storefront mails as a link
 * (no mailer lives in this service), and verifyEmail marks the address verified.
 */
@Injectable()
export class CustomerAccountService {
  private readonly logger = new Logger(CustomerAccountService.name);

  constructor(
    private readonly profiles: CustomerProfileService,
    private readonly customers: CustomerRepository,
    private readonly attempts: CustomerSignInAttemptRepository,
    private readonly sessions: SessionTokenService,
    private readonly clock: Clock,
  ) {}

  async signUp(ctx: RequestContext, input: SignUp): Promise<CustomerSession | EmailTakenError | PhoneTakenError> {
    const created = await this.profiles.create(ctx, { ...input, channel: CustomerChannel.ONLINE });
    if (isErrorResult(created)) {
      return created;
    }
    return {
      ...this.sessions.issueCustomerSession(created.id),
      profile: await this.profiles.profileOf(ctx, created),
      emailVerificationToken: this.verificationTokenFor(created.id, created.email ?? ''),
    };
  }

  /**
   * The same typed error for an unknown email, a wrong password, a profile without an online
   * account and an erased one; a merged profile's credentials sign in to the survivor. After
   * repeated failures for one email, attempts are refused for a while, even with the right password.
   */
  async signIn(
    ctx: RequestContext,
    rawEmail: string,
    password: string,
  ): Promise<CustomerSession | CustomerInvalidCredentialsError | CustomerSignInThrottledError> {
    const email = normaliseEmail(rawEmail);
    const now = this.clock.now();
    const failures = await this.attempts.failuresSince(ctx, email, new Date(now.getTime() - CUSTOMER_SIGN_IN_WINDOW_SECONDS * 1000));
    if (failures.count >= CUSTOMER_SIGN_IN_MAX_FAILURES) {
      const freesAt = (failures.oldest?.getTime() ?? now.getTime()) + CUSTOMER_SIGN_IN_WINDOW_SECONDS * 1000;
      this.logger.warn(`customer sign-in throttled for ${email} from ${ctx.ip ?? 'unknown ip'}`);
      return new CustomerSignInThrottledError(Math.max(1, Math.ceil((freesAt - now.getTime()) / 1000)));
    }
    const customer = await this.customers.findByEmail(ctx, email);
    const passwordOk = await verifyCustomerPassword(password, customer?.passwordHash ?? DUMMY_CUSTOMER_PASSWORD_HASH);
    const live = customer && passwordOk ? await this.profiles.followMerge(ctx, customer) : null;
    await this.attempts.record(ctx, { email, ip: ctx.ip?.slice(0, 64) ?? null, succeeded: live !== null, attemptedAt: now });
    if (!live) {
      return new CustomerInvalidCredentialsError();
    }
    return { ...this.sessions.issueCustomerSession(live.id), profile: await this.profiles.profileOf(ctx, live), emailVerificationToken: null };
  }

  async verifyEmail(ctx: RequestContext, token: string): Promise<CustomerProfile | InvalidEmailVerificationTokenError> {
    const claims = this.sessions.signedTokens.verify<EmailVerifyClaims>(EMAIL_VERIFY_PURPOSE, token);
    const now = this.clock.now();
    if (!claims || typeof claims.c !== 'string' || typeof claims.exp !== 'number' || claims.exp * 1000 <= now.getTime()) {
      return new InvalidEmailVerificationTokenError();
    }
    const customer = await this.customers.findById(ctx, claims.c);
    if (!customer || customer.erasedAt !== null || customer.email !== claims.e) {
      return new InvalidEmailVerificationTokenError();
    }
    if (customer.emailVerifiedAt === null) {
      customer.emailVerifiedAt = now;
      await this.customers.save(ctx, customer);
    }
    return this.profiles.profileOf(ctx, customer);
  }

  private verificationTokenFor(customerId: string, email: string): string {
    const exp = Math.floor(this.clock.now().getTime() / 1000) + EMAIL_VERIFY_TTL_SECONDS;
    return this.sessions.signedTokens.sign<EmailVerifyClaims>(EMAIL_VERIFY_PURPOSE, { c: customerId, e: email, exp });
  }
}
