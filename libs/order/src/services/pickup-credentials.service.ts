import { Inject, Injectable } from '@nestjs/common';
import { isUuid, SECURITY_OPTIONS, SecurityOptions, SessionTokenService } from '@omnitill/common';
import {
  generatePickupCode, generatePickupNonce, hashPickupCode, pickupCodeMatches, PICKUP_TOKEN_PURPOSE, PickupTokenPayload,
} from '../rules/pickup-code';

export interface IssuedPickupCredentials {
  /** Shown once; only its keyed hash is stored. */
  readonly code: string;
  readonly codeHash: string;
  readonly nonce: string;
  /** What the QR holds: signed, opaque, names the order and the nonce. */
  readonly qrToken: string;
}


/** Pickup codes and QR tokens: issued when an order is ready, checked at the counter. */
@Injectable()
export class PickupCredentialsService {
  constructor(
    @Inject(SECURITY_OPTIONS) private readonly security: SecurityOptions,
    private readonly sessions: SessionTokenService,
  ) {}

  issue(orderId: string): IssuedPickupCredentials {
    const code = generatePickupCode();
    const nonce = generatePickupNonce();
    return {
      code,
      codeHash: hashPickupCode(this.security.tokenSecret, orderId, code),
      nonce,
      qrToken: this.sessions.signedTokens.sign<PickupTokenPayload>(PICKUP_TOKEN_PURPOSE, { o: orderId, n: nonce }),
    };
  }

  /** The token's claims when it is ours and well-formed, else null. */
  readToken(token: string): PickupTokenPayload | null {
    const claims = this.sessions.signedTokens.verify<PickupTokenPayload>(PICKUP_TOKEN_PURPOSE, token.trim());
    return claims && isUuid(claims.o) && typeof claims.n === 'string' ? claims : null;
  }

  codeMatches(orderId: string, code: string, storedHash: string | null): boolean {
    return pickupCodeMatches(this.security.tokenSecret, orderId, code, storedHash);
  }
}
