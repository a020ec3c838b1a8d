import { Injectable } from '@nestjs/common';
import { RequestContext } from '@omnitill/common';
import { LedgerMismatch, ReservedMismatch, VerificationRepository } from '../repositories/verification.repository';

/** Audits the stock invariants; both lists are empty when everything is consistent. */
@Injectable()
export class StockVerificationService {
  constructor(private readonly verification: VerificationRepository) {}

  /** Levels whose on hand differs from the sum of their movements (or from the newest on_hand_after). */
  findLedgerMismatches(ctx: RequestContext): Promise<LedgerMismatch[]> {
    return this.verification.ledgerMismatches(ctx);
  }

  /** Levels whose reserved differs from what their ACTIVE reservations hold. */
  findReservedMismatches(ctx: RequestContext): Promise<ReservedMismatch[]> {
    return this.verification.reservedMismatches(ctx);
  }
}
