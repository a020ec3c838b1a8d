import { Module } from '@nestjs/common';
import { StoreResolver } from './api/store.resolver';
import { TerminalResolver } from './api/terminal.resolver';
import { StoreRepository } from './repositories/store.repository';
import { TerminalRepository } from './repositories/terminal.repository';
import { StoreService } from './services/store.service';
import { TerminalService } from './services/terminal.service';

@Module({
  providers: [StoreRepository, TerminalRepository, StoreService, TerminalService, StoreResolver, TerminalResolver],
  exports: [StoreService, TerminalService],
})
export class StoreModule {}
