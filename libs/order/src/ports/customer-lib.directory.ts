import { Injectable } from '@nestjs/common';
import { RequestContext } from '@omnitill/common';
import { CustomerIdentificationService, CustomerNotFoundError } from '@omnitill/customer';
import { OrderCustomerDirectory } from './order-customer.directory';

/** The customer lib as orders see it: identifiers resolve to live profiles (merges followed). */
@Injectable()
export class CustomerLibDirectory extends OrderCustomerDirectory {
  constructor(private readonly identification: CustomerIdentificationService) {
    super();
  }

  async identify(ctx: RequestContext, identifier: string): Promise<string | null> {
    const customer = await this.identification.identify(ctx, identifier);
    return customer instanceof CustomerNotFoundError ? null : customer.id;
  }

  async verifiedCustomerWithEmail(ctx: RequestContext, email: string): Promise<string | null> {
    const customer = await this.identification.identify(ctx, email);
    // Only a verified address proves the guest is that customer.
    return customer instanceof CustomerNotFoundError || customer.emailVerifiedAt === null ? null : customer.id;
  }
}
