import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock, CROSS_STORE_ROLES, DUMMY_PASSWORD_HASH, IssuedSession, RequestContext, SessionTokenService, StaffRole, verifyPassword } from '@omnitill/common';
import { TerminalEntity, TerminalService } from '@omnitill/store';
import { AUTH_OPTIONS, AuthOptions } from '../auth.options';
import { StaffUserEntity } from '../entities/staff-user.entity';
import { InvalidCredentialsError, InvalidTerminalKeyError, LoginThrottledError, NotStoreMemberError } from '../errors/auth.errors';
import { LoginAttemptRepository } from '../repositories/login-attempt.repository';
import { StaffUserRepository } from '../repositories/staff-user.repository';

export interface StaffSession extends IssuedSession {
  readonly user: StaffUserEntity;
  readonly storeIds: string[];
  readonly terminal: TerminalEntity | null;
}

export type LoginResult = StaffSession | InvalidCredentialsError | LoginThrottledError;
export type TerminalLoginResult = LoginResult | InvalidTerminalKeyError | NotStoreMemberError;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

@Injectable()
export class StaffAuthService {
  private readonly logger = new Logger(StaffAuthService.name);

  constructor(
    private readonly users: StaffUserRepository,
    private readonly attempts: LoginAttemptRepository,
    private readonly terminals: TerminalService,
    private readonly sessions: SessionTokenService,
    private readonly clock: Clock,
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
  ) {}

  /** Back-office login: a session across the user's stores (or all stores for cross-store roles). */
  login(ctx: RequestContext, email: string, password: string): Promise<LoginResult> {
    return this.authenticate(ctx, normaliseEmail(email), password, null);
  }

  /** Login on a POS terminal: the session is bound to the terminal's store. */
  async terminalLogin(ctx: RequestContext, terminalKey: string | undefined, email: string, password: string): Promise<TerminalLoginResult> {
    const terminal = terminalKey ? await this.terminals.findActiveByKey(ctx, terminalKey) : null;
    if (!terminal) {
      this.logger.warn(`terminal login with an unknown or revoked key from ${ctx.ip ?? 'unknown ip'}`);
      return new InvalidTerminalKeyError();
    }
    return this.authenticate(ctx, normaliseEmail(email), password, terminal);
  }

  private async authenticate(ctx: RequestContext, email: string, password: string, terminal: TerminalEntity | null): Promise<TerminalLoginResult> {
    const now = this.clock.now();
    const windowStart = new Date(now.getTime() - this.options.loginWindowSeconds * 1000);
    const failures = await this.attempts.failuresSince(ctx, email, windowStart);
    if (failures.count >= this.options.loginMaxFailures) {
      const freesAt = (failures.oldest?.getTime() ?? now.getTime()) + this.options.loginWindowSeconds * 1000;
      this.logger.warn(`login throttled for ${email} from ${ctx.ip ?? 'unknown ip'} (${failures.count} failures)`);
      return new LoginThrottledError(Math.max(1, Math.ceil((freesAt - now.getTime()) / 1000)));
    }

    const user = await this.users.findByEmail(ctx, email);
    const passwordOk = await verifyPassword(password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
    const valid = user !== null && user.active && passwordOk;
    await this.attempts.record(ctx, { email, ip: ctx.ip, succeeded: valid, terminalId: terminal?.id ?? null, attemptedAt: now });
    if (!valid || !user) {
      return new InvalidCredentialsError();
    }

    const storeIds = (await this.users.storeIdsOf(ctx, [user.id])).get(user.id) ?? [];
    if (terminal && !CROSS_STORE_ROLES.includes(user.role) && !storeIds.includes(terminal.storeId)) {
      return new NotStoreMemberError();
    }
    if (terminal) {
      await this.terminals.recordLogin(ctx, terminal.id);
    }
    const issued = this.sessions.issueStaffSession({
      userId: user.id,
      role: user.role as StaffRole,
      storeIds,
      terminalId: terminal?.id ?? null,
      terminalStoreId: terminal?.storeId ?? null,
    });
    return { ...issued, user, storeIds, terminal };
  }
}
