import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  Actor, ALLOW_METADATA_KEY, ANONYMOUS, DomainException, ErrorCode, ForbiddenException, Permission, REQUEST_CONTEXT_KEY,
  RequestContext, requestOf, SessionTokenService,
} from '@omnitill/common';
import { SessionValidityService } from '../services/session-validity.service';
import { StorefrontKeyService } from '../services/storefront-key.service';

interface HttpRequestLike {
  id?: string;
  ip?: string;
  headers: Record<string, string | string[] | undefined>;
}

function header(request: HttpRequestLike, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

/** Whether `actor` holds any of `allowed`. PUBLIC admits everyone. */
export function isPermitted(actor: Actor, allowed: readonly Permission[]): boolean {
  if (allowed.includes(Permission.PUBLIC)) {
    return true;
  }
  switch (actor.kind) {
    case 'anonymous':
      return false;
    case 'storefront':
      return allowed.includes(Permission.STOREFRONT);
    case 'customer':
      return allowed.includes(Permission.CUSTOMER);
    case 'staff':
      return allowed.includes(actor.role as unknown as Permission);
  }
}

/**
 * The one gate: resolves who is calling (once per request) into a RequestContext, then checks the
 * operation's `@Allow(...)`. An operation without `@Allow` is denied to everyone.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionTokenService,
    private readonly storefrontKeys: StorefrontKeyService,
    private readonly validity: SessionValidityService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = requestOf(context) as unknown as HttpRequestLike & Record<string, unknown>;
    let ctx = request[REQUEST_CONTEXT_KEY] as RequestContext | undefined;
    if (!ctx) {
      ctx = await this.buildContext(request);
      request[REQUEST_CONTEXT_KEY] = ctx;
    }
    const allowed = this.reflector.getAllAndOverride<readonly Permission[] | undefined>(ALLOW_METADATA_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!allowed || allowed.length === 0) {
      this.logger.error(`${context.getClass().name}.${context.getHandler().name} has no @Allow: denied`);
      throw new ForbiddenException();
    }
    if (isPermitted(ctx.actor, allowed)) {
      return true;
    }
    if (ctx.actor.kind === 'anonymous') {
      throw new DomainException(ErrorCode.UNAUTHENTICATED, 'Sign in or send an API key to do this');
    }
    throw new ForbiddenException();
  }

  private async buildContext(request: HttpRequestLike): Promise<RequestContext> {
    const requestId = request.id ?? 'unknown';
    const ip = request.ip ?? null;
    const authorization = header(request, 'authorization');
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      const session = match ? this.sessions.open(match[1]) : null;
      if (!session) {
        throw new DomainException(ErrorCode.UNAUTHENTICATED, 'The session token is invalid or expired');
      }
      if (session.actor.kind === 'staff') {
        const ended = await this.validity.endedBecause(session.actor, session.issuedAt);
        if (ended) {
          this.logger.warn(`refused a staff session of ${session.actor.userId}: ${ended}`);
          throw new DomainException(ErrorCode.UNAUTHENTICATED, `The session has ended: ${ended}; sign in again`);
        }
      }
      return new RequestContext(session.actor, requestId, ip);
    }
    const apiKey = header(request, 'x-api-key');
    if (apiKey !== undefined) {
      const keyId = apiKey.length <= 200 ? await this.storefrontKeys.resolve(RequestContext.anonymous(requestId), apiKey) : null;
      if (!keyId) {
        this.logger.warn(`unknown or revoked storefront key from ${ip ?? 'unknown ip'}`);
        throw new DomainException(ErrorCode.UNAUTHENTICATED, 'The API key is invalid or revoked');
      }
      return new RequestContext({ kind: 'storefront', apiKeyId: keyId }, requestId, ip);
    }
    return new RequestContext(ANONYMOUS, requestId, ip);
  }
}
