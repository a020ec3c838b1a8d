import { Injectable } from '@nestjs/common';
import { RequestContext } from '@omnitill/common';
import { NamedRegistry } from './named-registry';

/**
 * Something that holds rows of a customer (orders, redemptions, returns) and moves them to the
 * survivor when support merges a duplicate profile. Runs inside the merge's transaction.
 */
export interface CustomerMergeParticipant {
  readonly name: string;
  /** Moves every row of `fromCustomerId` to `toCustomerId`; returns how many rows moved. */
  reassign(ctx: RequestContext, fromCustomerId: string, toCustomerId: string): Promise<number>;
}

@Injectable()
export class CustomerMergeRegistry extends NamedRegistry<CustomerMergeParticipant> {
  protected readonly kind = 'Customer merge participant';
}
