import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ParseUUIDPipe } from '@nestjs/common';
import { Allow, Ctx, Managers, RequestContext, Transaction } from '@omnitill/common';
import { RegisterTerminalInput } from './inputs/store.input';
import { RegisteredTerminal, TerminalType } from './types/terminal.type';
import { TerminalService } from '../services/terminal.service';

@Resolver(() => TerminalType)
export class TerminalResolver {
  constructor(private readonly terminalService: TerminalService) {}

  @Query(() => [TerminalType], { description: "A store's POS terminals." })
  @Allow(...Managers)
  async terminals(@Ctx() ctx: RequestContext, @Args('storeId', { type: () => ID }, ParseUUIDPipe) storeId: string): Promise<TerminalType[]> {
    return (await this.terminalService.listForStore(ctx, storeId)).map(TerminalType.fromEntity);
  }

  @Mutation(() => RegisteredTerminal, { description: 'Registers a POS device; returns its key once.' })
  @Allow(...Managers)
  @Transaction()
  async registerTerminal(@Ctx() ctx: RequestContext, @Args('input') input: RegisterTerminalInput): Promise<RegisteredTerminal> {
    const { terminal, terminalKey } = await this.terminalService.register(ctx, input.storeId, input.name);
    return { terminal: TerminalType.fromEntity(terminal), terminalKey };
  }

  @Mutation(() => RegisteredTerminal, { description: 'Gives the terminal a new key (same id); the old key opens no new session. Returns the key once.' })
  @Allow(...Managers)
  @Transaction()
  async rotateTerminalKey(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }, ParseUUIDPipe) id: string): Promise<RegisteredTerminal> {
    const { terminal, terminalKey } = await this.terminalService.rotate(ctx, id);
    return { terminal: TerminalType.fromEntity(terminal), terminalKey };
  }

  @Mutation(() => TerminalType, { description: 'Revokes a terminal key: the device can no longer open sessions.' })
  @Allow(...Managers)
  @Transaction()
  async revokeTerminal(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }, ParseUUIDPipe) id: string): Promise<TerminalType> {
    return TerminalType.fromEntity(await this.terminalService.revoke(ctx, id));
  }
}
