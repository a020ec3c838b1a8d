import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { entityManagerOf, RequestContext } from '@omnitill/common';
import { TerminalEntity } from '../entities/terminal.entity';

@Injectable()
export class TerminalRepository {
  constructor(private readonly dataSource: DataSource) {}

  findById(ctx: RequestContext, id: string): Promise<TerminalEntity | null> {
    return entityManagerOf(ctx, this.dataSource).findOneBy(TerminalEntity, { id });
  }

  findActiveByKeyHash(ctx: RequestContext, keyHash: string): Promise<TerminalEntity | null> {
    return entityManagerOf(ctx, this.dataSource).findOneBy(TerminalEntity, { keyHash, active: true });
  }

  listByStore(ctx: RequestContext, storeId: string): Promise<TerminalEntity[]> {
    return entityManagerOf(ctx, this.dataSource).find(TerminalEntity, { where: { storeId }, order: { createdAt: 'ASC' } });
  }

  insert(ctx: RequestContext, terminal: Pick<TerminalEntity, 'storeId' | 'name' | 'keyHash' | 'keyPrefix'>): Promise<TerminalEntity> {
    const manager = entityManagerOf(ctx, this.dataSource);
    return manager.save(TerminalEntity, manager.create(TerminalEntity, { ...terminal, active: true }));
  }

  save(ctx: RequestContext, terminal: TerminalEntity): Promise<TerminalEntity> {
    return entityManagerOf(ctx, this.dataSource).save(TerminalEntity, terminal);
  }

  async touchLastLogin(ctx: RequestContext, id: string, at: Date): Promise<void> {
    await entityManagerOf(ctx, this.dataSource).update(TerminalEntity, { id }, { lastLoginAt: at });
  }
}
