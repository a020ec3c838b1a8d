import { Injectable } from '@nestjs/common';
import { isUuid, SessionTokenService } from '@omnitill/common';
import { StoreEntity } from '@omnitill/store';
import { buildReceipt, Receipt, RECEIPT_TOKEN_PURPOSE } from '../receipts/receipt';
import { OrderDetails } from '../repositories/order.repository';

interface ReceiptTokenClaims {
  readonly o: string;
}


/** Receipts and their QR tokens (signed, deterministic: a reprint carries the same QR). */
@Injectable()
export class ReceiptService {
  constructor(private readonly sessions: SessionTokenService) {}

  build(details: OrderDetails, store: StoreEntity): Receipt {
    return buildReceipt(details, store, this.tokenFor(details.order.id));
  }

  tokenFor(orderId: string): string {
    return this.sessions.signedTokens.sign<ReceiptTokenClaims>(RECEIPT_TOKEN_PURPOSE, { o: orderId });
  }

  /** The order a receipt QR stands for, or null when it is not one of ours. */
  orderIdOf(token: string): string | null {
    const claims = this.sessions.signedTokens.verify<ReceiptTokenClaims>(RECEIPT_TOKEN_PURPOSE, token.trim());
    return claims && isUuid(claims.o) ? claims.o : null;
  }
}
