import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { DERIVED_TABLE_QUEUE_LIMITS, EventBus, EventQueueWorker, isUuid, RequestContext } from '@omnitill/common';
import { PROJECTED_EVENT_TYPES, ProjectedEvent } from '../repositories/sale-line-projection.repository';
import { SALE_LINE_PROJECTION_OPTIONS, SaleLineProjectionOptions } from '../reporting.options';
import { SaleLineProjector } from './sale-line-projector.service';


/**
 * Keeps report_sale_line current from committed events, outside the sale's transaction (the till
 * never waits for it) and outside the relay's (EventQueueWorker: one worker per replica drains the
 * queue in batches); whatever fails, overflows or is lost in a crash is replayed by SaleLineCatchUp.
 */
@Injectable()
export class SaleLineSubscriber implements OnModuleInit, OnModuleDestroy {
  private unsubscribe: (() => void) | null = null;
  private readonly queue = new EventQueueWorker<ProjectedEvent>(
    new Logger(SaleLineSubscriber.name),
    (batch) => this.projector.apply(RequestContext.system(`report-sale-line:${batch[0].eventId}`), batch),
    DERIVED_TABLE_QUEUE_LIMITS,
  );

  constructor(
    @Inject(SALE_LINE_PROJECTION_OPTIONS) private readonly options: SaleLineProjectionOptions,
    private readonly bus: EventBus,
    private readonly projector: SaleLineProjector,
  ) {}

  onModuleInit(): void {
    if (!this.options.liveUpdates) {
      return;
    }
    this.queue.start();
    this.unsubscribe = this.bus.subscribe(PROJECTED_EVENT_TYPES, (event) => {
      if (isUuid(event.aggregateId)) {
        this.queue.push({ eventId: event.id, type: event.type, aggregateId: event.aggregateId, occurredAt: event.occurredAt });
      }
    });
  }

  async onModuleDestroy(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = null;
    await this.queue.stop();
  }
}
