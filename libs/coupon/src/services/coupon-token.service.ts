import { Injectable } from '@nestjs/common';
import { SessionTokenService } from '@omnitill/common';
import { renderQrCode, RenderedQrCode } from '@omnitill/customer';
import { InvalidCouponTokenError, UnknownCouponError } from '../errors/coupon.errors';
import { normaliseCouponCode } from '../rules/coupon-code';

const COUPON_TOKEN_PURPOSE = 'coupon';

interface CouponTokenClaims {
  /** The code. One letter keeps the token (and so the QR code) small. */
  readonly k: string;
}

/**
 * Coupon QR codes hold `<payload>.<signature>` with the code inside; the till sends what it scanned
 * and the server checks the signature, so a QR code cannot be edited into another code. A typed
 * code (no dot) is accepted as is.
 */
@Injectable()
export class CouponTokenService {
  constructor(private readonly sessions: SessionTokenService) {}

  tokenFor(code: string): string {
    return this.sessions.signedTokens.sign<CouponTokenClaims>(COUPON_TOKEN_PURPOSE, { k: code });
  }

  qrCodeFor(code: string): Promise<RenderedQrCode> {
    return renderQrCode(this.tokenFor(code));
  }

  /** The normalised code a scanned token or typed code names, or why it names none. */
  codeOf(codeOrToken: string): string | UnknownCouponError | InvalidCouponTokenError {
    const value = codeOrToken.trim();
    if (value.includes('.')) {
      const claims = this.sessions.signedTokens.verify<CouponTokenClaims>(COUPON_TOKEN_PURPOSE, value);
      const code = claims && typeof claims.k === 'string' ? normaliseCouponCode(claims.k) : null;
      return code ?? new InvalidCouponTokenError();
    }
    return normaliseCouponCode(value) ?? new UnknownCouponError();
  }
}
