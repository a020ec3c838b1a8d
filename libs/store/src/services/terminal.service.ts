import { Injectable } from '@nestjs/common';
import { Clock, generateApiKey, hashApiKey, NotFoundException, RequestContext } from '@omnitill/common';
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
    return { terminal, terminalKey };
  }

  async revoke(ctx: RequestContext, terminalId: string): Promise<TerminalEntity> {
    const terminal = await this.terminals.findById(ctx, terminalId);
    if (!terminal || !ctx.canActInStore(terminal.storeId)) {
      throw new NotFoundException('Terminal', terminalId);
    }
    if (terminal.active) {
      terminal.active = false;
      terminal.revokedAt = this.clock.now();
      await this.terminals.save(ctx, terminal);
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
