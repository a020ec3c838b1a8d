import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Actor, CustomerActor, StaffActor } from '../context/actor';
import { StaffRole } from '../context/roles';
import { Clock } from '../time/clock';
import { SignedTokenCodec } from './signed-token';

export const SECURITY_OPTIONS = Symbol('SECURITY_OPTIONS');

export interface SecurityOptions {
  readonly tokenSecret: string;
  readonly sessionTtlSeconds: number;
}

interface StaffSessionClaims {
  readonly k: 'staff';
  readonly sub: string;
  readonly role: StaffRole;
  readonly stores: string[];
  readonly tid: string | null;
  readonly sid: string | null;
  readonly iat: number;
  readonly exp: number;
  readonly jti: string;
}

interface CustomerSessionClaims {
  readonly k: 'customer';
  readonly sub: string;
  readonly iat: number;
  readonly exp: number;
  readonly jti: string;
}

type SessionClaims = StaffSessionClaims | CustomerSessionClaims;

const SESSION_PURPOSE = 'session';

export interface IssuedSession {
  readonly token: string;
  readonly expiresAt: Date;
}

/**
 * Short-lived signed session tokens for staff (optionally bound to a terminal and its store) and
 * customers. Verifying needs no database round trip; the short lifetime bounds staleness.
 */
@Injectable()
export class SessionTokenService {
  private readonly codec: SignedTokenCodec;

  constructor(
    @Inject(SECURITY_OPTIONS) private readonly options: SecurityOptions,
    private readonly clock: Clock,
  ) {
    this.codec = new SignedTokenCodec(options.tokenSecret);
  }

  issueStaffSession(actor: Omit<StaffActor, 'kind'>): IssuedSession {
    const { iat, exp } = this.lifetime();
    const claims: StaffSessionClaims = {
      k: 'staff',
      sub: actor.userId,
      role: actor.role,
      stores: [...actor.storeIds],
      tid: actor.terminalId,
      sid: actor.terminalStoreId,
      iat,
      exp,
      jti: randomUUID(),
    };
    return { token: this.codec.sign(SESSION_PURPOSE, claims), expiresAt: new Date(exp * 1000) };
  }

  issueCustomerSession(customerId: string): IssuedSession {
    const { iat, exp } = this.lifetime();
    const claims: CustomerSessionClaims = { k: 'customer', sub: customerId, iat, exp, jti: randomUUID() };
    return { token: this.codec.sign(SESSION_PURPOSE, claims), expiresAt: new Date(exp * 1000) };
  }

  /** The actor a session token stands for, or null when it is forged, malformed or expired. */
  verify(token: string): StaffActor | CustomerActor | null {
    return this.open(token)?.actor ?? null;
  }

  /** Like verify, with when the session was issued (to end sessions opened before a revocation). */
  open(token: string): { readonly actor: StaffActor | CustomerActor; readonly issuedAt: Date } | null {
    const claims = this.codec.verify<SessionClaims>(SESSION_PURPOSE, token);
    if (!claims || typeof claims.exp !== 'number' || typeof claims.iat !== 'number' || claims.exp * 1000 <= this.clock.now().getTime()) {
      return null;
    }
    return { actor: this.toActor(claims), issuedAt: new Date(claims.iat * 1000) };
  }

  private toActor(claims: SessionClaims): Actor & (StaffActor | CustomerActor) {
    switch (claims.k) {
      case 'staff':
        return {
          kind: 'staff',
          userId: claims.sub,
          role: claims.role,
          storeIds: claims.stores,
          terminalId: claims.tid,
          terminalStoreId: claims.sid,
        };
      case 'customer':
        return { kind: 'customer', customerId: claims.sub };
    }
  }

  private lifetime(): { iat: number; exp: number } {
    const iat = Math.floor(this.clock.now().getTime() / 1000);
    return { iat, exp: iat + this.options.sessionTtlSeconds };
  }

  /** The codec for other signed tokens (pickup QR, coupon QR), sharing the configured secret. */
  get signedTokens(): SignedTokenCodec {
    return this.codec;
  }
}
