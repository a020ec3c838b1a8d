import { Injectable } from '@nestjs/common';
import { RequestContext } from '@omnitill/common';

/**
 * What orders need to know about customers. The customer lib's adapter resolves identifiers
 * (personal QR, loyalty number, email, phone) and verified emails; without it, orders stay guest orders.
 */
export abstract class OrderCustomerDirectory {
  /** The live customer a till identifier stands for, or null when none matches. */
  abstract identify(ctx: RequestContext, identifier: string): Promise<string | null>;

  /** A live customer who verified this email (to link a guest's pickup order at the counter), or null. */
  abstract verifiedCustomerWithEmail(ctx: RequestContext, email: string): Promise<string | null>;
}

/** No customer directory: every identifier is unknown. */
@Injectable()
export class NoCustomerDirectory extends OrderCustomerDirectory {
  identify(): Promise<string | null> {
    return Promise.resolve(null);
  }

  verifiedCustomerWithEmail(): Promise<string | null> {
    return Promise.resolve(null);
  }
}
