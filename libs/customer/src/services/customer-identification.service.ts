import { Injectable } from '@nestjs/common';
import { isUuid, RequestContext, SessionTokenService } from '@omnitill/common';
import { CustomerProfile } from '../entities/customer-consent.entity';
import { CustomerEntity } from '../entities/customer.entity';
import { CustomerNotFoundError } from '../errors/customer.errors';
import { renderQrCode, RenderedQrCode } from '../qr/qr-code.renderer';
import { CustomerRepository } from '../repositories/customer.repository';
import { classifyIdentifier } from '../rules/customer-identifier';
import { CustomerProfileService } from './customer-profile.service';

const CUSTOMER_QR_PURPOSE = 'customer-qr';

interface CustomerQrClaims {
  /** Customer id. */
  readonly c: string;
}

/**
 * Who is at the till: resolves a scanned personal QR code, a loyalty number, an email or a phone
 * number to a live profile (a merged profile's identifiers resolve to its survivor). Forged,
 * malformed, unknown and erased all answer the same CustomerNotFoundError, so nothing can be
 * learned by probing.
 */
@Injectable()
export class CustomerIdentificationService {
  constructor(
    private readonly customers: CustomerRepository,
    private readonly profiles: CustomerProfileService,
    private readonly sessions: SessionTokenService,
  ) {}

  async identify(ctx: RequestContext, identifier: string, phoneCountryCode?: string | null): Promise<CustomerEntity | CustomerNotFoundError> {
    const found = await this.lookUp(ctx, identifier, phoneCountryCode ?? undefined);
    const live = found ? await this.profiles.followMerge(ctx, found) : null;
    return live ?? new CustomerNotFoundError();
  }

  async identifyProfile(ctx: RequestContext, identifier: string, phoneCountryCode?: string | null): Promise<CustomerProfile | CustomerNotFoundError> {
    const customer = await this.identify(ctx, identifier, phoneCountryCode);
    return customer instanceof CustomerNotFoundError ? customer : this.profiles.profileOf(ctx, customer);
  }

  /** The personal QR code of a live customer: a signed token holding only the customer id. */
  async personalQrCode(ctx: RequestContext, customerId: string): Promise<RenderedQrCode> {
    const customer = await this.profiles.getLive(ctx, customerId);
    return renderQrCode(this.sessions.signedTokens.sign<CustomerQrClaims>(CUSTOMER_QR_PURPOSE, { c: customer.id }));
  }

  private async lookUp(ctx: RequestContext, raw: string, phoneCountryCode: string | undefined): Promise<CustomerEntity | null> {
    const identifier = classifyIdentifier(raw, phoneCountryCode);
    if (identifier === null) {
      return null;
    }
    switch (identifier.kind) {
      case 'qr-token': {
        const claims = this.sessions.signedTokens.verify<CustomerQrClaims>(CUSTOMER_QR_PURPOSE, identifier.token);
        return claims && isUuid(claims.c) ? this.customers.findById(ctx, claims.c) : null;
      }
      case 'loyalty-number':
        return this.customers.findByLoyaltyNumber(ctx, identifier.loyaltyNumber);
      case 'email':
        return this.customers.findByEmail(ctx, identifier.email);
      case 'phone':
        return this.customers.findByPhone(ctx, identifier.phone);
    }
  }
}
