import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { entityManagerOf, Page, RequestContext } from '@omnitill/common';
import { StockTransferEntity, StockTransferLineEntity, TransferWithLines } from '../entities/stock-transfer.entity';
import { StockTransferState } from '../entities/stock.enums';
import { StockLine } from '../rules/stock-lines';

export type TransferInsert = Pick<StockTransferEntity, 'id' | 'fromStoreId' | 'toStoreId' | 'createdBy' | 'createdAt'>;

@Injectable()
export class TransferRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(ctx: RequestContext, transfer: TransferInsert, lines: readonly StockLine[]): Promise<TransferWithLines> {
    const manager = entityManagerOf(ctx, this.dataSource);
    const entity = manager.create(StockTransferEntity, {
      ...transfer,
      state: StockTransferState.IN_TRANSIT,
      receivedBy: null,
      receivedAt: null,
      cancelledAt: null,
    });
    const lineEntities = lines.map((line) =>
      manager.create(StockTransferLineEntity, { transferId: transfer.id, variantId: line.variantId, quantity: line.quantity }),
    );
    await manager.insert(StockTransferEntity, entity);
    await manager.insert(StockTransferLineEntity, lineEntities);
    return Object.assign(entity, { lines: lineEntities });
  }

  async findForUpdate(ctx: RequestContext, id: string): Promise<TransferWithLines | null> {
    const manager = entityManagerOf(ctx, this.dataSource);
    const transfer = await manager.findOne(StockTransferEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!transfer) {
      return null;
    }
    const lines = await manager.find(StockTransferLineEntity, { where: { transferId: id }, order: { variantId: 'ASC' } });
    return Object.assign(transfer, { lines });
  }

  async save(ctx: RequestContext, transfer: TransferWithLines): Promise<TransferWithLines> {
    const { lines, ...row } = transfer;
    await entityManagerOf(ctx, this.dataSource).update(StockTransferEntity, { id: transfer.id }, {
      state: row.state,
      receivedBy: row.receivedBy,
      receivedAt: row.receivedAt,
      cancelledAt: row.cancelledAt,
    });
    return Object.assign(transfer, { lines });
  }

  /** Transfers leaving or reaching a store, newest first, with their lines (two queries for the page). */
  async listForStore(
    ctx: RequestContext,
    storeId: string,
    state: StockTransferState | undefined,
    skip: number,
    take: number,
  ): Promise<Page<TransferWithLines>> {
    const manager = entityManagerOf(ctx, this.dataSource);
    const qb = manager
      .createQueryBuilder(StockTransferEntity, 't')
      .where('(t.from_store_id = :storeId OR t.to_store_id = :storeId)', { storeId });
    if (state) {
      qb.andWhere('t.state = :state', { state });
    }
    const [items, totalCount] = await qb.orderBy('t.created_at', 'DESC').addOrderBy('t.id', 'ASC').skip(skip).take(take).getManyAndCount();
    const lines = items.length === 0
      ? []
      : await manager
        .createQueryBuilder(StockTransferLineEntity, 'l')
        .where('l.transfer_id = ANY(:ids)', { ids: items.map((t) => t.id) })
        .orderBy('l.variant_id', 'ASC')
        .getMany();
    const byTransfer = new Map<string, StockTransferLineEntity[]>(items.map((t) => [t.id, []]));
    for (const line of lines) {
      byTransfer.get(line.transferId)?.push(line);
    }
    return {
      items: items.map((t) => Object.assign(t, { lines: byTransfer.get(t.id) ?? [] })),
      totalCount,
      skip,
      take,
    };
  }
}
