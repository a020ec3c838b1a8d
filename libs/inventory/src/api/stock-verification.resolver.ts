import { Query, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, Permission, RequestContext } from '@omnitill/common';
import { StockVerificationService } from '../services/stock-verification.service';
import { StockLedgerMismatchType, StockReservedMismatchType } from './types/stock-verification.type';

/** Invariant audits for operations and tests. Admins only. */
@Resolver()
export class StockVerificationResolver {
  constructor(private readonly verification: StockVerificationService) {}

  @Query(() => [StockLedgerMismatchType], { description: 'Levels whose on hand is not the sum of their movements. Empty when consistent.' })
  @Allow(Permission.ADMIN)
  async stockLedgerMismatches(@Ctx() ctx: RequestContext): Promise<StockLedgerMismatchType[]> {
    return (await this.verification.findLedgerMismatches(ctx)).map(StockLedgerMismatchType.from);
  }

  @Query(() => [StockReservedMismatchType], { description: 'Levels whose reserved is not what active reservations hold. Empty when consistent.' })
  @Allow(Permission.ADMIN)
  async stockReservedMismatches(@Ctx() ctx: RequestContext): Promise<StockReservedMismatchType[]> {
    return (await this.verification.findReservedMismatches(ctx)).map(StockReservedMismatchType.from);
  }
}
