import { Injectable } from '@nestjs/common';
import { AuditAction, AuditTrail, Clock, DomainException, ErrorCode, generateApiKey, hashApiKey, NotFoundException, RequestContext } from '@omnitill/common';
import { TerminalEntity } from '../entities/terminal.entity';
import { TerminalRepository } from '../repositories/terminal.repository';
import { StoreService } from './store.service';

export interface TerminalRegistration {
  readonly terminal: TerminalEntity;
  /** The plaintext key, returned once; only its hash is stored. */
  readonly terminalKey: string;
}

@Injectable()
export class TerminalService {
  constructor(
    private readonly terminals: TerminalRepository,
    private readonly stores: StoreService,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
  ) {}

  async register(ctx: RequestContext, storeId: string, name: string): Promise<TerminalRegistration> {
    ctx.assertCanActInStore(storeId);
    await this.stores.getById(ctx, storeId);
    const terminalKey = generateApiKey('term');
    const terminal = await this.terminals.insert(ctx, {
      storeId,
      name,
      keyHash: hashApiKey(terminalKey),
      keyPrefix: terminalKey.slice(0, 12),
    });
    await this.audit.record(ctx, {
      action: AuditAction.TERMINAL_KEY_ISSUED, subjectType: 'terminal', subjectId: terminal.id, storeId,
      after: { name, keyPrefix: terminal.keyPrefix },
    });
    return { terminal, terminalKey };
  }

  /**
   * A new key for the same device (a key that leaked, or routine rotation): the old key opens no
   * new session from now on, and the sessions opened before end (the auth guard checks).
   */
  async rotate(ctx: RequestContext, terminalId: string): Promise<TerminalRegistration> {
    const terminal = await this.getVisible(ctx, terminalId);
    if (!terminal.active) {
      throw new DomainException(ErrorCode.CONFLICT, 'A revoked terminal cannot be rotated; register the device again');
    }
    const previousPrefix = terminal.keyPrefix;
    const terminalKey = generateApiKey('term');
    terminal.keyHash = hashApiKey(terminalKey);
    terminal.keyPrefix = terminalKey.slice(0, 12);
    terminal.keyRotatedAt = this.clock.now();
    await this.terminals.save(ctx, terminal);
    await this.audit.record(ctx, {
      action: AuditAction.TERMINAL_KEY_ROTATED, subjectType: 'terminal', subjectId: terminal.id, storeId: terminal.storeId,
      before: { keyPrefix: previousPrefix }, after: { keyPrefix: terminal.keyPrefix },
    });
    return { terminal, terminalKey };
  }

  async revoke(ctx: RequestContext, terminalId: string): Promise<TerminalEntity> {
    const terminal = await this.getVisible(ctx, terminalId);
    if (terminal.active) {
      terminal.active = false;
      terminal.revokedAt = this.clock.now();
      await this.terminals.save(ctx, terminal);
      await this.audit.record(ctx, {
        action: AuditAction.TERMINAL_KEY_REVOKED, subjectType: 'terminal', subjectId: terminal.id, storeId: terminal.storeId,
        before: { active: true }, after: { active: false },
      });
    }
    return terminal;
  }

  /** A terminal of another store answers like a missing one. */
  private async getVisible(ctx: RequestContext, terminalId: string): Promise<TerminalEntity> {
    const terminal = await this.terminals.findById(ctx, terminalId);
    if (!terminal || !ctx.canActInStore(terminal.storeId)) {
      throw new NotFoundException('Terminal', terminalId);
    }
    return terminal;
  }

  listForStore(ctx: RequestContext, storeId: string): Promise<TerminalEntity[]> {
    ctx.assertCanActInStore(storeId);
    return this.terminals.listByStore(ctx, storeId);
  }

  /** The active terminal holding this key, or null. Used when staff open a session on a till. */
  findActiveByKey(ctx: RequestContext, terminalKey: string): Promise<TerminalEntity | null> {
    return this.terminals.findActiveByKeyHash(ctx, hashApiKey(terminalKey));
  }

  recordLogin(ctx: RequestContext, terminalId: string): Promise<void> {
    return this.terminals.touchLastLogin(ctx, terminalId, this.clock.now());
  }
}
